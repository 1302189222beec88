#include "api/inventory_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/portal_operations.h"
#include "api/portal_redaction.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "auth/permissions.h"
#include "catalog/item_queries.h"
#include "catalog/item_repository.h"
#include "core/field_path.h"
#include "core/resource_ref.h"
#include "flows/stock_changes.h"
#include "inventory/stock_commands.h"
#include "inventory/stock_queries.h"
#include "inventory/warehouse_repository.h"
#include "jsonio/field_reader.h"
#include "views/movement_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

constexpr size_t kMaxText = 200;

// A whole quantity of base units (JSON integer or decimal string); nullopt when absent
// (reported when required) or not a whole number (reported). The sign is the command's to judge.
std::optional<int64_t> ReadQuantity(jsonio::FieldReader& r, const json& obj, const char* key,
                                    const std::string& path) {
  std::optional<std::string> text = r.Decimal(obj, key, path, true);
  if (!text) return std::nullopt;
  Result<int64_t> amount = ParseWholeAmount(*text);
  if (!amount.ok()) {
    const auto& e = amount.status().errors();
    r.Fail(path, e.empty() ? "invalid_quantity" : e.front().code,
           std::string(key) + " " + (e.empty() ? "is not a whole number" : e.front().message));
    return std::nullopt;
  }
  return *amount;
}

// Free text of at most kMaxText characters; "" when absent.
std::string ReadText(jsonio::FieldReader& r, const json& obj, const char* key, bool required) {
  std::string text = r.String(obj, key, key, required);
  if (text.size() > kMaxText) r.Fail(key, "too_long", std::string(key) + " is too long");
  return text;
}

Result<inventory::Receipt> ParseReceipt(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"warehouse", "lines", "reference"}, "");
  inventory::Receipt receipt;
  receipt.warehouse = r.String(*doc, "warehouse", "warehouse", true);
  receipt.reference = ReadText(r, *doc, "reference", false);
  if (const json* lines = r.Array(*doc, "lines", "lines", true)) {
    for (size_t i = 0; i < lines->size(); ++i) {
      const std::string path = ElementPath("lines", i);
      const json& line = (*lines)[i];
      if (!line.is_object()) {
        r.Fail(path, "invalid_type", "a line is an object {\"sku\", \"quantity\"}");
        continue;
      }
      r.OnlyKnown(line, {"sku", "quantity"}, path);
      inventory::ReceiptLine parsed;
      parsed.sku = r.String(line, "sku", FieldPath(path, "sku"), true);
      parsed.quantity = ReadQuantity(r, line, "quantity", FieldPath(path, "quantity")).value_or(0);
      receipt.lines.push_back(std::move(parsed));
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid receipt", std::move(errors));
  return receipt;
}

Result<inventory::Adjustment> ParseAdjustment(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"warehouse", "sku", "quantity_delta", "reason"}, "");
  inventory::Adjustment adj;
  adj.warehouse = r.String(*doc, "warehouse", "warehouse", true);
  adj.sku = r.String(*doc, "sku", "sku", true);
  adj.quantity_delta = ReadQuantity(r, *doc, "quantity_delta", "quantity_delta").value_or(0);
  adj.reason = ReadText(r, *doc, "reason", true);
  if (!errors.empty()) return Status::InvalidArgument("invalid adjustment", std::move(errors));
  return adj;
}

json LevelJson(json out, const inventory::StockLevel& level) {
  out["on_hand"] = level.on_hand;
  out["allocated"] = level.allocated;
  out["available"] = level.available();
  return out;
}

void Availability(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePrincipal(ctx, request, respond);
  if (!who) return;
  if (!auth::Allowed(*who, "inventory.read") && !auth::Allowed(*who, "items.read")) {
    return respond(ProblemFor(Status::Forbidden("this user may not read stock availability")));
  }
  respond = ForPortal(*who, PortalDocument::kAvailability, std::move(respond));
  ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
  std::optional<json> body = [&]() -> std::optional<json> {
    auto conn = ctx.readers.Borrow();
    auto item = catalog::FindItemByIdOrSku(*conn, ref.id, ref.code);
    if (!item) return std::nullopt;
    return inventory::AvailabilityJson(item->sku, inventory::StockByWarehouse(*conn, item->id));
  }();
  if (!body) return respond(ProblemFor(Status::NotFound("no item " + ref.code)));
  respond(http::Response::Json(200, *body));
}

void Receive(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "inventory.write");
  if (!who) return;
  auto receipt = ParseReceipt(request.body);
  if (!receipt.ok()) return respond(ProblemFor(receipt.status()));
  // One command for the whole receipt: every line is received, or none is; the backorders the
  // new stock can serve are allocated in the same command.
  RunWrite(
      ctx, request, *who,
      [r = std::move(receipt).value()](store::Connection& conn,
                                       const CommandContext& cc) -> Result<http::Response> {
        if (auto released = flows::ReceiveStock(conn, cc, r); !released.ok()) {
          return released.status();
        }
        json lines = json::array();
        for (const auto& line : r.lines) {
          lines.push_back(LevelJson({{"sku", line.sku}, {"quantity", line.quantity}},
                                    inventory::StockOf(conn, line.sku, r.warehouse)));
        }
        return http::Response::Json(
            201, {{"warehouse", r.warehouse}, {"reference", r.reference}, {"lines", lines}});
      },
      std::move(respond));
}

void Adjust(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "inventory.write");
  if (!who) return;
  auto adjustment = ParseAdjustment(request.body);
  if (!adjustment.ok()) return respond(ProblemFor(adjustment.status()));
  RunWrite(
      ctx, request, *who,
      [a = std::move(adjustment).value()](store::Connection& conn,
                                          const CommandContext& cc) -> Result<http::Response> {
        if (auto released = flows::AdjustStock(conn, cc, a); !released.ok()) {
          return released.status();
        }
        json out = {{"warehouse", a.warehouse},
                    {"sku", a.sku},
                    {"quantity_delta", a.quantity_delta},
                    {"reason", a.reason}};
        return http::Response::Json(
            201, LevelJson(std::move(out), inventory::StockOf(conn, a.sku, a.warehouse)));
      },
      std::move(respond));
}

void Movements(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "inventory.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto sku = request.Query("sku");
  auto warehouse = request.Query("warehouse");
  auto rows = [&]() -> std::vector<inventory::Movement> {
    auto conn = ctx.readers.Borrow();
    inventory::MovementFilter filter;
    if (sku && !sku->empty()) {
      auto item = catalog::FindItemBySku(*conn, *sku);
      if (!item) return {};
      filter.item = item->id;
    }
    if (warehouse && !warehouse->empty()) {
      auto w = inventory::FindWarehouseByCode(*conn, *warehouse);
      if (!w) return {};
      filter.warehouse = w->id;
    }
    return views::ListMovements(*conn, filter, page->after.value_or(0), page->limit + 1);
  }();
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& m : rows) items.push_back(inventory::ToJson(m));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

}  // namespace

void AddInventoryRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(
      router, ctx.portal, "GET", "/api/v1/items/{ref}/availability",
      [&ctx](http::Request& q, http::Responder r) { Availability(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/inventory/receipts",
             [&ctx](http::Request& q, http::Responder r) { Receive(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/inventory/adjustments",
             [&ctx](http::Request& q, http::Responder r) { Adjust(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/inventory/movements",
             [&ctx](http::Request& q, http::Responder r) { Movements(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
