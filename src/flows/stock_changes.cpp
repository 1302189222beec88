#include "flows/stock_changes.h"

#include <vector>

#include "catalog/item_repository.h"
#include "core/field_path.h"
#include "flows/ledger_postings.h"
#include "inventory/warehouse_repository.h"

namespace ordo::flows {

namespace {

// cost × quantity at the item's cost, rounded to cents, added to `sum`; nullopt when it does
// not fit (a huge quantity of a costly item), which the caller reports at the quantity.
std::optional<Money> AddCost(Money sum, Money cost, int64_t quantity) {
  std::optional<Money> value = cost.CheckedMul(quantity);
  if (!value) return std::nullopt;
  const Money cents = value->Round(kUsd);
  return sum.CheckedAdd(cents);
}

Status CostOutOfRange(std::string field) {
  return Status::InvalidArgument(
      "the value at cost is out of range",
      {{std::move(field), "out_of_range", "the quantity at the item's cost is too large"}});
}

}  // namespace

Result<BackorderRelease> ReceiveStock(store::Connection& conn, const CommandContext& ctx,
                                      const inventory::Receipt& receipt) {
  // The value at cost is computed first, so an overflow refuses the receipt before any write.
  auto warehouse = inventory::FindWarehouseByCode(conn, receipt.warehouse);
  std::vector<StockKey> keys;
  Money cost;
  for (size_t i = 0; i < receipt.lines.size(); ++i) {
    const auto& line = receipt.lines[i];
    if (auto item = catalog::FindItemBySku(conn, line.sku); item && warehouse) {
      keys.push_back({item->id, warehouse->id});
      std::optional<Money> sum = AddCost(cost, item->cost, line.quantity);
      if (!sum) return CostOutOfRange(FieldPath("lines", i, "quantity"));
      cost = *sum;
    }
  }
  if (Status st = inventory::ReceiveStock(conn, ctx, receipt); !st.ok()) return st;
  PostStockReceipt(conn, ctx, receipt.reference, cost);
  return ReleaseBackorders(conn, ctx, std::move(keys));
}

Result<BackorderRelease> AdjustStock(store::Connection& conn, const CommandContext& ctx,
                                     const inventory::Adjustment& adjustment) {
  auto warehouse = inventory::FindWarehouseByCode(conn, adjustment.warehouse);
  auto item = catalog::FindItemBySku(conn, adjustment.sku);
  std::optional<Money> cost =
      item ? AddCost(Money(), item->cost, adjustment.quantity_delta) : Money();
  if (!cost) return CostOutOfRange("quantity_delta");
  if (Status st = inventory::AdjustStock(conn, ctx, adjustment); !st.ok()) return st;
  if (!warehouse || !item) return BackorderRelease{};
  PostStockAdjustment(conn, ctx, adjustment.reason, *cost);
  if (adjustment.quantity_delta <= 0) return BackorderRelease{};
  return ReleaseBackorders(conn, ctx, item->id, warehouse->id);
}

}  // namespace ordo::flows
