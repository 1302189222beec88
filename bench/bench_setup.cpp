#include "bench_setup.h"

#include <stdexcept>

#include "catalog/item_commands.h"
#include "core/clock.h"
#include "customers/customer_commands.h"
#include "inventory/stock_commands.h"
#include "inventory/warehouse_repository.h"
#include "pricing/contracts.h"
#include "pricing/customer_pricing.h"
#include "pricing/price_lists.h"
#include "pricing/promotions.h"

namespace ordo::bench {
namespace {

void Check(const Status& st) {
  if (!st.ok()) throw std::runtime_error("bench setup: " + st.ToString());
}

}  // namespace

BenchCatalog SetUpBenchCatalog(store::CommandExecutor& exec, const BenchScale& scale) {
  SystemClock clock;
  CommandContext ctx{"bench", "", clock.Now()};
  BenchCatalog cat;
  Check(exec.Run([&](store::Connection& c) -> Status {
    customers::SavePriceTier(c, ctx, {"B", "Tier B", 1000});
    for (int w = 0; w < scale.warehouses; ++w) {
      inventory::Warehouse wh;
      wh.code = "W" + std::to_string(w + 1);
      wh.name = "Warehouse " + std::to_string(w + 1);
      wh.allocation_rank = 10 * (w + 1);
      auto r = inventory::CreateWarehouse(c, ctx, wh);
      if (!r.ok()) return r.status();
      cat.warehouses.push_back(wh.code);
    }
    for (int i = 0; i < scale.items; ++i) {
      catalog::NewItem item;
      item.sku = "SKU-" + std::to_string(10000 + i);
      item.name = "Bench item " + std::to_string(i);
      item.packs = {{"CS", 12}};
      item.list_price = Money::FromUnits(10'000 + 137 * i);
      item.cost = Money::FromUnits(6'000 + 80 * i);
      auto r = catalog::CreateItem(c, ctx, item);
      if (!r.ok()) return r.status();
      cat.skus.push_back(item.sku);
    }
    for (const auto& w : cat.warehouses) {
      inventory::Receipt receipt{w, {}, "bench stock"};
      for (const auto& sku : cat.skus) receipt.lines.push_back({sku, scale.stock_per_item});
      if (Status st = inventory::ReceiveStock(c, ctx, receipt); !st.ok()) return st;
    }
    for (int i = 0; i < scale.customers; ++i) {
      customers::NewCustomer cust;
      cust.code = "C-" + std::to_string(1001 + i);
      cust.name = "Bench customer " + std::to_string(i);
      cust.credit_limit = Money::FromWhole(900'000'000'000);
      if (i % 2 == 0) cust.price_tier = "B";
      cust.ship_tos = {{"MAIN", "Main dock", {}, std::nullopt}};
      auto r = customers::CreateCustomer(c, ctx, cust);
      if (!r.ok()) return r.status();
      cat.customers.push_back(cust.code);
    }
    return Status::Ok();
  }));
  return cat;
}

void AddBenchPricingRules(store::CommandExecutor& exec, const BenchCatalog& cat) {
  SystemClock clock;
  CommandContext ctx{"bench", "", clock.Now()};
  const Date today = DateOf(ctx.now);
  Check(exec.Run([&](store::Connection& c) -> Status {
    // Items by id in SKU order: the setup created them first, so ids 1..n.
    auto item = [](size_t i) { return ItemId(static_cast<int64_t>(i + 1)); };
    pricing::PriceList list;
    list.code = "PL-BENCH";
    list.name = "Bench list";
    list.valid_from = Date{today.days - 30};
    for (size_t i = 0; i < cat.skus.size(); ++i) {
      list.prices.push_back({item(i), Money::FromUnits(9'500 + 130 * static_cast<int64_t>(i))});
      list.breaks.push_back({{item(i), ""}, 10, pricing::Adjustment::PercentOff(300)});
    }
    if (auto r = pricing::CreatePriceList(c, ctx, list); !r.ok()) return r.status();
    constexpr int kContractPrices = 10'000;
    constexpr int kTermsPerContract = 50;
    const int contracts = kContractPrices / kTermsPerContract;
    for (int k = 0; k < contracts; ++k) {
      size_t customer = static_cast<size_t>(k) % cat.customers.size();
      pricing::Contract contract;
      contract.code = "K-" + std::to_string(k);
      contract.customer = CustomerId(static_cast<int64_t>(customer + 1));
      contract.start = Date{today.days - 10};
      contract.end = Date{today.days + 365};
      for (int t = 0; t < kTermsPerContract; ++t) {
        pricing::ContractPriceTerm term;
        size_t i = (static_cast<size_t>(k) * 7 + static_cast<size_t>(t) * 13) % cat.skus.size();
        if (t % 10 == 9) {
          term.scope.product_line = "LINE-" + std::to_string(k % 20) + "-" + std::to_string(t);
        } else {
          term.scope.item = item(i);
        }
        term.adjustment = t % 2 == 0 ? pricing::Adjustment::PercentOff(800 + t)
                                     : pricing::Adjustment::Fixed(
                                           Money::FromUnits(9'000 + 120 * static_cast<int64_t>(i)));
        bool taken = false;
        for (const auto& o : contract.terms) {
          taken |=
              o.scope.item == term.scope.item && o.scope.product_line == term.scope.product_line;
        }
        if (!taken) contract.terms.push_back(term);
      }
      if (auto r = pricing::CreateContract(c, ctx, contract); !r.ok()) return r.status();
    }
    for (int p = 0; p < 1000; ++p) {
      pricing::PromotionRecord promo;
      promo.rule.code = "PROMO-" + std::to_string(p);
      promo.rule.start = Date{today.days - (p % 30)};
      promo.rule.end = Date{today.days + 1 + (p % 60)};
      if (p % 50 == 49) {
        promo.rule.customer_group = "GROUP-" + std::to_string(p % 7);
      } else {
        promo.rule.item = item(static_cast<size_t>(p) * 17 % cat.skus.size());
      }
      promo.rule.adjustment = p % 3 == 0 ? pricing::Adjustment::AmountOff(Money::FromUnits(500))
                                         : pricing::Adjustment::PercentOff(200 + p % 900);
      promo.rule.exclusive = p % 2 == 1;
      if (auto r = pricing::CreatePromotion(c, ctx, promo); !r.ok()) return r.status();
    }
    for (size_t i = 0; i < cat.customers.size(); ++i) {
      pricing::CustomerPricing cp{CustomerId(static_cast<int64_t>(i + 1)), "PL-BENCH",
                                  "GROUP-" + std::to_string(i % 7)};
      if (auto r = pricing::SetCustomerPricing(c, ctx, cp); !r.ok()) return r.status();
    }
    return Status::Ok();
  }));
}

}  // namespace ordo::bench
