#include "api/customer_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/customer_scope.h"
#include "api/pagination.h"
#include "api/portal_operations.h"
#include "api/preconditions.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "core/resource_ref.h"
#include "customers/credit.h"
#include "customers/customer_commands.h"
#include "customers/customer_queries.h"
#include "customers/customer_repository.h"
#include "customers/customer_update.h"
#include "requests/customer_request_json.h"

namespace ordo::api {
namespace {

using nlohmann::json;

std::optional<customers::Customer> FindCustomer(store::Connection& conn, const ResourceRef& ref) {
  return customers::FindCustomerByRef(conn, ref.code);
}

Status NoCustomer(const ResourceRef& ref) {
  return Status::NotFound("no customer " + ref.code);
}

// The customer named by the path that `who` may see; not_found for any other.
Result<customers::Customer> VisibleCustomer(ApiContext& ctx, const http::Request& request,
                                            const auth::Principal& who) {
  ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
  auto found = [&] {
    auto conn = ctx.readers.Borrow();
    return FindCustomer(*conn, ref);
  }();
  if (!found || !MaySeeCustomer(who, found->id)) return NoCustomer(ref);
  return std::move(*found);
}

http::Response CustomerResponse(int status, const customers::Customer& c) {
  http::Response r = http::Response::Json(status, customers::ToJson(c));
  SetVersionTag(r, c.version);
  return r;
}

Result<customers::CustomerFilter> ParseFilter(const http::Request& request,
                                              const auth::Principal& who) {
  customers::CustomerFilter filter;
  filter.only = who.customer_id;
  auto on_hold = QueryBool(request, "on_hold");
  if (!on_hold.ok()) return on_hold.status();
  filter.on_hold = *on_hold;
  if (auto q = request.Query("q")) filter.text = std::string(*q);
  if (auto s = NonEmptyQuery(request, "salesperson")) filter.salesperson = *s;
  return filter;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "customers.read");
  if (!who) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto filter = ParseFilter(request, *who);
  if (!filter.ok()) return respond(ProblemFor(filter.status()));
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return customers::ListCustomers(*conn, *filter, page->after.value_or(0), page->limit + 1);
  }();
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& c : rows) items.push_back(customers::ToJson(c));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "customers.read");
  if (!who) return;
  auto customer = VisibleCustomer(ctx, request, *who);
  if (!customer.ok()) return respond(ProblemFor(customer.status()));
  respond(CustomerResponse(200, *customer));
}

void Credit(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "customers.read");
  if (!who) return;
  auto customer = VisibleCustomer(ctx, request, *who);
  if (!customer.ok()) return respond(ProblemFor(customer.status()));
  customers::CreditPosition credit = [&] {
    auto conn = ctx.readers.Borrow();
    return customers::LoadCreditPosition(*conn, customer->id);
  }();
  respond(http::Response::Json(200, {{"customer", customer->code},
                                     {"credit_limit", credit.credit_limit.Format(2)},
                                     {"open_orders", credit.open_orders.Format(2)},
                                     {"open_receivables", credit.open_receivables.Format(2)},
                                     {"exposure", credit.exposure().Format(2)},
                                     {"available_credit", credit.available().Format(2)},
                                     {"on_hold", customer->on_hold}}));
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "customers.write");
  if (!who) return;
  auto customer = requests::ParseNewCustomerJson(request.body);
  if (!customer.ok()) return respond(ProblemFor(customer.status()));
  RunWrite(
      ctx, request, *who,
      [c = std::move(customer).value()](store::Connection& conn,
                                        const CommandContext& cc) -> Result<http::Response> {
        auto created = customers::CreateCustomer(conn, cc, c);
        if (!created.ok()) return created.status();
        http::Response r = CustomerResponse(201, *created);
        r.SetHeader("Location", "/api/v1/customers/" + std::to_string(created->id.value()));
        return r;
      },
      std::move(respond));
}

void Patch(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "customers.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, requests::ParseCustomerPatchJson,
      [ref = ParseResourceRef(*request.PathParam("ref"))](
          store::Connection& conn, const CommandContext& cc, const customers::CustomerPatch& p,
          std::optional<int64_t> expected) -> Result<http::Response> {
        // Resolved on the writer, so the code names the customer the change is applied to.
        auto found = FindCustomer(conn, ref);
        if (!found) return NoCustomer(ref);
        auto updated = customers::UpdateCustomer(conn, cc, found->id, p, expected);
        if (!updated.ok()) return updated.status();
        return CustomerResponse(200, *updated);
      },
      std::move(respond));
}

}  // namespace

void AddCustomerRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/customers",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/customers",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/customers/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("PATCH", "/api/v1/customers/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Patch(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/customers/{ref}/credit",
                 [&ctx](http::Request& q, http::Responder r) { Credit(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
