// Reads and writes of warehouses, and the warehouse commands.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/command_context.h"
#include "inventory/warehouse.h"
#include "store/database.h"

namespace ordo::inventory {

std::optional<Warehouse> FindWarehouseByCode(store::Connection& conn, std::string_view code);
std::optional<Warehouse> FindWarehouseById(store::Connection& conn, WarehouseId id);
// Up to `limit` warehouses with id > `after`, by id (a page of the API's list).
std::vector<Warehouse> ListWarehousesAfter(store::Connection& conn, int64_t after, int limit);
// All warehouses by allocation rank, then id.
std::vector<Warehouse> ListWarehouses(store::Connection& conn);

// How many warehouses there are.
int64_t CountWarehouses(store::Connection& conn);

// Errors: invalid_argument, conflict (code taken).
Result<Warehouse> CreateWarehouse(store::Connection& conn, const CommandContext& ctx, Warehouse w);

}  // namespace ordo::inventory
