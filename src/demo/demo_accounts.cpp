#include "demo/demo_accounts.h"

#include <algorithm>
#include <set>

#include "demo/demo_products.h"
#include "demo/demo_vocab.h"

namespace ordo::demo {
namespace {

enum class Size { kSmall, kMedium, kLarge };

constexpr Money kThousand = Money::FromUnits(1'000 * Money::kScale);
constexpr Money kFiveThousand = Money::FromUnits(5'000 * Money::kScale);

customers::Address DrawAddress(DemoRandom& rng, const City& city) {
  return {std::to_string(rng.Between(10, 9'899)) + " " + std::string(rng.Pick(StreetNames())) +
              " " + std::string(rng.Pick(StreetTypes())),
          std::string(city.name), std::string(city.region),
          std::string(city.zip_prefix) + std::to_string(rng.Between(10, 99)), "US"};
}

// A city served by the same warehouse as `home`, most of the time.
const City& NearbyCity(DemoRandom& rng, const City& home) {
  if (rng.Chance(300)) return rng.Pick(Cities());
  std::vector<const City*> near;
  for (const auto& c : Cities()) {
    if (c.warehouse == home.warehouse) near.push_back(&c);
  }
  return *rng.Pick(near);
}

std::vector<customers::NewShipTo> DrawShipTos(DemoRandom& rng, Size size, const City& home,
                                              const customers::Address& bill_to) {
  static const std::vector<int> kCountWeights = {45, 30, 15, 10};
  size_t count = rng.Weighted(kCountWeights) + 1;
  if (size == Size::kLarge) count = std::max<size_t>(count, 2);
  std::vector<customers::NewShipTo> ship_tos;
  ship_tos.push_back({"MAIN", size == Size::kSmall ? "Main Office" : "Main Plant", bill_to, {}});
  std::vector<SiteName> sites = SiteNames();
  while (ship_tos.size() < count) {
    size_t pick = rng.Index(sites.size());
    const City& city = NearbyCity(rng, home);
    ship_tos.push_back(
        {std::string(sites[pick].code), std::string(sites[pick].name), DrawAddress(rng, city), {}});
    sites.erase(sites.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  for (auto& s : ship_tos) {
    if (!rng.Chance(500)) continue;
    for (const auto& c : Cities()) {
      if (c.name == s.address.city) s.preferred_warehouse = std::string(c.warehouse);
    }
  }
  return ship_tos;
}

// A company name not yet taken, preferably with a first word not yet used.
std::string DrawCompanyName(DemoRandom& rng, std::set<std::string>& names,
                            std::set<std::string_view>& first_words) {
  for (int attempt = 0;; ++attempt) {
    std::string_view first = rng.Pick(CompanyFirstWords());
    std::string name = std::string(first) + " " + std::string(rng.Pick(CompanyTrades())) + " " +
                       std::string(rng.Pick(CompanySuffixes()));
    if (attempt < 8 && first_words.count(first)) continue;
    if (!names.insert(name).second) continue;
    first_words.insert(first);
    return name;
  }
}

std::string DrawTerms(DemoRandom& rng, Size size) {
  static const std::vector<std::string> kTerms = {"NET30", "NET60", "2/10NET30", "NET15",
                                                  "DUE_ON_RECEIPT"};
  static const std::vector<int> kSmall = {45, 3, 10, 12, 30};
  static const std::vector<int> kLarger = {60, 15, 20, 5, 0};
  return kTerms[rng.Weighted(size == Size::kSmall ? kSmall : kLarger)];
}

std::optional<std::string> DrawTier(DemoRandom& rng, Size size) {
  static const std::vector<std::optional<std::string>> kTiers = {std::nullopt, "A", "B", "C"};
  static const std::vector<int> kSmall = {60, 40, 0, 0};
  static const std::vector<int> kMedium = {10, 30, 60, 0};
  static const std::vector<int> kLarge = {0, 0, 30, 70};
  const auto& weights = size == Size::kSmall ? kSmall : size == Size::kMedium ? kMedium : kLarge;
  return kTiers[rng.Weighted(weights)];
}

std::string DrawChannel(DemoRandom& rng, Size size) {
  static const std::vector<std::string> kChannels = {"phone", "email", "web", "portal", "edi"};
  static const std::vector<int> kSmall = {40, 30, 22, 8, 0};
  static const std::vector<int> kLarger = {30, 30, 8, 12, 20};
  return kChannels[rng.Weighted(size == Size::kSmall ? kSmall : kLarger)];
}

// The active items of 2-4 product lines that the customer buys again and again.
std::vector<size_t> DrawUsualItems(DemoRandom& rng, Size size,
                                   const std::vector<DemoItem>& catalog) {
  std::set<size_t> lines;
  const int line_count = static_cast<int>(rng.Between(2, 4));
  for (int i = 0; i < line_count; ++i) lines.insert(rng.Index(ProductLines().size()));
  std::vector<size_t> candidates;
  for (size_t i = 0; i < catalog.size(); ++i) {
    if (catalog[i].item.active && lines.count(catalog[i].line)) candidates.push_back(i);
  }
  const int64_t wanted = size == Size::kLarge ? rng.Between(25, 60) : rng.Between(8, 30);
  std::vector<size_t> usual;
  while (!candidates.empty() && static_cast<int64_t>(usual.size()) < wanted) {
    size_t pick = rng.Index(candidates.size());
    usual.push_back(candidates[pick]);
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  return usual;
}

// `n` distinct indices below `count`, none of them in `taken` (which receives them).
std::vector<size_t> DistinctIndices(DemoRandom& rng, size_t n, size_t count,
                                    std::set<size_t>& taken) {
  std::vector<size_t> picked;
  while (picked.size() < n && taken.size() < count) {
    size_t i = rng.Index(count);
    if (taken.insert(i).second) picked.push_back(i);
  }
  return picked;
}

Money RoundUpTo(Money value, Money step) {
  return Money::FromUnits((value.units() + step.units() - 1) / step.units() * step.units());
}

}  // namespace

std::vector<inventory::Warehouse> DemoWarehouses() {
  return {
      {WarehouseId(),
       "ATL",
       "Atlanta Distribution Center",
       {"4400 Peachtree Industrial Blvd", "Norcross", "GA", "30071", "US"},
       10},
      {WarehouseId(),
       "DAL",
       "Dallas Distribution Center",
       {"2150 Commerce Pkwy", "Grand Prairie", "TX", "75050", "US"},
       20},
      {WarehouseId(),
       "CHI",
       "Chicago Distribution Center",
       {"1800 Busse Rd", "Elk Grove Village", "IL", "60007", "US"},
       30},
  };
}

std::vector<customers::PriceTier> DemoPriceTiers() {
  return {{"A", "Tier A - 5% off list", 500},
          {"B", "Tier B - 10% off list", 1'000},
          {"C", "Tier C - 15% off list", 1'500}};
}

std::vector<DemoCustomer> BuildCustomers(DemoRandom& rng, int count,
                                         const std::vector<DemoItem>& catalog) {
  const size_t n = static_cast<size_t>(count);
  // About 2 of 60 tax exempt and 2 others on hold; at least one each from 3 customers up.
  const size_t special_count = n >= 3 ? std::clamp<size_t>(n / 25, 1, 2) : 0;
  std::set<size_t> special;
  const std::vector<size_t> exempt = DistinctIndices(rng, special_count, n, special);
  const std::vector<size_t> on_hold = DistinctIndices(rng, special_count, n, special);
  static const std::vector<int> kSizeWeights = {60, 30, 10};
  std::set<std::string> names;
  std::set<std::string_view> first_words;
  std::vector<DemoCustomer> customers;
  for (size_t i = 0; i < n; ++i) {
    DemoCustomer d;
    const Size size = static_cast<Size>(rng.Weighted(kSizeWeights));
    d.weight = size == Size::kLarge ? 8 : size == Size::kMedium ? 3 : 1;
    auto& a = d.account;
    a.code = "C-" + std::to_string(1'001 + i);
    const auto exempt_at = std::find(exempt.begin(), exempt.end(), i);
    const bool is_exempt = exempt_at != exempt.end();
    const City* home = &rng.Pick(Cities());
    if (is_exempt) {
      const Institution& institution =
          Institutions()[static_cast<size_t>(exempt_at - exempt.begin())];
      a.name = std::string(institution.name);
      a.tax_exempt = true;
      for (const auto& c : Cities()) {
        if (c.name == institution.city) home = &c;
      }
    } else {
      a.name = DrawCompanyName(rng, names, first_words);
    }
    a.bill_to = DrawAddress(rng, *home);
    a.ship_tos = DrawShipTos(rng, size, *home, a.bill_to);
    a.payment_terms = is_exempt ? "NET60" : DrawTerms(rng, size);
    a.price_tier = is_exempt ? std::optional<std::string>("B") : DrawTier(rng, size);
    const SalesRep& rep = rng.Pick(SalesReps());
    a.salesperson = std::string(rep.name);
    d.rep_actor = std::string(rep.actor);
    a.on_hold = std::count(on_hold.begin(), on_hold.end(), i) > 0;
    if (a.on_hold) d.weight = 1;
    d.channel = is_exempt ? "portal" : DrawChannel(rng, size);
    d.po_style = static_cast<int>(rng.Between(0, 3));
    d.usual_items = DrawUsualItems(rng, size, catalog);
    customers.push_back(std::move(d));
  }
  return customers;
}

void SizeCreditLimits(DemoRandom& rng, const std::vector<Money>& planned, int history_days,
                      std::vector<DemoCustomer>& customers) {
  std::vector<size_t> eligible;
  for (size_t i = 0; i < customers.size(); ++i) {
    const auto& a = customers[i].account;
    if (!a.on_hold && !a.tax_exempt && planned[i] > Money::FromWhole(2'000)) eligible.push_back(i);
  }
  size_t tight = customers.size() >= 5 ? std::clamp<size_t>(customers.size() / 20, 1, 4) : 0;
  for (size_t k = 0; k < tight && !eligible.empty(); ++k) {
    size_t pick = rng.Index(eligible.size());
    customers[eligible[pick]].tight_credit = true;
    eligible.erase(eligible.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  for (size_t i = 0; i < customers.size(); ++i) {
    auto& d = customers[i];
    if (d.tight_credit) {
      // About three to five weeks of its orders (22-38% of 120 days' worth; of all of them for
      // a shorter history): with invoices paid around their due date, its open orders and
      // unpaid invoices pass that now and then.
      const int64_t days = std::max(history_days, 120);
      Money limit = planned[i].MulRatio(rng.Between(22, 38) * 120, 100 * days);
      const Money step = Money::FromWhole(500);
      d.account.credit_limit =
          std::max(step, Money::FromUnits(limit.units() / step.units() * step.units()));
    } else {
      Money limit = planned[i].MulRatio(rng.Between(140, 260), 100);
      const Money step = limit > Money::FromWhole(50'000) ? kFiveThousand : kThousand;
      d.account.credit_limit = std::max(RoundUpTo(limit, step), kFiveThousand);
    }
  }
}

}  // namespace ordo::demo
