// Catalog items: what a distributor sells.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/quantity.h"

namespace ordo::catalog {

struct Item {
  ItemId id;
  std::string sku;
  std::string name;
  std::string uom;              // base unit of measure; quantities are counts of it
  std::vector<PackSize> packs;  // e.g. CS of 12, PL of 480
  Money list_price;             // per base unit, up to four decimals
  Money cost;
  std::string tax_class;
  bool active = true;
  int64_t reorder_point = 0;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;

  UnitConversions Conversions() const { return UnitConversions(uom, packs); }
};

// What a caller gives to create an item.
struct NewItem {
  std::string sku;
  std::string name;
  std::string uom = "EA";
  std::vector<PackSize> packs;
  Money list_price;
  Money cost;
  std::string tax_class = "standard";
  bool active = true;
  int64_t reorder_point = 0;
};

// Every problem with `item`, with field paths ("sku", "pack_sizes/0/quantity").
Status ValidateNewItem(const NewItem& item);
bool IsValidSku(std::string_view sku);

nlohmann::json ToJson(const Item& item);

}  // namespace ordo::catalog
