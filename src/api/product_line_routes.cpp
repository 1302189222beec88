#include "api/product_line_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/preconditions.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "catalog/product_line.h"
#include "core/money.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// "min_margin_percent": a percentage with at most two decimals below 100, as basis points;
// nullopt when absent or invalid (reported).
std::optional<int> ReadMarginPercent(jsonio::FieldReader& r, const json& obj, bool required) {
  auto text = r.Decimal(obj, "min_margin_percent", "min_margin_percent", required);
  if (!text) return std::nullopt;
  constexpr int64_t kHundredPercent = 100 * Money::kScale;  // in Money's units
  auto percent = Money::Parse(*text);
  if (!percent.ok() || percent->is_negative() || percent->units() % 100 != 0 ||
      percent->units() >= kHundredPercent) {
    r.Fail("min_margin_percent", "out_of_range",
           "a minimum margin is a percentage from 0 to 99.99 with at most two decimals");
    return std::nullopt;
  }
  return static_cast<int>(percent->units() / 100);
}

Result<catalog::NewProductLine> ParseNew(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"code", "name", "min_margin_percent", "active"}, "");
  catalog::NewProductLine line;
  line.code = r.String(*doc, "code", "code", text_limits::kProductLineCode, true);
  line.name = r.String(*doc, "name", "name", text_limits::kProductLineName, true);
  line.min_margin_bp = ReadMarginPercent(r, *doc, true).value_or(0);
  if (auto active = r.Bool(*doc, "active", "active", false)) line.active = *active;
  if (errors.empty()) {
    if (Status st = catalog::ValidateNewProductLine(line); !st.ok()) return st;
    return line;
  }
  // The rules for the fields that were readable, so that every problem is reported at once.
  Status rules = catalog::ValidateNewProductLine(line);
  for (const auto& e : rules.errors()) {
    bool reported = std::any_of(errors.begin(), errors.end(),
                                [&](const FieldError& p) { return p.field == e.field; });
    if (!reported) errors.push_back(e);
  }
  return Status::InvalidArgument("invalid product line", std::move(errors));
}

Result<catalog::ProductLinePatch> ParsePatch(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"name", "min_margin_percent", "active", "code", "version"}, "");
  for (const char* fixed : {"code", "version"}) {
    if (doc->contains(fixed)) r.Fail(fixed, "read_only", std::string(fixed) + " cannot be changed");
  }
  r.RefuseNulls(*doc, {"name", "min_margin_percent", "active"}, "");
  catalog::ProductLinePatch patch;
  patch.name = r.OptionalString(*doc, "name", "name", text_limits::kProductLineName);
  patch.min_margin_bp = ReadMarginPercent(r, *doc, false);
  patch.active = r.Bool(*doc, "active", "active", false);
  if (!errors.empty()) {
    return Status::InvalidArgument("invalid product line change", std::move(errors));
  }
  return patch;
}

http::Response LineResponse(int status, const catalog::ProductLine& line) {
  http::Response r = http::Response::Json(status, catalog::ToJson(line));
  SetVersionTag(r, line.version);
  return r;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "product_lines.read")) return;
  json items = json::array();
  {
    auto conn = ctx.readers.Borrow();
    for (const auto& line : catalog::ListProductLines(*conn))
      items.push_back(catalog::ToJson(line));
  }
  respond(http::Response::Json(200, PageJson(std::move(items), std::nullopt)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "product_lines.read")) return;
  std::string code(*request.PathParam("code"));
  auto found = [&] {
    auto conn = ctx.readers.Borrow();
    return catalog::FindProductLine(*conn, code);
  }();
  if (!found) return respond(ProblemFor(Status::NotFound("no product line " + code)));
  respond(LineResponse(200, *found));
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "product_lines.write");
  if (!who) return;
  auto line = ParseNew(request.body);
  if (!line.ok()) return respond(ProblemFor(line.status()));
  RunWrite(
      ctx, request, *who,
      [in = std::move(line).value()](store::Connection& conn,
                                     const CommandContext& cc) -> Result<http::Response> {
        auto created = catalog::CreateProductLine(conn, cc, in);
        if (!created.ok()) return created.status();
        http::Response r = LineResponse(201, *created);
        r.SetHeader("Location", "/api/v1/product-lines/" + created->code);
        return r;
      },
      std::move(respond));
}

void Patch(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "product_lines.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, ParsePatch,
      [code = std::string(*request.PathParam("code"))](
          store::Connection& conn, const CommandContext& cc, const catalog::ProductLinePatch& patch,
          std::optional<int64_t> version) -> Result<http::Response> {
        auto updated = catalog::UpdateProductLine(conn, cc, code, patch, version);
        if (!updated.ok()) return updated.status();
        return LineResponse(200, *updated);
      },
      std::move(respond));
}

}  // namespace

void AddProductLineRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/product-lines",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/product-lines",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/product-lines/{code}",
             [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("PATCH", "/api/v1/product-lines/{code}",
             [&ctx](http::Request& q, http::Responder r) { Patch(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
