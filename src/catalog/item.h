// Catalog items: what a distributor sells.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

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
  Money cost;                   // standard cost per base unit, whichever vendor supplies it
  std::string tax_class;
  bool active = true;
  int64_t reorder_point = 0;
  std::optional<std::string> product_line;  // the code of its product line, if any
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
  std::optional<std::string> product_line;
};

// Every problem with `item`, with field paths ("sku", "pack_sizes/0/quantity"). Whether its
// product line exists is the commands' check (CheckProductLineExists), which reads the database.
Status ValidateNewItem(const NewItem& item);
bool IsValidSku(std::string_view sku);

nlohmann::json ToJson(const Item& item);

}  // namespace ordo::catalog
