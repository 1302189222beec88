#include "api/customer_part_number_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "catalog/customer_part_number.h"
#include "customers/customer_repository.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

using nlohmann::json;

struct Mapping {
  std::string sku;
  std::string uom;  // empty: the item's base unit
};

Result<Mapping> ParseMapping(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"sku", "uom"}, "");
  Mapping m;
  m.sku = r.String(*doc, "sku", "sku", text_limits::kSku, true);
  m.uom = r.String(*doc, "uom", "uom", text_limits::kUom, false);
  if (!errors.empty()) return Status::InvalidArgument("invalid part number", std::move(errors));
  return m;
}

std::string PathText(const http::Request& request, const char* name) {
  return std::string(request.PathParam(name).value_or(""));
}

Status NoCustomer(const std::string& ref) {
  return Status::NotFound("no customer " + ref);
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "part_numbers.read")) return;
  const std::string ref = PathText(request, "ref");
  json items = json::array();
  {
    auto conn = ctx.readers.Borrow();
    auto customer = customers::FindCustomerByRef(*conn, ref);
    if (!customer) return respond(ProblemFor(NoCustomer(ref)));
    for (const auto& p : catalog::ListCustomerPartNumbers(*conn, customer->id)) {
      items.push_back(catalog::ToJson(p));
    }
  }
  respond(http::Response::Json(200, PageJson(std::move(items), std::nullopt)));
}

void Save(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "part_numbers.write");
  if (!who) return;
  auto mapping = ParseMapping(request.body);
  if (!mapping.ok()) return respond(ProblemFor(mapping.status()));
  RunWrite(
      ctx, request, *who,
      [ref = PathText(request, "ref"), part = PathText(request, "part"),
       m = std::move(mapping).value()](store::Connection& conn,
                                       const CommandContext& cc) -> Result<http::Response> {
        auto customer = customers::FindCustomerByRef(conn, ref);
        if (!customer) return NoCustomer(ref);
        auto saved = catalog::SaveCustomerPartNumber(conn, cc, customer->id, part, m.sku, m.uom);
        if (!saved.ok()) return saved.status();
        return http::Response::Json(200, catalog::ToJson(*saved));
      },
      std::move(respond));
}

void Delete(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "part_numbers.write");
  if (!who) return;
  RunWrite(
      ctx, request, *who,
      [ref = PathText(request, "ref"), part = PathText(request, "part")](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        auto customer = customers::FindCustomerByRef(conn, ref);
        if (!customer) return NoCustomer(ref);
        if (Status st = catalog::DeleteCustomerPartNumber(conn, cc, customer->id, part); !st.ok()) {
          return st;
        }
        return http::Response{204, {}, ""};
      },
      std::move(respond));
}

}  // namespace

void AddCustomerPartNumberRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/customers/{ref}/part-numbers",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("PUT", "/api/v1/customers/{ref}/part-numbers/{part}",
             [&ctx](http::Request& q, http::Responder r) { Save(ctx, q, std::move(r)); });
  router.Add("DELETE", "/api/v1/customers/{ref}/part-numbers/{part}",
             [&ctx](http::Request& q, http::Responder r) { Delete(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
