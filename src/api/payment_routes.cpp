#include "api/payment_routes.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/customer_filter.h"
#include "api/customer_scope.h"
#include "api/pagination.h"
#include "api/portal_operations.h"
#include "api/preconditions.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "core/resource_ref.h"
#include "flows/payments.h"
#include "receivables/payment_repository.h"
#include "requests/payment_request_json.h"
#include "views/payment_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

http::Response PaymentResponse(int status, const receivables::Payment& p) {
  http::Response r = http::Response::Json(status, receivables::ToJson(p));
  SetVersionTag(r, p.version);
  return r;
}

Result<receivables::Payment> LoadPaymentFor(store::Connection& conn, std::string_view segment,
                                            const auth::Principal& who) {
  ResourceRef ref = ParseResourceRef(segment);
  auto p = ref.id ? views::LoadPayment(conn, receivables::PaymentId(*ref.id))
                  : views::LoadPaymentByNumber(conn, ref.code);
  if (!p || !MaySeeCustomer(who, p->customer)) {
    return Status::NotFound("no payment " + std::string(segment));
  }
  return std::move(*p);
}

void Receive(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "payments.write");
  if (!who) return;
  auto parsed = requests::ParsePaymentJson(request.body);
  if (!parsed.ok()) return respond(ProblemFor(parsed.status()));
  RunWrite(
      ctx, request, *who,
      [p = std::move(parsed).value()](store::Connection& conn,
                                      const CommandContext& cc) -> Result<http::Response> {
        auto payment = flows::ReceivePayment(conn, cc, p);
        if (!payment.ok()) return payment.status();
        http::Response r = PaymentResponse(201, *payment);
        r.SetHeader("Location", "/api/v1/payments/" + std::to_string(payment->id.value()));
        return r;
      },
      std::move(respond));
}

void Apply(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "payments.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, requests::ParseApplicationsJson,
      [ref = std::string(*request.PathParam("ref")), who = *who](
          store::Connection& conn, const CommandContext& cc,
          const std::vector<flows::ApplicationRequest>& apps,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto found = LoadPaymentFor(conn, ref, who);
        if (!found.ok()) return found.status();
        auto payment = flows::ApplyPayment(conn, cc, found->id, apps, expected);
        if (!payment.ok()) return payment.status();
        return PaymentResponse(200, *payment);
      },
      std::move(respond));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "payments.read");
  if (!who) return;
  auto p = [&] {
    auto conn = ctx.readers.Borrow();
    return LoadPaymentFor(*conn, *request.PathParam("ref"), *who);
  }();
  if (!p.ok()) return respond(ProblemFor(p.status()));
  respond(PaymentResponse(200, *p));
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "payments.read");
  if (!who) return;
  constexpr std::array<std::string_view, 3> kKnown = {"customer", "limit", "cursor"};
  if (Status st = CheckKnownParameters(request, kKnown); !st.ok()) return respond(ProblemFor(st));
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto conn = ctx.readers.Borrow();
  CustomerFilter customer = ResolveCustomerFilter(*conn, request, *who);
  std::vector<receivables::Payment> rows;
  if (!customer.matches_nothing) {
    std::optional<receivables::PaymentId> before;
    if (page->after) before = receivables::PaymentId(*page->after);
    rows = views::ListPayments(*conn, customer.customer, before, page->limit + 1);
  }
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& p : rows) items.push_back(receivables::ToJson(p));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

}  // namespace

void AddPaymentRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/payments",
             [&ctx](http::Request& q, http::Responder r) { Receive(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/payments",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/payments/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/payments/{ref}/apply",
             [&ctx](http::Request& q, http::Responder r) { Apply(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
