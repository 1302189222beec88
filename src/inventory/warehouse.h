// Warehouses: where stock is kept and shipped from.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/ids.h"
#include "core/status.h"

namespace ordo::inventory {

struct WarehouseAddress {
  std::string line1;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;
};

struct Warehouse {
  WarehouseId id;
  std::string code;
  std::string name;
  WarehouseAddress address;
  int allocation_rank = 100;  // lower is tried first after a ship-to's preferred warehouse
};

Status ValidateWarehouse(const Warehouse& w);
nlohmann::json ToJson(const Warehouse& w);

}  // namespace ordo::inventory
