// The product lines of the demo distributor (industrial/MRO supply) as plain tables; the
// catalog builder (demo_catalog) turns them into items.
#pragma once

#include <string_view>
#include <vector>

namespace ordo::demo {

// One kind of product; an item is "<qualifier> <noun>, <variant>".
struct ProductSpec {
  std::string_view noun;
  std::string_view uom;        // base unit of measure
  std::string_view min_price;  // list price range per base unit
  std::string_view max_price;
  // Pack choices, one picked per item: "BX100,CS1000|BX50" is either BX of 100 plus CS of
  // 1000, or BX of 50. An empty choice ("CS12|") means sold by the base unit only.
  std::string_view packs;
  std::vector<std::string_view> qualifiers;
  std::vector<std::string_view> variants;
};

struct ProductLine {
  std::string_view prefix;  // SKU prefix: "FAS-10432"
  std::string_view name;
  int share;  // relative share of the catalog
  std::vector<ProductSpec> products;
};

const std::vector<ProductLine>& ProductLines();

}  // namespace ordo::demo
