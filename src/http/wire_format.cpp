#include "http/wire_format.h"

#include <algorithm>
#include <utility>

namespace ordo::http::internal {
namespace {

namespace bhttp = boost::beast::http;

std::string_view View(boost::beast::string_view text) {
  return {text.data(), text.size()};
}

bool IsWritableHeader(std::string_view name, std::string_view value) {
  for (std::string_view reserved :
       {"Content-Length", "Transfer-Encoding", "Connection", "X-Request-Id"}) {
    if (EqualsIgnoreCase(name, reserved)) return false;
  }
  auto unsafe = [](char c) { return c == '\r' || c == '\n' || c == '\0'; };
  return !name.empty() && std::none_of(name.begin(), name.end(), unsafe) &&
         std::none_of(value.begin(), value.end(), unsafe);
}

// Headers every answer carries unless its handler set its own value: the answers are data for
// a client, never a page to sniff, frame or cache (an answer may hold a token or a customer's
// figures, and shared caches must not keep it). A handler that serves something cacheable or
// framable (the web application's assets, later) sets its own Cache-Control or CSP.
constexpr std::pair<std::string_view, std::string_view> kDefaultHeaders[] = {
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-store"},
};

bool HasHeader(const Response& response, std::string_view name) {
  return std::any_of(response.headers.begin(), response.headers.end(),
                     [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
}

}  // namespace

std::string FormatEndpoint(const boost::asio::ip::tcp::endpoint& endpoint) {
  std::string address = endpoint.address().to_string();
  if (endpoint.address().is_v6()) address = "[" + address + "]";
  return address + ":" + std::to_string(endpoint.port());
}

void CopyRequestHead(const RequestMessage& message, Request& request) {
  request.method = std::string(View(message.method_string()));
  for (char& c : request.method) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  request.target = std::string(View(message.target()));
  request.path = std::string(SplitTarget(request.target).first);
  for (const auto& field : message) {
    request.headers.emplace_back(View(field.name_string()), View(field.value()));
  }
}

bool ExpectsContinue(const RequestMessage& message) {
  return message.version() >= 11 &&
         EqualsIgnoreCase(View(message[bhttp::field::expect]), "100-continue");
}

std::optional<Response> HostProblem(const Request& request, unsigned version) {
  auto hosts = std::count_if(request.headers.begin(), request.headers.end(),
                             [](const auto& h) { return EqualsIgnoreCase(h.first, "Host"); });
  if (hosts == 0 && version >= 11) {
    return Response::Problem(400, "missing_host", "Bad Request",
                             "an HTTP/1.1 request must carry a Host header");
  }
  if (hosts > 1) {
    return Response::Problem(400, "bad_request", "Bad Request",
                             "the request carries more than one Host header");
  }
  return std::nullopt;
}

namespace {

void SetHead(const Response& response, std::string_view request_id, unsigned version,
             ResponseMessage& out) {
  out.version(version == 10 ? 10 : 11);
  out.result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers) {
    if (IsWritableHeader(name, value)) out.insert(name, value);
  }
  for (const auto& [name, value] : kDefaultHeaders) {
    if (!HasHeader(response, name)) {
      out.insert(boost::beast::string_view(name.data(), name.size()),
                 boost::beast::string_view(value.data(), value.size()));
    }
  }
  out.insert("X-Request-Id", boost::beast::string_view(request_id.data(), request_id.size()));
}

}  // namespace

void BuildResponseMessage(const Response& response, std::string_view request_id, unsigned version,
                          bool head_request, bool keep_alive, ResponseMessage& out) {
  SetHead(response, request_id, version, out);
  if (response.status != 204 && response.status != 304) {
    out.content_length(response.body.size());
    if (!head_request) out.body() = {response.body.data(), response.body.size()};
  }
  out.keep_alive(keep_alive);
}

void BuildStreamHead(const Response& response, std::string_view request_id, unsigned version,
                     ResponseMessage& out) {
  SetHead(response, request_id, version, out);
  out.keep_alive(false);
}

}  // namespace ordo::http::internal
