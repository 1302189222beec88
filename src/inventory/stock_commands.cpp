#include "inventory/stock_commands.h"

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "core/field_path.h"
#include "events/outbox.h"
#include "inventory/stock_movements.h"
#include "inventory/warehouse_repository.h"

namespace ordo::inventory {
namespace {

constexpr int64_t kMaxQuantity = 1'000'000'000'000;

}  // namespace

Status ReceiveStock(store::Connection& conn, const CommandContext& ctx, const Receipt& r) {
  std::vector<FieldError> errors;
  auto warehouse = FindWarehouseByCode(conn, r.warehouse);
  if (!warehouse)
    errors.push_back({"warehouse", "unknown_warehouse", "no warehouse " + r.warehouse});
  if (r.lines.empty()) errors.push_back({"lines", "required", "a receipt needs lines"});
  std::vector<ItemId> items;
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const auto& line = r.lines[i];
    const std::string at = ElementPath("lines", i);
    auto item = catalog::FindItemBySku(conn, line.sku);
    if (!item) {
      errors.push_back({FieldPath(at, "sku"), "unknown_sku", "no item " + line.sku});
    } else {
      items.push_back(item->id);
    }
    if (line.quantity <= 0 || line.quantity > kMaxQuantity) {
      errors.push_back(
          {FieldPath(at, "quantity"), "invalid_quantity", "a received quantity is positive"});
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the receipt has invalid lines", std::move(errors));
  }
  nlohmann::json lines = nlohmann::json::array();
  for (size_t i = 0; i < r.lines.size(); ++i) {
    Status st = ChangeOnHand(conn, ctx, items[i], warehouse->id, r.lines[i].quantity, "receipt",
                             r.reference);
    if (!st.ok()) return st;
    lines.push_back({{"sku", r.lines[i].sku}, {"quantity", r.lines[i].quantity}});
  }
  nlohmann::json after = {{"warehouse", r.warehouse}, {"reference", r.reference}, {"lines", lines}};
  audit::Record(conn, ctx, "stock.receive", "warehouse", warehouse->id.value(), nullptr, after);
  events::Publish(conn, ctx, "stock.received", "warehouse", warehouse->id.value(), after);
  return Status::Ok();
}

Status AdjustStock(store::Connection& conn, const CommandContext& ctx, const Adjustment& a) {
  std::vector<FieldError> errors;
  auto warehouse = FindWarehouseByCode(conn, a.warehouse);
  if (!warehouse)
    errors.push_back({"warehouse", "unknown_warehouse", "no warehouse " + a.warehouse});
  auto item = catalog::FindItemBySku(conn, a.sku);
  if (!item) errors.push_back({"sku", "unknown_sku", "no item " + a.sku});
  if (a.quantity_delta == 0 || a.quantity_delta > kMaxQuantity ||
      a.quantity_delta < -kMaxQuantity) {
    errors.push_back({"quantity_delta", "invalid_quantity", "an adjustment is a non-zero change"});
  }
  if (a.reason.empty()) errors.push_back({"reason", "required", "an adjustment needs a reason"});
  if (!errors.empty()) {
    return Status::InvalidArgument("the adjustment has invalid fields", std::move(errors));
  }
  Status st =
      ChangeOnHand(conn, ctx, item->id, warehouse->id, a.quantity_delta, "adjustment", a.reason);
  if (!st.ok()) return st;
  nlohmann::json after = {{"warehouse", a.warehouse},
                          {"sku", a.sku},
                          {"quantity_delta", a.quantity_delta},
                          {"reason", a.reason}};
  audit::Record(conn, ctx, "stock.adjust", "item", item->id.value(), nullptr, after);
  events::Publish(conn, ctx, "stock.adjusted", "item", item->id.value(), after);
  return Status::Ok();
}

}  // namespace ordo::inventory
