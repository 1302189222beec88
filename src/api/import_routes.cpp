#include "api/import_routes.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "csvio/import_kinds.h"

namespace ordo::api {
namespace {

using nlohmann::json;

constexpr const char* kImportsPrefix = "/api/v1/imports/";

// Whether a Content-Type value names text/csv (parameters such as charset ignored).
bool IsCsvMediaType(std::string_view type) {
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  constexpr std::string_view kCsv = "text/csv";
  if (type.size() != kCsv.size()) return false;
  for (size_t i = 0; i < type.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(type[i])) != kCsv[i]) return false;
  }
  return true;
}

// 422 invalid_rows with each problem at its line and column; nothing was imported.
http::Response RowsProblem(const std::vector<csvio::CsvError>& rows) {
  json errors = json::array();
  for (const csvio::CsvError& e : rows) {
    errors.push_back({{"field", e.field},
                      {"code", e.code},
                      {"message", e.message},
                      {"line", e.line},
                      {"column", e.column}});
  }
  const std::string detail = std::to_string(rows.size()) +
                             (rows.size() == 1 ? " problem" : " problems") +
                             " in the file; nothing was imported";
  return http::Response::Problem(422, "invalid_rows", "Unprocessable request", detail, errors);
}

void Import(ApiContext& ctx, http::Request& request, http::Responder respond) {
  const csvio::ImportKind* kind = csvio::FindImportKind(*request.PathParam("kind"));
  // Authentication first: an anonymous caller learns nothing, not even which kinds exist.
  auto who = kind ? RequirePermission(ctx, request, respond, kind->write_action)
                  : RequirePrincipal(ctx, request, respond);
  if (!who) return;
  if (!IsCsvMediaType(request.Header("Content-Type").value_or(""))) {
    return respond(http::Response::Problem(415, "unsupported_media_type", "Unsupported media type",
                                           "an import's body is a CSV file sent as text/csv"));
  }
  if (!kind) {
    return respond(
        ProblemFor(Status::NotFound("no import kind " + std::string(*request.PathParam("kind")))));
  }
  // Read and checked here, on the worker; applied on the writer.
  csvio::PreparedImport prepared = kind->prepare(request.body);
  if (!prepared.errors.empty()) return respond(RowsProblem(prepared.errors));
  // The domain's rejections, written by the command on the writer and read by its answer,
  // which runs after it.
  auto rejected = std::make_shared<std::vector<csvio::CsvError>>();
  RunWrite(
      ctx, request, *who,
      [prepared, rejected, name = std::string(kind->name)](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        Status applied = prepared.apply(conn, cc, *rejected);
        if (!applied.ok()) return applied;
        rejected->clear();
        return http::Response::Json(200, {{"kind", name}, {"imported", prepared.records}});
      },
      [rejected, respond](http::Response answer) {
        // A file the domain refused (a SKU already in the catalog, an unknown warehouse):
        // every row's problem, not the command's summary. Other failures answer as usual.
        if (answer.status == 400 && !rejected->empty()) return respond(RowsProblem(*rejected));
        respond(std::move(answer));
      });
}

}  // namespace

void AddImportRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/imports/{kind}",
             [&ctx](http::Request& q, http::Responder r) { Import(ctx, q, std::move(r)); });
}

void AllowImportBodies(http::ServerOptions& options) {
  options.large_body_routes.push_back({kImportsPrefix, kImportBodyLimit});
}

}  // namespace ordo::api
