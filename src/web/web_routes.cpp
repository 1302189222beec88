#include "web/web_routes.h"

#include <cctype>
#include <string>
#include <utility>

#include "web/web_assets.h"

namespace ordo::web {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Whether an Accept-Encoding value admits gzip: "gzip" or "*" (any case) listed without a
// weight of zero ("gzip;q=0", "gzip;q=0.000" refuse it).
bool AcceptsGzip(std::string_view accept) {
  while (!accept.empty()) {
    const size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    const size_t semicolon = item.find(';');
    std::string coding(Trim(item.substr(0, semicolon)));
    for (char& c : coding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (coding != "gzip" && coding != "*") continue;
    if (semicolon == std::string_view::npos) return true;
    const std::string_view param = Trim(item.substr(semicolon + 1));
    if (param.substr(0, 2) != "q=" && param.substr(0, 2) != "Q=") return true;
    const std::string_view weight = Trim(param.substr(2));
    return weight.find_first_not_of("0.") != std::string_view::npos;
  }
  return false;
}

const WebAsset* Find(std::string_view path) {
  for (const WebAsset& asset : WebAssets()) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

void Serve(const WebAsset& asset, const http::Request& request, http::Responder respond) {
  http::Response response;
  response.SetHeader("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.SetHeader("Vary", "Accept-Encoding");
  response.SetHeader("ETag", std::string(asset.etag));
  response.SetHeader("Cache-Control",
                     asset.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (request.Header("If-None-Match").value_or("") == asset.etag) {
    response.status = 304;
    respond(std::move(response));
    return;
  }
  response.SetHeader("Content-Type", std::string(asset.content_type));
  if (AcceptsGzip(request.Header("Accept-Encoding").value_or(""))) {
    response.SetHeader("Content-Encoding", "gzip");
    response.body = std::string(asset.gzip);
  } else {
    response.body = std::string(asset.body);
  }
  respond(std::move(response));
}

}  // namespace

void AddWebRoutes(http::Router& router) {
  router.Add("GET", "/", [](http::Request& request, http::Responder respond) {
    Serve(*Find("/index.html"), request, std::move(respond));
  });
  router.Add("GET", "/assets/{name}", [](http::Request& request, http::Responder respond) {
    const WebAsset* asset = Find("/assets/" + request.path_params.at("name"));
    if (asset == nullptr) {
      respond(http::Response::Problem(404, "not_found", "Not found", "no such file"));
      return;
    }
    Serve(*asset, request, std::move(respond));
  });
}

}  // namespace ordo::web
