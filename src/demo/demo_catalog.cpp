#include "demo/demo_catalog.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>

#include "demo/demo_products.h"

namespace ordo::demo {
namespace {

constexpr int kNameTries = 40;

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// One of the spec's pack choices: "BX100,CS1000" -> {BX of 100, CS of 1000}.
std::vector<PackSize> PickPacks(DemoRandom& rng, std::string_view spec) {
  std::vector<PackSize> packs;
  if (spec.empty()) return packs;
  std::vector<std::string_view> choices = Split(spec, '|');
  std::string_view choice = rng.Pick(choices);
  if (choice.empty()) return packs;
  for (std::string_view pack : Split(choice, ',')) {
    size_t digits = pack.find_first_of("0123456789");
    packs.push_back(
        {std::string(pack.substr(0, digits)), std::stoll(std::string(pack.substr(digits)))});
  }
  return packs;
}

Money ParsePrice(std::string_view text) {
  auto price = Money::Parse(text);
  if (!price.ok()) throw std::logic_error("bad demo price " + std::string(text));
  return *price;
}

// A list price in [min, max], skewed toward the low end, rounded the way price lists are:
// below a dollar in steps of 0.0025, below $20 to cents ending in 5 or 9, above that on .99,
// .49, .95 or a whole dollar.
Money DrawListPrice(DemoRandom& rng, Money min, Money max) {
  const int64_t u = rng.Between(0, 999);
  int64_t units = min.units() + (max.units() - min.units()) * u * u / 1'000'000;
  if (units < 10'000) {
    units = std::max<int64_t>(25, (units + 12) / 25 * 25);
  } else if (units < 200'000) {
    int64_t cents = units / 100;
    cents -= cents % 5;
    if (cents % 10 == 0) cents -= 1;
    units = cents * 100;
  } else {
    static const std::vector<int> kWeights = {50, 20, 20, 10};
    static const int64_t kEndings[] = {9'900, 4'900, 9'500, 0};
    units = units / 10'000 * 10'000 + kEndings[rng.Weighted(kWeights)];
  }
  return Money::FromUnits(units);
}

struct NamedProduct {
  const ProductSpec* spec;
  std::string name;
};

// A product kind of `line` and an item name not in `taken` (which receives it).
NamedProduct DrawProduct(DemoRandom& rng, const ProductLine& line, std::set<std::string>& taken) {
  NamedProduct p;
  for (int attempt = 0; attempt < kNameTries; ++attempt) {
    p.spec = &rng.Pick(line.products);
    p.name = std::string(rng.Pick(p.spec->qualifiers)) + " " + std::string(p.spec->noun) + ", " +
             std::string(rng.Pick(p.spec->variants));
    if (taken.insert(p.name).second) return p;
  }
  // Every combination is used (a catalog far beyond the default size): number the series.
  for (int series = 2;; ++series) {
    std::string numbered = p.name + " (Series " + std::to_string(series) + ")";
    if (taken.insert(numbered).second) return {p.spec, numbered};
  }
}

}  // namespace

std::vector<DemoItem> BuildCatalog(DemoRandom& rng, int count) {
  const std::vector<ProductLine>& lines = ProductLines();
  std::vector<int> shares;
  std::vector<int64_t> next_number;
  for (const auto& line : lines) {
    shares.push_back(line.share);
    next_number.push_back(rng.Between(10'100, 10'400));
  }
  static const std::vector<int> kPopularityWeights = {50, 30, 15, 5};
  static const int kPopularity[] = {1, 2, 4, 10};

  std::set<std::string> names;
  std::vector<DemoItem> items;
  items.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    DemoItem d;
    d.line = rng.Weighted(shares);
    const ProductLine& line = lines[d.line];
    NamedProduct product = DrawProduct(rng, line, names);
    const ProductSpec& spec = *product.spec;
    next_number[d.line] += rng.Between(1, 37);
    d.item.sku = std::string(line.prefix) + "-" + std::to_string(next_number[d.line]);
    d.item.product_line = std::string(line.prefix);  // demo_product_lines.h
    d.item.name = std::move(product.name);
    d.item.uom = std::string(spec.uom);
    d.item.packs = PickPacks(rng, spec.packs);
    d.item.list_price = DrawListPrice(rng, ParsePrice(spec.min_price), ParsePrice(spec.max_price));
    d.item.cost = d.item.list_price.MulRatio(rng.Between(4'500, 7'500), 10'000);
    if (d.item.list_price >= Money::FromWhole(1)) d.item.cost = d.item.cost.Round(2);
    bool reduced_rate = (line.prefix == "JAN" || line.prefix == "PKG") && rng.Chance(80);
    d.item.tax_class = reduced_rate ? "reduced" : "standard";
    d.item.active = !rng.Chance(30);
    d.popularity = kPopularity[rng.Weighted(kPopularityWeights)];
    items.push_back(std::move(d));
  }
  return items;
}

}  // namespace ordo::demo
