#include "api/tax_exemption_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "core/resource_ref.h"
#include "customers/customer_repository.h"
#include "invoicing/tax_exemptions.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

using nlohmann::json;

Result<CustomerId> FindCustomerId(store::Connection& conn, std::string_view ref_text) {
  ResourceRef ref = ParseResourceRef(ref_text);
  auto found = customers::FindCustomerByRef(conn, ref.code);
  if (!found) return Status::NotFound("no customer " + ref.code);
  return found->id;
}

// {"region", "certificate_number", "expires_on"}, every bad field at once.
Result<invoicing::TaxExemption> ParseExemption(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"region", "certificate_number", "expires_on"}, "");
  invoicing::TaxExemption e;
  e.region = r.String(*doc, "region", "region", text_limits::kRegion, true);
  e.certificate_number = r.String(*doc, "certificate_number", "certificate_number",
                                  invoicing::kCertificateNumberLimit, true);
  // Present but empty: as required as absent.
  for (const char* key : {"region", "certificate_number"}) {
    if (doc->contains(key) && (*doc)[key] == "")
      r.Fail(key, "required", std::string(key) + " is required");
  }
  std::string expires = r.String(*doc, "expires_on", "expires_on", text_limits::kUnlisted, true);
  if (doc->contains("expires_on") && (*doc)["expires_on"].is_string()) {
    if (auto date = ParseDate(expires)) {
      e.expires_on = *date;
    } else {
      r.Fail("expires_on", "invalid_date", "a date is written YYYY-MM-DD");
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid tax exemption", std::move(errors));
  return e;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "tax_exemptions.read");
  if (!who) return;
  json items = json::array();
  Status st = [&]() -> Status {
    auto conn = ctx.readers.Borrow();
    auto customer = FindCustomerId(*conn, *request.PathParam("ref"));
    if (!customer.ok()) return customer.status();
    const Date today = DateOf(ctx.clock.Now());
    for (const auto& e : invoicing::ListTaxExemptions(*conn, *customer)) {
      items.push_back(invoicing::ToJson(e, today));
    }
    return Status::Ok();
  }();
  if (!st.ok()) return respond(ProblemFor(st));
  respond(http::Response::Json(200, PageJson(std::move(items), std::nullopt)));
}

void Add(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "tax_exemptions.write");
  if (!who) return;
  auto parsed = ParseExemption(request.body);
  if (!parsed.ok()) return respond(ProblemFor(parsed.status()));
  RunWrite(
      ctx, request, *who,
      [e = std::move(parsed).value(), ref = std::string(*request.PathParam("ref"))](
          store::Connection& conn, const CommandContext& cc) mutable -> Result<http::Response> {
        auto customer = FindCustomerId(conn, ref);
        if (!customer.ok()) return customer.status();
        e.customer = *customer;
        auto added = invoicing::AddTaxExemption(conn, cc, e);
        if (!added.ok()) return added.status();
        http::Response r = http::Response::Json(201, invoicing::ToJson(*added, DateOf(cc.now)));
        r.SetHeader("Location", "/api/v1/customers/" + std::to_string(customer->value()) +
                                    "/tax-exemptions/" + std::to_string(added->id));
        return r;
      },
      std::move(respond));
}

void Remove(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "tax_exemptions.write");
  if (!who) return;
  std::string id_text(request.PathParam("id").value_or(""));
  ResourceRef id = ParseResourceRef(id_text);
  if (!id.id) return respond(ProblemFor(Status::NotFound("no tax exemption " + id_text)));
  RunWrite(
      ctx, request, *who,
      [exemption = *id.id, ref = std::string(*request.PathParam("ref"))](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        auto customer = FindCustomerId(conn, ref);
        if (!customer.ok()) return customer.status();
        Status st = invoicing::DeleteTaxExemption(conn, cc, *customer, exemption);
        if (!st.ok()) return st;
        return http::Response{204, {}, ""};
      },
      std::move(respond));
}

}  // namespace

void AddTaxExemptionRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/customers/{ref}/tax-exemptions",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/customers/{ref}/tax-exemptions",
             [&ctx](http::Request& q, http::Responder r) { Add(ctx, q, std::move(r)); });
  router.Add("DELETE", "/api/v1/customers/{ref}/tax-exemptions/{id}",
             [&ctx](http::Request& q, http::Responder r) { Remove(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
