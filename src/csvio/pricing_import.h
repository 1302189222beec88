// Importing pricing from CSV (issue 14): price tiers, price list prices and contract prices.
//
// price-tiers      code*, name*, discount_percent* (0 to 100, two decimals at most): each row
//                  creates or replaces a tier (customers::SavePriceTier).
// price-list-prices  price_list* (code), sku*, unit_price*: each row sets the item's price on
//                  an existing list (pricing::SetPriceListPrice).
// contract-prices  contract* (code), sku | product_line (exactly one), unit_price |
//                  discount_percent (exactly one): each row sets a term of an existing contract
//                  (pricing::SetContractTerm).                                  * required
// A row repeating an earlier row's key (tier code; list and SKU; contract and item or line) is
// an error; unknown lists, contracts and SKUs are errors on their line. The whole file is
// applied in one unit of work, or nothing (import_unit.h).
#pragma once

#include <string_view>

#include "csvio/import_unit.h"

namespace ordo::csvio {

PreparedImport PreparePriceTiers(std::string_view csv);
PreparedImport PreparePriceListPrices(std::string_view csv);
PreparedImport PrepareContractPrices(std::string_view csv);

}  // namespace ordo::csvio
