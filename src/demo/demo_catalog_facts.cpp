#include "demo/demo_catalog_facts.h"

#include <algorithm>

namespace ordo::demo {
namespace {

constexpr std::string_view kCompanyPrefix = "0614141";  // 7 digits: 5 digits of item follow
constexpr size_t kFirstItemWithMinimum = 400;
constexpr int64_t kByTwentyFive = 25;
constexpr int64_t kCheapUnits = 5'000;  // below 0.50: demo orders ask for such items by 25

// `digits` with the GS1 check digit appended (catalog/gtin.h).
std::string WithCheckDigit(const std::string& digits) {
  int sum = 0;
  for (size_t k = 0; k < digits.size(); ++k) {
    const int digit = digits[digits.size() - 1 - k] - '0';
    sum += (k % 2 == 0) ? 3 * digit : digit;
  }
  return digits + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string Padded(size_t n, size_t width) {
  std::string text = std::to_string(n);
  return std::string(width - std::min(width, text.size()), '0') + text;
}

}  // namespace

void AddCatalogFacts(std::vector<DemoItem>& catalog) {
  for (size_t i = 0; i < catalog.size(); ++i) {
    catalog::NewItem& item = catalog[i].item;
    const std::string body = std::string(kCompanyPrefix) + Padded(i + 1, 5);  // 12 digits
    item.gtin = WithCheckDigit(body);
    for (size_t p = 0; p < item.packs.size(); ++p) {
      // GTIN-14: a packaging indicator digit (1, 2, ...) before the base unit's 12 digits.
      item.packs[p].gtin = WithCheckDigit(std::to_string(p + 1) + body);
    }
    const bool by_25s = std::all_of(item.packs.begin(), item.packs.end(), [](const PackSize& pack) {
      return pack.quantity % kByTwentyFive == 0;
    });
    if (i >= kFirstItemWithMinimum && item.list_price.units() < kCheapUnits && by_25s) {
      item.min_order_quantity = kByTwentyFive;
      item.order_multiple = kByTwentyFive;
    }
  }
}

std::vector<DemoPartNumber> DemoPartNumbers(const std::vector<DemoItem>& catalog,
                                            const std::vector<DemoCustomer>& customers) {
  std::vector<DemoPartNumber> out;
  const size_t count = std::min<size_t>(customers.size(), 2);
  for (size_t c = 0; c < count; ++c) {
    const DemoCustomer& customer = customers[c];
    size_t n = 0;
    for (size_t index : customer.usual_items) {
      if (n == 6 || index >= catalog.size()) break;
      const catalog::NewItem& item = catalog[index].item;
      if (!item.active) continue;
      ++n;
      // The first customer numbers parts like "RP-40117", the second like "MX 2231-A".
      std::string part = c == 0 ? "RP-" + std::to_string(40'100 + 17 * n)
                                : "MX " + std::to_string(2'200 + 31 * n) + "-A";
      // The first customer's first part stands for a case, when the item comes in one.
      std::string uom = (c == 0 && n == 1 && !item.packs.empty()) ? item.packs.front().uom : "";
      out.push_back({customer.account.code, std::move(part), item.sku, std::move(uom)});
    }
  }
  return out;
}

}  // namespace ordo::demo
