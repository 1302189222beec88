#include "api/order_write_routes.h"

#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/failure_log.h"
#include "api/order_resource.h"
#include "api/portal_operations.h"
#include "api/portal_redaction.h"
#include "api/preconditions.h"
#include "api/price_override_check.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "auth/permissions.h"
#include "core/field_path.h"
#include "core/money.h"
#include "customers/customer_repository.h"
#include "flows/order_changes.h"
#include "flows/order_edit.h"
#include "flows/order_placement.h"
#include "jsonio/field_reader.h"
#include "requests/order_edit_json.h"
#include "requests/order_request_json.h"
#include "store/command_executor.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// A portal user may order only for its own customer; any other customer code, existing or
// not, answers the same not_found. Checked on a read connection to keep the writer free.
Status CheckPortalCustomer(ApiContext& ctx, const auth::Principal& who,
                           const std::string& customer_code) {
  auto customer = [&] {
    auto conn = ctx.readers.Borrow();
    return customers::FindCustomerByCode(*conn, customer_code);
  }();
  if (!customer || customer->id != *who.customer_id) {
    return Status::NotFound("no customer " + customer_code);
  }
  return Status::Ok();
}

void Place(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "orders.place");
  if (!who) return;
  auto parsed = requests::ParsePlaceOrderJson(request.body, who->customer_id ? "portal" : "api");
  if (!parsed.ok()) return respond(ProblemFor(parsed.status()));
  flows::PlaceOrderRequest order_request = std::move(parsed).value();
  if (Status st = CheckPriceOverrides(*who, order_request); !st.ok()) {
    return respond(ProblemFor(st));
  }
  if (who->customer_id) {
    Status mine = CheckPortalCustomer(ctx, *who, order_request.customer);
    if (!mine.ok()) return respond(ProblemFor(mine));
  }
  // Validation and pricing read on a read connection, beside the writer; the writer redoes
  // them only if the reference data changed meanwhile (flows::PlacePreparedOrder).
  bool threw = false;
  auto prepared = [&]() -> Result<flows::PreparedOrder> {
    try {
      auto conn = ctx.readers.Borrow();
      return flows::PrepareOrder(*conn, order_request, ctx.order_limits, DateOf(ctx.clock.Now()));
    } catch (const OverflowError&) {
      return store::StatusOfException(std::current_exception());  // the client's amounts
    } catch (...) {
      threw = true;  // its text (SQL) is logged, not answered
      return store::StatusOfException(std::current_exception());
    }
  }();
  if (!prepared.ok()) return respond(FailureResponse(ctx, request, prepared.status(), threw));
  RunWrite(
      ctx, request, *who,
      [r = std::move(order_request), p = std::move(prepared).value(),
       portal = who->customer_id.has_value()](store::Connection& conn,
                                              const CommandContext& cc) -> Result<http::Response> {
        auto placed = flows::PlacePreparedOrder(conn, cc, r, p);
        if (!placed.ok()) return placed.status();
        std::string location = "/api/v1/orders/" + std::to_string(placed->order.id.value());
        http::Response response = OrderResponse(201, placed->order, std::move(placed->json));
        response.SetHeader("Location", location);
        // A portal user's answer is redacted here, so that a replay of it is too.
        if (!portal) return response;
        return RedactResponse(PortalDocument::kOrder, std::move(response));
      },
      std::move(respond));
}

// The body of cancel ({"reason"}) or release ({"note"}): one text field; an empty body is {}.
Result<std::string> ParseTextBody(const std::string& body, const char* field, TextLimit limit,
                                  bool required) {
  Result<json> doc = jsonio::ParseJsonObject(body.empty() ? std::string_view("{}") : body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {field}, "");
  std::string text = r.String(*doc, field, field, limit, required);
  if (!errors.empty()) return Status::InvalidArgument("invalid request body", std::move(errors));
  return text;
}

void Cancel(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "orders.cancel");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who,
      [](const std::string& body) {
        return ParseTextBody(body, "reason", text_limits::kCancelReason, true);
      },
      [ref = std::string(*request.PathParam("ref")), who = *who](
          store::Connection& conn, const CommandContext& cc, const std::string& reason,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto key = FindOrderFor(conn, ref, who);
        if (!key.ok()) return key.status();
        auto order = flows::CancelOrder(conn, cc, key->id, reason, expected);
        if (!order.ok()) return order.status();
        return OrderResponse(200, *order);
      },
      std::move(respond));
}

void ReleaseHold(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "orders.release_hold");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who,
      [](const std::string& body) {
        return ParseTextBody(body, "note", text_limits::kHoldReleaseNote, false);
      },
      [ref = std::string(*request.PathParam("ref")), kind = std::string(*request.PathParam("kind")),
       who = *who](store::Connection& conn, const CommandContext& cc, const std::string& note,
                   std::optional<int64_t> expected) -> Result<http::Response> {
        auto key = FindOrderFor(conn, ref, who);
        if (!key.ok()) return key.status();
        auto order = flows::ReleaseHold(conn, cc, key->id, kind, note, expected);
        if (!order.ok()) return order.status();
        return OrderResponse(200, *order);
      },
      std::move(respond));
}

// PATCH /api/v1/orders/{ref}: an order change (flows::ChangeOrder). If-Match is required (428
// without it): a change is made to the order as its author last saw it, never blindly.
void Change(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "orders.change");
  if (!who) return;
  if (!request.Header("If-Match")) {
    return respond(http::Response::Problem(
        428, "precondition_required", "Precondition required",
        "a change of an order sends If-Match with the version it was read at",
        nlohmann::json::array()));
  }
  RunVersionedWrite(
      ctx, request, *who, requests::ParseOrderEditJson,
      [ref = std::string(*request.PathParam("ref")), who = *who, limits = ctx.order_limits](
          store::Connection& conn, const CommandContext& cc, const flows::OrderEditRequest& edit,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto key = FindOrderFor(conn, ref, who);
        if (!key.ok()) return key.status();
        auto order = flows::ChangeOrder(conn, cc, key->id, edit, expected, limits);
        if (!order.ok()) return order.status();
        return OrderResponse(200, *order);
      },
      std::move(respond));
}

}  // namespace

void AddOrderWriteRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(router, ctx.portal, "POST", "/api/v1/orders",
                 [&ctx](http::Request& q, http::Responder r) { Place(ctx, q, std::move(r)); });
  router.Add("PATCH", "/api/v1/orders/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Change(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/orders/{ref}/cancel",
             [&ctx](http::Request& q, http::Responder r) { Cancel(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/orders/{ref}/holds/{kind}/release",
             [&ctx](http::Request& q, http::Responder r) { ReleaseHold(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
