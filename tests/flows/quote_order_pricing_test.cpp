// Property: a basket priced twice by the quote gets the same answer, and a basket quoted and
// then placed as an order on the same date gets the same prices, sources, explanations and
// extended amounts on every line, whatever price lists, contracts, breaks, tiers and
// promotions the customer has. Random baskets over a random rule set, seeded.
#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "catalog/item_repository.h"
#include "catalog/product_line.h"
#include "customers/customer_repository.h"
#include "flows/basket_pricing.h"
#include "flows/order_placement.h"
#include "flows/price_quote.h"
#include "flows/reference_version.h"
#include "pricing/contracts.h"
#include "pricing/customer_pricing.h"
#include "pricing/price_lists.h"
#include "pricing/promotions.h"
#include "support/invariants.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::SimpleCustomer;

Money M(std::string_view text) {
  return *Money::Parse(text);
}

class QuoteOrderPricingTest : public ::testing::Test {
 protected:
  QuoteOrderPricingTest() : rng_(20261206) {
    db_.AddWarehouse("W1", 10);
    for (const char* line : {"LINE-A", "LINE-B"}) {
      Run([&](store::Connection& c, const CommandContext& cc) {
        return catalog::CreateProductLine(c, cc, {line, line, 0, true}).status();
      });
    }
    for (int i = 0; i < kItems; ++i) {
      std::string sku = "SKU-" + std::to_string(i);
      std::uniform_int_distribution<int> cents(5, 5000);
      catalog::NewItem item;
      item.sku = sku;
      item.name = "Item " + sku;
      item.packs = {{"CS", 12}};
      item.list_price = Money::FromUnits(int64_t{cents(rng_)} * 100);
      // A third of the items in each line, a third in none: rules by line meet all three.
      if (i % 3 != 2) item.product_line = i % 3 == 0 ? "LINE-A" : "LINE-B";
      db_.AddItem(item);
      db_.Receive("W1", sku, 1'000'000);
      ids_.push_back(catalog::FindItemBySku(db_.reader(), sku)->id);
    }
    db_.SaveTier("GOLD", 700);
    for (int c = 0; c < kCustomers; ++c) {
      auto nc = SimpleCustomer("C-" + std::to_string(c), "100000000.00");
      if (c % 4 == 0) nc.price_tier = "GOLD";
      customers_.push_back(db_.AddCustomer(nc).id);
    }
    today_ = DateOf(db_.Context().now);
    AddRules();
  }

  void Run(const std::function<Status(store::Connection&, const CommandContext&)>& command) {
    Status st = db_.executor().Run(
        [&](store::Connection& c) { return command(c, db_.Context("user:manager")); });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  // Random rules: one price list with prices and breaks, a contract per customer, promotions
  // of both stacking kinds by item and by customer group; some valid today, some not.
  void AddRules() {
    std::uniform_int_distribution<int> coin(0, 1);
    std::uniform_int_distribution<int> pct(100, 3000);
    std::uniform_int_distribution<int> price(10, 4000);
    std::uniform_int_distribution<int> item(0, kItems - 1);
    auto days = [&](int d) { return Date{today_.days + d}; };
    pricing::PriceList list;
    list.code = "PL-1";
    list.name = "Contractor list";
    list.valid_from = days(-30);
    for (int i = 0; i < kItems; i += 2) {
      list.prices.push_back({ids_[i], Money::FromUnits(int64_t{price(rng_)} * 100)});
    }
    for (int b = 0; b < 6; ++b) {
      pricing::QuantityBreak brk;
      if (b % 3 == 2) {
        brk.scope.product_line = "LINE-A";
      } else {
        brk.scope.item = ids_[item(rng_)];
      }
      brk.min_quantity = std::uniform_int_distribution<int>(2, 200)(rng_);
      brk.adjustment =
          coin(rng_) ? pricing::Adjustment::PercentOff(pct(rng_))
                     : pricing::Adjustment::Fixed(Money::FromUnits(int64_t{price(rng_)} * 100));
      list.breaks.push_back(brk);
    }
    Run([&](store::Connection& c, const CommandContext& cc) {
      return pricing::CreatePriceList(c, cc, list).status();
    });
    for (int c = 0; c < kCustomers; ++c) {
      pricing::CustomerPricing cp{customers_[c], c % 3 == 0 ? "" : "PL-1",
                                  c == 5 ? "CONTRACTORS" : ""};
      Run([&](store::Connection& conn, const CommandContext& cc) {
        return pricing::SetCustomerPricing(conn, cc, cp).status();
      });
      pricing::Contract k;
      k.code = "K-" + std::to_string(c);
      k.customer = customers_[c];
      bool current = c % 4 != 3;
      k.start = current ? days(-10) : days(5);
      k.end = current ? days(100) : days(50);
      for (int t = 0; t < 5; ++t) {
        pricing::ContractPriceTerm term;
        term.scope.item = ids_[(c * 5 + t * 3) % kItems];
        term.adjustment =
            coin(rng_) ? pricing::Adjustment::PercentOff(pct(rng_))
                       : pricing::Adjustment::Fixed(Money::FromUnits(int64_t{price(rng_)} * 100));
        bool taken = false;
        for (const auto& other : k.terms) taken |= other.scope.item == term.scope.item;
        if (!taken) k.terms.push_back(term);
      }
      if (c % 2 == 1) {
        pricing::ContractPriceTerm line_term;
        line_term.scope.product_line = "LINE-B";
        line_term.adjustment = pricing::Adjustment::PercentOff(pct(rng_));
        k.terms.push_back(line_term);
      }
      Run([&](store::Connection& conn, const CommandContext& cc) {
        return pricing::CreateContract(conn, cc, k).status();
      });
    }
    for (int p = 0; p < 8; ++p) {
      pricing::PromotionRecord promo;
      promo.rule.code = "PROMO-" + std::to_string(p);
      promo.rule.start = days(p == 7 ? 1 : -3);
      promo.rule.end = days(10);
      if (p % 3 == 2) {
        promo.rule.customer_group = "CONTRACTORS";
      } else if (p == 4) {
        promo.rule.product_line = "LINE-A";
      } else {
        promo.rule.item = ids_[item(rng_)];
      }
      promo.rule.adjustment = coin(rng_) ? pricing::Adjustment::PercentOff(pct(rng_))
                                         : pricing::Adjustment::AmountOff(M("0.25"));
      promo.rule.exclusive = coin(rng_) == 1;
      Run([&](store::Connection& conn, const CommandContext& cc) {
        return pricing::CreatePromotion(conn, cc, promo).status();
      });
    }
  }

  static constexpr int kItems = 24;
  static constexpr int kCustomers = 8;
  test_support::TestDb db_;
  std::mt19937 rng_;
  std::vector<ItemId> ids_;
  std::vector<CustomerId> customers_;
  Date today_;
};

TEST_F(QuoteOrderPricingTest, QuotedTwiceAndThenOrderedGivesTheSameLines) {
  std::uniform_int_distribution<int> customer(0, kCustomers - 1);
  std::uniform_int_distribution<int> lines(1, 12);
  std::uniform_int_distribution<int> item(0, kItems - 1);
  std::uniform_int_distribution<int> quantity(1, 300);
  std::uniform_int_distribution<int> coin(0, 3);
  std::set<std::string> sources;
  for (int round = 0; round < 60; ++round) {
    QuoteRequest quote_request;
    PlaceOrderRequest order;
    quote_request.customer = order.customer = "C-" + std::to_string(customer(rng_));
    int n = lines(rng_);
    for (int l = 0; l < n; ++l) {
      std::string sku = "SKU-" + std::to_string(item(rng_));
      std::string qty = std::to_string(quantity(rng_));
      std::string uom = coin(rng_) == 0 ? "CS" : "";
      quote_request.lines.push_back({sku, qty, uom});
      order.lines.push_back({sku, qty, uom, std::nullopt, ""});
    }
    auto first = QuotePrices(db_.reader(), quote_request, today_);
    auto second = QuotePrices(db_.reader(), quote_request, today_);
    ASSERT_TRUE(first.ok() && second.ok());
    auto placed = db_.Place(order);
    ASSERT_TRUE(placed.ok()) << placed.status().ToString();
    ASSERT_EQ(placed->lines.size(), first->lines.size());
    for (size_t i = 0; i < first->lines.size(); ++i) {
      const QuotedLine& q = first->lines[i];
      const QuotedLine& again = second->lines[i];
      const orders::OrderLine& o = placed->lines[i];
      ASSERT_TRUE(q.price && q.extended_amount && again.price) << "round " << round;
      EXPECT_EQ(again.price->unit_price, q.price->unit_price);
      EXPECT_EQ(again.price->explanation, q.price->explanation);
      EXPECT_EQ(o.unit_price, q.price->unit_price) << "round " << round << " line " << i;
      EXPECT_EQ(o.price_source, q.price->source) << "round " << round << " line " << i;
      EXPECT_EQ(o.price_explanation, q.price->explanation);
      EXPECT_EQ(o.extended_amount, *q.extended_amount);
      sources.insert(q.price->source.substr(0, q.price->source.find(':')));
    }
    EXPECT_EQ(placed->subtotal, first->subtotal);
  }
  // The baskets met every kind of rule, so the property was tested on each.
  for (const char* kind : {"list", "price_list", "tier", "break", "contract", "promotion"}) {
    EXPECT_TRUE(sources.contains(kind)) << kind;
  }
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

// The rules snapshot a connection keeps (pricing/pricing_snapshot.h) prices every basket exactly
// as the basket's own queries do, on dates before, within and after every rule's validity; and a
// rule changed afterwards is in the next snapshot, the version having moved on.
TEST_F(QuoteOrderPricingTest, TheRulesSnapshotPricesAsTheBasketsQueriesDo) {
  std::uniform_int_distribution<int> customer(0, kCustomers - 1);
  std::uniform_int_distribution<int> lines(1, 12);
  std::uniform_int_distribution<int> item(0, kItems - 1);
  std::uniform_int_distribution<int> quantity(1, 300);
  std::uniform_int_distribution<int> day(-40, 120);
  auto conn = db_.Connect();
  auto items = catalog::FindItemsBySku(*conn, [] {
    std::vector<std::string> skus;
    for (int i = 0; i < kItems; ++i) skus.push_back("SKU-" + std::to_string(i));
    return skus;
  }());
  auto price = [&](const customers::Customer& c,
                   const std::unordered_map<std::string, catalog::Item>& basket, Date date,
                   std::optional<int64_t> version, const catalog::Item& it, int64_t qty) {
    BasketPricer pricer(*conn, c, basket, date, "USD", version);
    return *pricer.Price(it, qty);
  };
  std::set<std::string> sources;
  for (int round = 0; round < 200; ++round) {
    auto c = customers::FindCustomerById(*conn, customers_[customer(rng_)]);
    ASSERT_TRUE(c.has_value());
    std::unordered_map<std::string, catalog::Item> basket;
    int n = lines(rng_);
    for (int l = 0; l < n; ++l) {
      const std::string sku = "SKU-" + std::to_string(item(rng_));
      basket.emplace(sku, items.at(sku));
    }
    const Date date{today_.days + day(rng_)};
    const int64_t version = ReadReferenceVersion(*conn);
    for (const auto& [sku, it] : basket) {
      const int64_t qty = quantity(rng_);
      pricing::PriceDecision queried = price(*c, basket, date, std::nullopt, it, qty);
      pricing::PriceDecision kept = price(*c, basket, date, version, it, qty);
      EXPECT_EQ(kept.unit_price, queried.unit_price) << "round " << round << " " << sku;
      EXPECT_EQ(kept.source, queried.source) << "round " << round << " " << sku;
      EXPECT_EQ(kept.explanation, queried.explanation) << "round " << round << " " << sku;
      sources.insert(queried.source.substr(0, queried.source.find(':')));
    }
  }
  for (const char* kind : {"list", "price_list", "tier", "break", "contract", "promotion"}) {
    EXPECT_TRUE(sources.contains(kind)) << kind;
  }

  // A promotion added now: the version moves on, and the next snapshot has it.
  auto c3 = customers::FindCustomerById(*conn, customers_[3]);
  std::unordered_map<std::string, catalog::Item> one{{"SKU-1", items.at("SKU-1")}};
  const int64_t before = ReadReferenceVersion(*conn);
  EXPECT_NE(price(*c3, one, today_, before, items.at("SKU-1"), 1).source, "promotion:ALL-OFF");
  pricing::PromotionRecord promo;
  promo.rule = {"ALL-OFF",
                today_,
                Date{today_.days + 1},
                ids_[1],
                "",
                "",
                pricing::Adjustment::PercentOff(10000),
                false};
  Run([&](store::Connection& c, const CommandContext& cc) {
    return pricing::CreatePromotion(c, cc, promo).status();
  });
  const int64_t after = ReadReferenceVersion(*conn);
  ASSERT_NE(after, before);
  EXPECT_EQ(price(*c3, one, today_, after, items.at("SKU-1"), 1).source, "promotion:ALL-OFF");
}

// The writer never places an order on rules that changed after it was prepared, nor on another
// day's rules: a promotion added in between, or a preparation dated yesterday, is priced again.
TEST_F(QuoteOrderPricingTest, TheWriterPricesAgainWhenRulesOrTheDayChanged) {
  PlaceOrderRequest order;
  order.customer = "C-3";  // no list, no tier, no current contract
  order.lines.push_back({"SKU-1", "2", "", std::nullopt, ""});
  auto place = [&](const PreparedOrder& p) {
    return db_.executor().RunFor<PlacedOrder>([&](store::Connection& c) -> Result<PlacedOrder> {
      return PlacePreparedOrder(c, db_.Context(), order, p);
    });
  };
  // Everything off, from today: lower than anything else the line could get.
  pricing::PromotionRecord promo;
  promo.rule = {"LATE-100",
                today_,
                Date{today_.days + 1},
                ids_[1],
                "",
                "",
                pricing::Adjustment::PercentOff(10000),
                false};
  auto conn = db_.Connect();
  auto prepared = PrepareOrder(*conn, order, {}, today_);
  ASSERT_TRUE(prepared.ok());
  EXPECT_NE(prepared->order.lines[0].price_source, "promotion:LATE-100");
  Run([&](store::Connection& c, const CommandContext& cc) {
    return pricing::CreatePromotion(c, cc, promo).status();
  });
  auto placed = place(*prepared);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(placed->order.lines[0].price_source, "promotion:LATE-100");
  EXPECT_EQ(placed->order.lines[0].unit_price, Money());

  // Prepared on the current rules but dated yesterday, before the promotion began: the writer
  // prices it again for today.
  auto yesterday = PrepareOrder(*conn, order, {}, Date{today_.days - 1});
  ASSERT_TRUE(yesterday.ok());
  EXPECT_NE(yesterday->order.lines[0].price_source, "promotion:LATE-100");
  auto again = place(*yesterday);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->order.lines[0].price_source, "promotion:LATE-100");
  EXPECT_EQ(again->order.lines[0].price_explanation, "promotion LATE-100 -100%");
}

}  // namespace
}  // namespace ordo::flows
