// The resolution order (pricing/price_resolution.h), table-driven: each row gives one line's
// candidates and the price, source and explanation that must come out.
#include <gtest/gtest.h>

#include <functional>

#include "core/money.h"
#include "pricing/price_resolution.h"

namespace ordo::pricing {
namespace {

Money M(std::string_view text) {
  return *Money::Parse(text);
}
Date D(std::string_view text) {
  return *ParseDate(text);
}

const ItemId kItem{7};
const ItemId kOtherItem{8};

RuleScope ForItem(ItemId id) {
  return {id, ""};
}
RuleScope ForLine(std::string line) {
  return {std::nullopt, std::move(line)};
}

ContractTerm Contract(std::string code, RuleScope scope, Adjustment a,
                      std::string_view start = "2026-01-01", std::string_view end = "2027-03-31") {
  return {std::move(code), D(start), D(end), std::move(scope), a};
}

Promotion Promo(std::string code, Adjustment a, bool exclusive, std::optional<ItemId> item,
                std::string line = "", std::string group = "",
                std::string_view start = "2026-03-01", std::string_view end = "2026-05-31") {
  return {std::move(code), D(start), D(end), item, std::move(line), std::move(group), a, exclusive};
}

PriceListTerms List(std::optional<Money> price, std::vector<QuantityBreak> breaks = {},
                    std::string currency = "USD", std::string_view from = "2026-01-01",
                    std::optional<std::string_view> to = std::nullopt) {
  PriceListTerms pl;
  pl.code = "PL-26";
  pl.currency = std::move(currency);
  pl.valid_from = D(from);
  if (to) pl.valid_to = D(*to);
  pl.unit_price = price;
  pl.breaks = std::move(breaks);
  return pl;
}

// The line every row starts from: item 7 of product line FAST, list 5.00, 10 units, on
// 2026-04-15, customer in group CONTRACTORS, no rules.
PriceInputs Line() {
  PriceInputs in;
  in.list_price = M("5.00");
  in.item = kItem;
  in.product_line = "FAST";
  in.quantity = 10;
  in.date = D("2026-04-15");
  in.customer_group = "CONTRACTORS";
  return in;
}

struct Row {
  const char* name;
  std::function<void(PriceInputs&)> given;
  const char* price;
  const char* source;
  const char* explanation;
};

const Row kRows[] = {
    {"list price alone", [](PriceInputs&) {}, "5.00", "list", "list price 5.00"},
    {"tier off list",
     [](PriceInputs& in) {
       in.tier = TierDiscount{"GOLD", 1500};
     },
     "4.25", "tier:GOLD", "tier GOLD -15%"},
    {"a zero tier leaves list",
     [](PriceInputs& in) {
       in.tier = TierDiscount{"NONE", 0};
     },
     "5.00", "list", "list price 5.00"},
    {"price list replaces list", [](PriceInputs& in) { in.price_list = List(M("4.80")); }, "4.80",
     "price_list:PL-26", "price list PL-26 at 4.80"},
    {"tier comes off the price list price",
     [](PriceInputs& in) {
       in.price_list = List(M("4.80"));
       in.tier = TierDiscount{"GOLD", 1000};
     },
     "4.32", "tier:GOLD", "tier GOLD -10%"},
    {"price list in another currency is ignored",
     [](PriceInputs& in) { in.price_list = List(M("4.80"), {}, "EUR"); }, "5.00", "list",
     "list price 5.00"},
    {"price list not yet valid is ignored",
     [](PriceInputs& in) { in.price_list = List(M("4.80"), {}, "USD", "2026-05-01"); }, "5.00",
     "list", "list price 5.00"},
    {"price list expired is ignored",
     [](PriceInputs& in) {
       in.price_list = List(M("4.80"), {{ForItem(kItem), 1, Adjustment::Fixed(M("1"))}}, "USD",
                            "2026-01-01", "2026-04-14");
     },
     "5.00", "list", "list price 5.00"},
    {"price list valid on its last day",
     [](PriceInputs& in) {
       in.price_list = List(M("4.80"), {}, "USD", "2026-01-01", "2026-04-15");
     },
     "4.80", "price_list:PL-26", "price list PL-26 at 4.80"},
    {"break reached",
     [](PriceInputs& in) {
       in.quantity = 100;
       in.price_list = List(std::nullopt, {{ForItem(kItem), 100, Adjustment::Fixed(M("4.10"))}});
     },
     "4.10", "break:PL-26", "break 100+ at 4.10"},
    {"break not reached",
     [](PriceInputs& in) {
       in.quantity = 99;
       in.price_list = List(std::nullopt, {{ForItem(kItem), 100, Adjustment::Fixed(M("4.10"))}});
     },
     "5.00", "list", "list price 5.00"},
    {"best of several breaks and a product line percentage",
     [](PriceInputs& in) {
       in.quantity = 500;
       in.price_list = List(M("4.80"), {{ForItem(kItem), 100, Adjustment::Fixed(M("4.10"))},
                                        {ForItem(kItem), 500, Adjustment::Fixed(M("3.95"))},
                                        {ForLine("FAST"), 200, Adjustment::PercentOff(2000)}});
     },
     "3.84", "break:PL-26", "break 200+ -20% (line FAST)"},
    {"break of another item or line does not apply",
     [](PriceInputs& in) {
       in.quantity = 500;
       in.price_list = List(std::nullopt, {{ForItem(kOtherItem), 1, Adjustment::Fixed(M("1"))},
                                           {ForLine("PIPE"), 1, Adjustment::Fixed(M("1"))}});
     },
     "5.00", "list", "list price 5.00"},
    {"tier better than the break wins",
     [](PriceInputs& in) {
       in.quantity = 100;
       in.tier = TierDiscount{"GOLD", 2000};
       in.price_list = List(std::nullopt, {{ForItem(kItem), 100, Adjustment::Fixed(M("4.10"))}});
     },
     "4.00", "tier:GOLD", "tier GOLD -20%"},
    {"tie between tier and break keeps the tier",
     [](PriceInputs& in) {
       in.quantity = 100;
       in.tier = TierDiscount{"GOLD", 2000};
       in.price_list = List(std::nullopt, {{ForItem(kItem), 100, Adjustment::Fixed(M("4.00"))}});
     },
     "4.00", "tier:GOLD", "tier GOLD -20%"},
    {"contract fixed price decides even above tier and break",
     [](PriceInputs& in) {
       in.quantity = 100;
       in.tier = TierDiscount{"GOLD", 3000};
       in.price_list = List(std::nullopt, {{ForItem(kItem), 100, Adjustment::Fixed(M("3.00"))}});
       in.contracts = {Contract("K-17", ForItem(kItem), Adjustment::Fixed(M("4.40")))};
     },
     "4.40", "contract:K-17", "contract K-17 until 2027-03-31"},
    {"contract percentage comes off the price list price",
     [](PriceInputs& in) {
       in.price_list = List(M("4.00"));
       in.contracts = {Contract("K-17", ForItem(kItem), Adjustment::PercentOff(1250))};
     },
     "3.50", "contract:K-17", "contract K-17 -12.5% until 2027-03-31"},
    {"item contract beats a cheaper product line contract",
     [](PriceInputs& in) {
       in.contracts = {Contract("K-1", ForLine("FAST"), Adjustment::PercentOff(5000)),
                       Contract("K-2", ForItem(kItem), Adjustment::Fixed(M("4.50")))};
     },
     "4.50", "contract:K-2", "contract K-2 until 2027-03-31"},
    {"product line contract when no item term",
     [](PriceInputs& in) {
       in.contracts = {Contract("K-1", ForLine("FAST"), Adjustment::PercentOff(1000), "2026-01-01",
                                "2026-12-31")};
     },
     "4.50", "contract:K-1", "contract K-1 -10% (line FAST) until 2026-12-31"},
    {"lowest of equally specific contracts, then lower code",
     [](PriceInputs& in) {
       in.contracts = {Contract("K-9", ForItem(kItem), Adjustment::Fixed(M("4.20"))),
                       Contract("K-3", ForItem(kItem), Adjustment::Fixed(M("4.30"))),
                       Contract("K-5", ForItem(kItem), Adjustment::Fixed(M("4.20")))};
     },
     "4.20", "contract:K-5", "contract K-5 until 2027-03-31"},
    {"contract outside its dates is ignored",
     [](PriceInputs& in) {
       in.contracts = {
           Contract("K-OLD", ForItem(kItem), Adjustment::Fixed(M("1")), "2025-01-01", "2026-04-14"),
           Contract("K-NEW", ForItem(kItem), Adjustment::Fixed(M("1")), "2026-04-16",
                    "2027-01-01")};
     },
     "5.00", "list", "list price 5.00"},
    {"contract on its first and last day",
     [](PriceInputs& in) {
       in.contracts = {
           Contract("K-1", ForItem(kItem), Adjustment::Fixed(M("4")), "2026-04-15", "2026-04-15")};
     },
     "4.00", "contract:K-1", "contract K-1 until 2026-04-15"},
    {"promotion percent off list",
     [](PriceInputs& in) {
       in.promotions = {Promo("SPRING-10", Adjustment::PercentOff(1000), false, kItem)};
     },
     "4.50", "promotion:SPRING-10", "promotion SPRING-10 -10%"},
    {"stacking promotion comes off the contract",
     [](PriceInputs& in) {
       in.contracts = {Contract("K-17", ForItem(kItem), Adjustment::Fixed(M("4.00")))};
       in.promotions = {Promo("SPRING-10", Adjustment::PercentOff(1000), false, kItem)};
     },
     "3.60", "promotion:SPRING-10",
     "contract K-17 until 2027-03-31, then promotion SPRING-10 -10%"},
    {"exclusive promotion comes off R and loses to a better contract",
     [](PriceInputs& in) {
       in.contracts = {Contract("K-17", ForItem(kItem), Adjustment::Fixed(M("4.00")))};
       in.promotions = {Promo("FLASH", Adjustment::PercentOff(1000), true, kItem)};
     },
     "4.00", "contract:K-17", "contract K-17 until 2027-03-31"},
    {"exclusive promotion wins when lower than the contract",
     [](PriceInputs& in) {
       in.contracts = {Contract("K-17", ForItem(kItem), Adjustment::Fixed(M("4.60")))};
       in.promotions = {Promo("FLASH", Adjustment::PercentOff(2000), true, kItem)};
     },
     "4.00", "promotion:FLASH", "promotion FLASH -20% off list price 5.00"},
    {"only the best promotion applies, never two",
     [](PriceInputs& in) {
       in.promotions = {
           Promo("A", Adjustment::PercentOff(1000), false, kItem),
           Promo("B", Adjustment::AmountOff(M("0.75")), false, std::nullopt, "FAST"),
           Promo("C", Adjustment::PercentOff(500), false, std::nullopt, "", "CONTRACTORS")};
     },
     "4.25", "promotion:B", "promotion B -0.75"},
    {"equal promotions: the lower code",
     [](PriceInputs& in) {
       in.promotions = {Promo("Z", Adjustment::PercentOff(1000), false, kItem),
                        Promo("M", Adjustment::AmountOff(M("0.50")), false, kItem)};
     },
     "4.50", "promotion:M", "promotion M -0.50"},
    {"promotion conditions must all hold",
     [](PriceInputs& in) {
       in.promotions = {
           Promo("GROUP", Adjustment::PercentOff(5000), false, std::nullopt, "", "RETAIL"),
           Promo("LINE", Adjustment::PercentOff(5000), false, std::nullopt, "PIPE"),
           Promo("BOTH", Adjustment::PercentOff(5000), false, kItem, "", "RETAIL"),
           Promo("NONE", Adjustment::PercentOff(5000), false, std::nullopt)};
     },
     "5.00", "list", "list price 5.00"},
    {"promotion outside its dates is ignored",
     [](PriceInputs& in) {
       in.promotions = {Promo("OLD", Adjustment::PercentOff(5000), false, kItem, "", "",
                              "2026-01-01", "2026-04-14")};
     },
     "5.00", "list", "list price 5.00"},
    {"amount off never below zero",
     [](PriceInputs& in) {
       in.promotions = {Promo("FREE", Adjustment::AmountOff(M("9.00")), false, kItem)};
     },
     "0", "promotion:FREE", "promotion FREE -9.00"},
    {"stacking promotion on a break",
     [](PriceInputs& in) {
       in.quantity = 100;
       in.price_list = List(std::nullopt, {{ForItem(kItem), 100, Adjustment::Fixed(M("4.10"))}});
       in.promotions = {Promo("SPRING-10", Adjustment::PercentOff(1000), false, kItem)};
     },
     "3.69", "promotion:SPRING-10", "break 100+ at 4.10, then promotion SPRING-10 -10%"},
    {"manual price beats everything",
     [](PriceInputs& in) {
       in.contracts = {Contract("K-17", ForItem(kItem), Adjustment::Fixed(M("1")))};
       in.promotions = {Promo("A", Adjustment::PercentOff(9000), false, kItem)};
       in.manual_price = M("6.00");
       in.override_reason = "rush order";
     },
     "6.00", "manual", "manual price"},
};

TEST(ResolutionOrder, EveryRow) {
  for (const Row& row : kRows) {
    PriceInputs in = Line();
    row.given(in);
    auto d = ResolvePrice(in);
    ASSERT_TRUE(d.ok()) << row.name;
    EXPECT_EQ(d->unit_price.Format(4), M(row.price).Format(4)) << row.name;
    EXPECT_EQ(d->source, row.source) << row.name;
    EXPECT_EQ(d->explanation, row.explanation) << row.name;
  }
}

TEST(ResolutionOrder, PercentText) {
  EXPECT_EQ(PercentText(1000), "10");
  EXPECT_EQ(PercentText(1250), "12.5");
  EXPECT_EQ(PercentText(5), "0.05");
  EXPECT_EQ(PercentText(10000), "100");
}

}  // namespace
}  // namespace ordo::pricing
