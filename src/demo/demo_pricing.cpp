#include "demo/demo_pricing.h"

#include <string>

#include "catalog/item_repository.h"
#include "customers/customer_repository.h"
#include "pricing/contracts.h"
#include "pricing/customer_pricing.h"
#include "pricing/price_lists.h"
#include "pricing/promotions.h"

namespace ordo::demo {
namespace {

// A share of a list price, rounded to cents (prices people type).
Money Share(Money list, int percent) {
  return list.MulRatio(percent, 100).Round(2);
}

constexpr int kContracts = 24;

}  // namespace

Result<DemoPricingCounts> CreateDemoPricing(store::CommandExecutor& exec,
                                            const std::vector<DemoItem>& catalog,
                                            const std::vector<DemoCustomer>& customers,
                                            Timestamp now) {
  const Date today = DateOf(now);
  auto day = [&](int d) { return Date{today.days + d}; };
  DemoPricingCounts counts;
  Status st = exec.Run([&](store::Connection& conn) -> Status {
    CommandContext ctx{"user:sales.manager", "", now};
    auto item_id = [&](size_t index) {
      return catalog::FindItemBySku(conn, catalog[index].item.sku)->id;
    };
    std::vector<size_t> sold;  // active items, in catalog order
    for (size_t i = 0; i < catalog.size(); ++i) {
      if (catalog[i].item.active) sold.push_back(i);
    }
    if (sold.empty() || customers.empty()) return Status::Ok();

    // Two lists: contractors get 5% off most items and 100+ breaks, wholesale 8% off a few
    // and a 4% break from 50, and 3% on a whole product line from 200. Every discount here,
    // even with the spring promotion on top, leaves more than the demo lines' minimum margins
    // (demo_product_lines.h), so new orders stay above their items' floors.
    pricing::PriceList contractor{
        0, "PL-CONTRACTOR", "Contractor prices", "USD", day(-90), day(365), {}, {}, 1, {}, {}};
    pricing::PriceList wholesale{
        0, "PL-WHOLESALE", "Wholesale prices", "USD", day(-90), std::nullopt, {}, {}, 1, {}, {}};
    for (size_t k = 0; k < sold.size(); ++k) {
      const DemoItem& d = catalog[sold[k]];
      if (k % 4 != 3) contractor.prices.push_back({item_id(sold[k]), Share(d.item.list_price, 95)});
      if (k % 3 == 0) wholesale.prices.push_back({item_id(sold[k]), Share(d.item.list_price, 94)});
      if (k % 5 == 0) {
        pricing::QuantityBreak b;
        b.scope.item = item_id(sold[k]);
        b.min_quantity = 100;
        b.adjustment = pricing::Adjustment::Fixed(Share(d.item.list_price, 92));
        contractor.breaks.push_back(b);
        b.min_quantity = 50;
        b.adjustment = pricing::Adjustment::PercentOff(400);
        wholesale.breaks.push_back(b);
      }
    }
    if (catalog[sold[0]].item.product_line) {
      pricing::QuantityBreak line;
      line.scope.product_line = *catalog[sold[0]].item.product_line;
      line.min_quantity = 200;
      line.adjustment = pricing::Adjustment::PercentOff(300);
      wholesale.breaks.push_back(line);
    }
    for (const auto* list : {&contractor, &wholesale}) {
      if (auto made = pricing::CreatePriceList(conn, ctx, *list); !made.ok()) return made.status();
      ++counts.price_lists;
    }

    // Lists and groups: of the customers without a tier (a tier comes off the list's price), a
    // third each on the two lists; every other customer a contractor.
    for (size_t c = 0; c < customers.size(); ++c) {
      auto customer = customers::FindCustomerByCode(conn, customers[c].account.code);
      if (!customer) continue;
      const bool tiered = customer->price_tier.has_value();
      pricing::CustomerPricing cp{customer->id,
                                  tiered       ? ""
                                  : c % 3 == 0 ? "PL-CONTRACTOR"
                                  : c % 3 == 1 ? "PL-WHOLESALE"
                                               : "",
                                  c % 2 == 0 ? "CONTRACTORS" : "RESELLERS"};
      if (auto set = pricing::SetCustomerPricing(conn, ctx, cp); !set.ok()) return set.status();

      // Contracts on the items the first customers buy again and again.
      if (static_cast<int>(c) >= kContracts || customers[c].usual_items.empty()) continue;
      pricing::Contract k;
      k.code = "K-" + std::to_string(1001 + c);
      k.customer = customer->id;
      k.start = day(-30 - static_cast<int>(c));
      k.end = day(120 + 30 * static_cast<int>(c % 9));
      k.note = "Annual agreement";
      for (size_t u = 0; u < customers[c].usual_items.size() && k.terms.size() < 4; ++u) {
        size_t index = customers[c].usual_items[u];
        if (!catalog[index].item.active) continue;
        pricing::ContractPriceTerm t;
        t.scope.item = item_id(index);
        bool taken = false;
        for (const auto& other : k.terms) taken |= other.scope.item == t.scope.item;
        if (taken) continue;
        t.adjustment = u % 2 == 0
                           ? pricing::Adjustment::Fixed(Share(catalog[index].item.list_price, 90))
                           : pricing::Adjustment::PercentOff(800);
        k.terms.push_back(t);
      }
      if (k.terms.empty()) continue;
      if (auto made = pricing::CreateContract(conn, ctx, k); !made.ok()) return made.status();
      ++counts.contracts;
    }

    // Promotions running today: 5% for contractors on top of their prices, 10% off one item
    // instead of anything else, 0.50 off the dearest item.
    pricing::PromotionRecord spring;
    spring.name = "Spring contractor days";
    spring.rule = {"SPRING-5",
                   day(-7),
                   day(60),
                   std::nullopt,
                   "",
                   "CONTRACTORS",
                   pricing::Adjustment::PercentOff(500),
                   false};
    pricing::PromotionRecord flash;
    flash.name = "Flash sale";
    flash.rule = {"FLASH-10",
                  day(-1),
                  day(14),
                  item_id(sold[0]),
                  "",
                  "",
                  pricing::Adjustment::PercentOff(1000),
                  true};
    size_t dearest = sold[0];
    for (size_t i : sold) {
      if (catalog[i].item.list_price > catalog[dearest].item.list_price) dearest = i;
    }
    pricing::PromotionRecord clearance;
    clearance.name = "Clearance";
    clearance.rule = {"CLEAR-050",
                      day(-20),
                      day(40),
                      item_id(dearest),
                      "",
                      "",
                      pricing::Adjustment::AmountOff(Money::FromUnits(5000)),
                      false};
    for (const auto* p : {&spring, &flash, &clearance}) {
      if (auto made = pricing::CreatePromotion(conn, ctx, *p); !made.ok()) return made.status();
      ++counts.promotions;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return counts;
}

}  // namespace ordo::demo
