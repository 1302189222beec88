#include "api/shipment_routes.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/customer_filter.h"
#include "api/customer_scope.h"
#include "api/order_resource.h"
#include "api/pagination.h"
#include "api/pdf_response.h"
#include "api/portal_operations.h"
#include "api/portal_redaction.h"
#include "api/preconditions.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "core/resource_ref.h"
#include "flows/order_shipment.h"
#include "flows/packing_slip.h"
#include "fulfillment/shipment_repository.h"
#include "inventory/warehouse_repository.h"
#include "invoicing/invoice_repository.h"
#include "jsonio/field_reader.h"
#include "requests/shipment_request_json.h"
#include "views/shipment_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// The shipment with "invoice": the number of the invoice its confirmation created (null while
// picking).
http::Response ShipmentResponse(int status, const fulfillment::Shipment& s,
                                const std::optional<std::string>& invoice_number) {
  http::Response r;
  r.status = status;
  json body = fulfillment::ToJson(s);
  body["invoice"] = invoice_number ? json(*invoice_number) : json();
  r.body = body.dump();
  r.SetHeader("Content-Type", "application/json");
  SetVersionTag(r, s.version);
  return r;
}

// The shipment `segment` names (id or number), if `who` may see its order's customer; anything
// else is the same not_found.
Result<fulfillment::Shipment> LoadShipmentFor(store::Connection& conn, std::string_view segment,
                                              const auth::Principal& who) {
  ResourceRef ref = ParseResourceRef(segment);
  auto s = ref.id ? views::LoadShipment(conn, ShipmentId(*ref.id))
                  : views::LoadShipmentByNumber(conn, ref.code);
  if (!s || !MaySeeCustomer(who, s->customer)) {
    return Status::NotFound("no shipment " + std::string(segment));
  }
  return std::move(*s);
}

struct CreateRequest {
  std::string order;  // a path-style reference: the id as digits, or the number
  std::string warehouse;
};

Result<CreateRequest> ParseCreate(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"order", "warehouse"}, "");
  CreateRequest c;
  auto order = doc->find("order");
  if (order == doc->end() || order->is_null()) {
    r.Fail("order", "required", "order is required");
  } else if (order->is_number_integer() && order->get<int64_t>() > 0) {
    c.order = std::to_string(order->get<int64_t>());
  } else if (order->is_string() && !order->get<std::string>().empty()) {
    c.order = order->get<std::string>();
  } else {
    r.Fail("order", "invalid_type", "order is an order id or number");
  }
  c.warehouse = r.String(*doc, "warehouse", "warehouse", true);
  if (doc->contains("warehouse") && (*doc)["warehouse"].is_string() && c.warehouse.empty()) {
    r.Fail("warehouse", "required", "warehouse must not be empty");
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid request body", std::move(errors));
  return c;
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "shipments.write");
  if (!who) return;
  auto parsed = ParseCreate(request.body);
  if (!parsed.ok()) return respond(ProblemFor(parsed.status()));
  RunWrite(
      ctx, request, *who,
      [c = std::move(parsed).value(), who = *who](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        auto key = FindOrderFor(conn, c.order, who);
        if (!key.ok()) return key.status();
        auto s = flows::CreateShipment(conn, cc, key->id, c.warehouse);
        if (!s.ok()) return s.status();
        http::Response response = ShipmentResponse(201, *s, std::nullopt);
        response.SetHeader("Location", "/api/v1/shipments/" + std::to_string(s->id.value()));
        return response;
      },
      std::move(respond));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "shipments.read");
  if (!who) return;
  respond = ForPortal(*who, PortalDocument::kShipment, std::move(respond));
  std::optional<std::string> invoice;
  auto s = [&] {
    auto conn = ctx.readers.Borrow();
    auto found = LoadShipmentFor(*conn, *request.PathParam("ref"), *who);
    if (found.ok()) {
      if (auto ref = invoicing::FindInvoiceForShipment(*conn, found->id)) invoice = ref->number;
    }
    return found;
  }();
  if (!s.ok()) return respond(ProblemFor(s.status()));
  respond(ShipmentResponse(200, *s, invoice));
}

// The packing slip as a PDF, built from what is stored now (shipment, order, customer,
// warehouse, items), so it carries no ETag: the shipment's version does not cover the rest.
void PackingSlip(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "shipments.read");
  if (!who) return;
  auto slip = [&]() -> Result<documents::PrintedDocument> {
    auto conn = ctx.readers.Borrow();
    auto s = LoadShipmentFor(*conn, *request.PathParam("ref"), *who);
    if (!s.ok()) return s.status();
    return flows::LoadPackingSlip(*conn, *s);
  }();
  if (!slip.ok()) return respond(ProblemFor(slip.status()));
  respond(PdfResponse(*slip));
}

void Confirm(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "shipments.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, requests::ParseShipmentConfirmationJson,
      [ref = std::string(*request.PathParam("ref")), who = *who](
          store::Connection& conn, const CommandContext& cc, const flows::ShipmentConfirmation& c,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto found = LoadShipmentFor(conn, ref, who);
        if (!found.ok()) return found.status();
        auto done = flows::ConfirmShipment(conn, cc, found->id, c, expected);
        if (!done.ok()) return done.status();
        return ShipmentResponse(200, done->shipment, done->invoice.number);
      },
      std::move(respond));
}

constexpr std::array<std::string_view, 6> kListParameters = {"status",   "order", "warehouse",
                                                             "customer", "limit", "cursor"};

// The pick lists and shipments, newest first, with their lines: the warehouse's queue is
// ?status=picking&warehouse=W1.
void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "shipments.read");
  if (!who) return;
  respond = ForPortal(*who, PortalDocument::kShipmentList, std::move(respond));
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  std::vector<FieldError> errors;
  CheckListParameters(request, kListParameters, errors);
  fulfillment::ShipmentFilter filter;
  filter.status = QueryEnum(request, "status", fulfillment::StatusFromName,
                            "picking, shipped, cancelled", errors);
  if (!errors.empty()) {
    return respond(
        ProblemFor(Status::InvalidArgument("invalid shipment list parameters", std::move(errors))));
  }
  auto conn = ctx.readers.Borrow();
  OrderFilter order = ResolveOrderFilter(*conn, request, *who);
  filter.order = order.order;
  bool matches_nothing = order.matches_nothing;
  if (auto code = NonEmptyQuery(request, "warehouse")) {
    auto w = inventory::FindWarehouseByCode(*conn, *code);
    if (w) {
      filter.warehouse = w->id;
    } else {
      matches_nothing = true;
    }
  }
  CustomerFilter customer = ResolveCustomerFilter(*conn, request, *who);
  filter.customer = customer.customer;
  std::vector<fulfillment::Shipment> rows;
  if (!matches_nothing && !customer.matches_nothing) {
    std::optional<ShipmentId> before;
    if (page->after) before = ShipmentId(*page->after);
    rows = views::ListShipments(*conn, filter, before, page->limit + 1);
  }
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& s : rows) {
    json item = fulfillment::ToJson(s);
    auto invoice = invoicing::FindInvoiceForShipment(*conn, s.id);
    item["invoice"] = invoice ? json(invoice->number) : json();
    items.push_back(std::move(item));
  }
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

// The body of a cancellation: {"reason"}; the flow checks the reason's length and text.
Result<std::string> ParseCancelBody(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"reason"}, "");
  std::string reason = r.String(*doc, "reason", "reason", true);
  if (!errors.empty()) return Status::InvalidArgument("invalid request body", std::move(errors));
  return reason;
}

void Cancel(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "shipments.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, ParseCancelBody,
      [ref = std::string(*request.PathParam("ref")), who = *who](
          store::Connection& conn, const CommandContext& cc, const std::string& reason,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto found = LoadShipmentFor(conn, ref, who);
        if (!found.ok()) return found.status();
        auto s = flows::CancelShipment(conn, cc, found->id, reason, expected);
        if (!s.ok()) return s.status();
        return ShipmentResponse(200, *s, std::nullopt);
      },
      std::move(respond));
}

}  // namespace

void AddShipmentRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/shipments",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/shipments",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/shipments/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  AddPortalRoute(
      router, ctx.portal, "GET", "/api/v1/shipments/{ref}/packing-slip.pdf",
      [&ctx](http::Request& q, http::Responder r) { PackingSlip(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/shipments/{ref}/cancel",
             [&ctx](http::Request& q, http::Responder r) { Cancel(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/shipments/{ref}/confirm",
             [&ctx](http::Request& q, http::Responder r) { Confirm(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
