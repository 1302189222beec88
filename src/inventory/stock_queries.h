// Read queries of stock for the API: an item's availability per warehouse, the stock level of
// one SKU in one warehouse, and pages of the stock movements.
//
// Each function runs on the connection it is given and writes nothing.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "store/database.h"

namespace ordo::inventory {

struct StockLevel {
  int64_t on_hand = 0;
  int64_t allocated = 0;
  int64_t available() const { return on_hand - allocated; }
};

struct WarehouseStock {
  std::string warehouse;  // code
  StockLevel level;
};

// An item's stock in every warehouse (zeros where it has none), in the order allocation tries
// warehouses without a preference: allocation rank, then id.
std::vector<WarehouseStock> StockByWarehouse(store::Connection& conn, ItemId item);

// {"sku", "warehouses": [{"warehouse", "on_hand", "allocated", "available", "on_order"}],
//  "total_available"}. on_order is 0 for now: nothing is on order until purchasing exists.
nlohmann::json AvailabilityJson(std::string_view sku, const std::vector<WarehouseStock>& stock);

// The stock of `sku` in warehouse `warehouse_code`; zeros when either is unknown or there is
// no stock row.
StockLevel StockOf(store::Connection& conn, std::string_view sku, std::string_view warehouse_code);

// One row of the stock movements. `quantity` is signed: receipts and allocations are positive,
// deallocations and downward adjustments negative.
struct Movement {
  MovementId id;
  ItemId item;
  std::string sku;        // display name: filled by views::ListMovements, empty here
  std::string warehouse;  // code
  std::string kind;       // receipt, adjustment, allocate, deallocate
  int64_t quantity = 0;
  std::string reference;         // receipt reference, adjustment reason; "" for allocations
  std::optional<OrderId> order;  // the order an allocation or deallocation is for
  Timestamp at;
};

struct MovementFilter {
  std::optional<ItemId> item;
  std::optional<WarehouseId> warehouse;
};

// Up to `limit` movements matching `filter` with id > `after_id`, oldest first (by id), without
// their SKUs (views::ListMovements names them).
std::vector<Movement> ListMovements(store::Connection& conn, const MovementFilter& filter,
                                    int64_t after_id, int limit);

// {"id", "sku", "warehouse", "kind", "quantity", "reference", "order" (id or null), "at"}.
nlohmann::json ToJson(const Movement& m);

}  // namespace ordo::inventory
