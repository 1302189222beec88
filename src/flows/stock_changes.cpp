#include "flows/stock_changes.h"

#include <vector>

#include "catalog/item_repository.h"
#include "flows/ledger_postings.h"
#include "inventory/warehouse_repository.h"

namespace ordo::flows {

Result<BackorderRelease> ReceiveStock(store::Connection& conn, const CommandContext& ctx,
                                      const inventory::Receipt& receipt) {
  if (Status st = inventory::ReceiveStock(conn, ctx, receipt); !st.ok()) return st;
  // The receipt was valid, so its warehouse and SKUs exist.
  auto warehouse = inventory::FindWarehouseByCode(conn, receipt.warehouse);
  std::vector<StockKey> keys;
  Money cost;
  for (const auto& line : receipt.lines) {
    if (auto item = catalog::FindItemBySku(conn, line.sku); item && warehouse) {
      keys.push_back({item->id, warehouse->id});
      cost += (item->cost * line.quantity).Round(kUsd);
    }
  }
  PostStockReceipt(conn, ctx, receipt.reference, cost);
  return ReleaseBackorders(conn, ctx, std::move(keys));
}

Result<BackorderRelease> AdjustStock(store::Connection& conn, const CommandContext& ctx,
                                     const inventory::Adjustment& adjustment) {
  if (Status st = inventory::AdjustStock(conn, ctx, adjustment); !st.ok()) return st;
  auto warehouse = inventory::FindWarehouseByCode(conn, adjustment.warehouse);
  auto item = catalog::FindItemBySku(conn, adjustment.sku);
  if (!warehouse || !item) return BackorderRelease{};
  PostStockAdjustment(conn, ctx, adjustment.reason,
                      (item->cost * adjustment.quantity_delta).Round(kUsd));
  if (adjustment.quantity_delta <= 0) return BackorderRelease{};
  return ReleaseBackorders(conn, ctx, item->id, warehouse->id);
}

}  // namespace ordo::flows
