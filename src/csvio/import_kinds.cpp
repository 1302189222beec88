#include "csvio/import_kinds.h"

#include "csvio/customer_import.h"
#include "csvio/item_import.h"
#include "csvio/part_number_import.h"
#include "csvio/pricing_import.h"
#include "csvio/stock_import.h"

namespace ordo::csvio {
namespace {

constexpr ImportKind kKinds[] = {
    {"items", "Create catalog items from a CSV file", "item", "items", "items.write", PrepareItems},
    {"customers", "Create customers and ship-tos from a CSV file", "customer", "customers",
     "customers.write", PrepareCustomers},
    {"stock", "Receive stock from a CSV file (a receipt per row)", "stock receipt",
     "stock receipts", "inventory.write", PrepareStock},
    {"customer-part-numbers", "Map customers' own part numbers to items from a CSV file",
     "customer part number", "customer part numbers", "part_numbers.write", PreparePartNumbers},
    {"price-tiers", "Create or replace price tiers from a CSV file", "price tier", "price tiers",
     "price_tiers.write", PreparePriceTiers},
    {"price-list-prices", "Set items' prices on price lists from a CSV file", "price", "prices",
     "pricing.write", PreparePriceListPrices},
    {"contract-prices", "Set contracts' prices for items or product lines from a CSV file",
     "contract price", "contract prices", "pricing.write", PrepareContractPrices},
};

}  // namespace

std::span<const ImportKind> ImportKinds() {
  return kKinds;
}

const ImportKind* FindImportKind(std::string_view name) {
  for (const ImportKind& kind : kKinds) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

}  // namespace ordo::csvio
