// Configured order lines: a line that gives a configurator's answers is the SKU they map to,
// priced at that SKU's price plus the answers' adjustments, with the answers kept and shown.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "catalog/customer_part_number.h"
#include "catalog/item_repository.h"
#include "configurator/configurator_commands.h"
#include "configurator/configurator_repository.h"
#include "flows/order_placement.h"
#include "flows/price_quote.h"
#include "pricing/contracts.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using nlohmann::json;
using test_support::Dollars;

class ConfiguredOrderTest : public ::testing::Test {
 protected:
  ConfiguredOrderTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("BIN-S", "10.00");
    db_.AddItem("BIN-L", "14.00");
    db_.Receive("W1", "BIN-L", 50);
    db_.AddCustomer(test_support::SimpleCustomer("C-1", "10000.00"));
    configurator::Model m;
    m.code = "BIN";
    m.name = "Bin";
    m.questions = {
        {"size", "Size", true, {{"S", "Small", Money()}, {"L", "Large", Dollars("1.25")}}},
        {"lid", "Lid", false, {{"yes", "Hinged lid", Dollars("3.00")}}}};
    m.constraints = {{"size", "S", configurator::ConstraintKind::kExcludes, "lid", {"yes"}}};
    m.sku_rules = {{"BIN-S", {{"size", "S"}}}, {"BIN-L", {{"size", "L"}}}};
    Status st = db_.executor().Run([&](store::Connection& c) {
      return configurator::CreateModel(c, db_.Context(test_support::kManager), m).status();
    });
    if (!st.ok()) throw std::runtime_error(st.message());
  }

  static PlaceOrderRequest Configured(LineConfigurationRequest configuration,
                                      const std::string& quantity = "2") {
    PlaceOrderRequest r = test_support::OrderFor("C-1", {{"BIN-S", "1"}});
    PlaceOrderLine line;
    line.quantity = quantity;
    line.configuration = std::move(configuration);
    r.lines.push_back(std::move(line));
    return r;
  }

  test_support::TestDb db_;
};

TEST_F(ConfiguredOrderTest, TheAnswersGiveTheSkuAndThePrice) {
  auto order = db_.Place(Configured({"BIN", {{"size", "L"}, {"lid", "yes"}}}));
  ASSERT_TRUE(order.ok()) << order.status().message();
  const orders::OrderLine& line = order->lines.at(1);
  EXPECT_EQ(line.sku, "BIN-L");
  EXPECT_EQ(line.unit_price, Dollars("18.25"));  // 14.00 + 1.25 + 3.00
  EXPECT_EQ(line.price_source, "configured");
  EXPECT_EQ(line.extended_amount, Dollars("36.50"));
  EXPECT_EQ(order->subtotal, Dollars("46.50"));
  EXPECT_EQ(line.quantity_allocated(), 2);
  EXPECT_FALSE(order->lines.at(0).configuration.has_value());
  ASSERT_TRUE(line.configuration.has_value());
  EXPECT_EQ(json::parse(*line.configuration), json::parse(R"({"configurator": "BIN",
      "answers": {"size": "L", "lid": "yes"},
      "description": "Size: Large; Lid: Hinged lid"})"));

  auto stored = db_.LoadOrder(order->id);
  ASSERT_TRUE(stored.has_value());
  ASSERT_TRUE(stored->lines.at(1).configuration.has_value());
  EXPECT_EQ(json::parse(*stored->lines.at(1).configuration), json::parse(*line.configuration));
  EXPECT_FALSE(stored->lines.at(0).configuration.has_value());
  EXPECT_EQ(db_.Count("order_line_configurations"), 1);
}

TEST_F(ConfiguredOrderTest, NoneForAnOptionalQuestionAndAManualPrice) {
  auto order = db_.Place(Configured({"BIN", {{"size", "S"}, {"lid", std::nullopt}}}));
  ASSERT_TRUE(order.ok()) << order.status().message();
  EXPECT_EQ(order->lines.at(1).sku, "BIN-S");
  EXPECT_EQ(order->lines.at(1).unit_price, Dollars("10.00"));
  EXPECT_EQ(order->lines.at(1).price_source, "configured");

  PlaceOrderRequest manual = Configured({"BIN", {{"size", "L"}, {"lid", "yes"}}});
  manual.lines.back().unit_price = "12.00";
  manual.lines.back().override_reason = "display model";
  auto priced = db_.Place(manual);
  ASSERT_TRUE(priced.ok()) << priced.status().message();
  EXPECT_EQ(priced->lines.at(1).unit_price, Dollars("12.00"));
  EXPECT_EQ(priced->lines.at(1).price_source, "manual");
  EXPECT_TRUE(priced->lines.at(1).configuration.has_value());
}

TEST_F(ConfiguredOrderTest, BadConfigurationsAreProblemsAtTheLineAndWriteNothing) {
  struct Case {
    std::string name;
    PlaceOrderRequest request;
    std::string field;
    std::string code;
  };
  PlaceOrderRequest both = Configured({"BIN", {{"size", "L"}, {"lid", "yes"}}});
  both.lines.back().sku = "BIN-L";
  const Case cases[] = {
      {"an unanswered question", Configured({"BIN", {{"size", "L"}}}),
       "lines/1/configuration/answers/lid", "incomplete"},
      {"an excluded answer", Configured({"BIN", {{"size", "S"}, {"lid", "yes"}}}),
       "lines/1/configuration/answers/lid", "not_available"},
      {"an unknown value", Configured({"BIN", {{"size", "XL"}, {"lid", "yes"}}}),
       "lines/1/configuration/answers/size", "unknown_value"},
      {"an unknown configurator", Configured({"CRATE", {}}), "lines/1/configuration/configurator",
       "unknown_configurator"},
      {"a SKU as well", both, "lines/1/sku", "sku_and_configuration"},
  };
  auto before = db_.Snapshot();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto order = db_.Place(c.request);
    ASSERT_FALSE(order.ok());
    ASSERT_EQ(order.status().errors().size(), 1u) << order.status().errors()[0].field;
    EXPECT_EQ(order.status().errors()[0].field, c.field);
    EXPECT_EQ(order.status().errors()[0].code, c.code);
  }
  EXPECT_EQ(db_.Snapshot(), before);
}

// A model changed after an order was prepared on it: the writer prepares the order again.
TEST_F(ConfiguredOrderTest, AModelChangedAfterPreparationIsReadAgain) {
  PlaceOrderRequest request = Configured({"BIN", {{"size", "L"}, {"lid", "yes"}}});
  auto prepared = PrepareOrder(db_.reader(), request);
  ASSERT_TRUE(prepared.ok()) << prepared.status().message();
  EXPECT_EQ(prepared->order.lines.at(1).unit_price, Dollars("18.25"));
  Status st = db_.executor().Run([&](store::Connection& c) {
    auto m = configurator::FindModel(c, std::nullopt, "BIN");
    m->questions[1].values[0].price_adjustment = Dollars("4.00");
    return configurator::ReplaceModel(c, db_.Context(test_support::kManager), *m, m->version)
        .status();
  });
  ASSERT_TRUE(st.ok()) << st.message();
  Result<PlacedOrder> placed = Status::Internal("not run");
  ASSERT_TRUE(db_.executor()
                  .Run([&](store::Connection& c) {
                    placed = PlacePreparedOrder(c, db_.Context(), request, *prepared);
                    return placed.status();
                  })
                  .ok());
  EXPECT_EQ(placed->order.lines.at(1).unit_price, Dollars("19.25"));
}

// The merge of pricing, tax, part numbers and configurations: a configured line's base price is
// its SKU's price for the customer (here a contract), plus the answers; a line by the
// customer's part number is priced by the same contract; both are taxed for the ship-to's
// region on the same day, and the quote of the same basket agrees line by line.
TEST_F(ConfiguredOrderTest, AContractPricesTheConfiguredAndPartNumberLinesAndTaxFollows) {
  db_.SetTaxRate("NY", "standard", "8");
  auto c = test_support::SimpleCustomer("C-NY", "10000.00");
  c.ship_tos[0].address.region = "NY";
  const CustomerId customer = db_.AddCustomer(c).id;
  const Date today = DateOf(db_.clock().Now());
  pricing::Contract k;
  k.code = "K-NY";
  k.customer = customer;
  k.start = Date{today.days - 1};
  k.end = Date{today.days + 30};
  pricing::ContractPriceTerm large;
  large.scope.item = catalog::FindItemBySku(db_.reader(), "BIN-L")->id;
  large.adjustment = pricing::Adjustment::Fixed(Dollars("12.00"));
  pricing::ContractPriceTerm small;
  small.scope.item = catalog::FindItemBySku(db_.reader(), "BIN-S")->id;
  small.adjustment = pricing::Adjustment::Fixed(Dollars("9.00"));
  k.terms = {large, small};
  Status st = db_.executor().Run([&](store::Connection& conn) {
    const CommandContext ctx = db_.Context(test_support::kManager);
    auto saved = pricing::CreateContract(conn, ctx, k);
    if (!saved.ok()) return saved.status();
    return catalog::SaveCustomerPartNumber(conn, ctx, customer, "OUR-SMALL-BIN", "BIN-S", "")
        .status();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();

  PlaceOrderRequest r = Configured({"BIN", {{"size", "L"}, {"lid", "yes"}}});
  r.customer = "C-NY";
  r.lines.front().sku.clear();
  r.lines.front().customer_part_number = "OUR-SMALL-BIN";
  auto order = db_.Place(r);
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  const orders::OrderLine& by_part = order->lines.at(0);
  EXPECT_EQ(by_part.sku, "BIN-S");
  EXPECT_EQ(by_part.customer_part_number, "OUR-SMALL-BIN");
  EXPECT_EQ(by_part.unit_price, Dollars("9.00"));
  EXPECT_EQ(by_part.price_source, "contract:K-NY");
  EXPECT_EQ(by_part.tax_amount, Dollars("0.72"));  // 9.00 × 8 %
  const orders::OrderLine& configured = order->lines.at(1);
  EXPECT_EQ(configured.sku, "BIN-L");
  EXPECT_EQ(configured.unit_price, Dollars("16.25"));  // 12.00 + 1.25 + 3.00
  EXPECT_EQ(configured.price_source, "configured");
  EXPECT_EQ(configured.price_explanation.rfind("contract K-NY", 0), 0u)
      << configured.price_explanation;
  EXPECT_NE(configured.price_explanation.find("configuration's +4.25"), std::string::npos)
      << configured.price_explanation;
  EXPECT_EQ(configured.tax_amount, Dollars("2.60"));  // 32.50 × 8 %
  EXPECT_EQ(order->tax, Dollars("3.32"));

  QuoteRequest q;
  q.customer = "C-NY";
  q.lines = {{"", "1", "", std::string("OUR-SMALL-BIN")}, {"BIN-L", "2", "", std::nullopt}};
  auto quote = QuotePrices(db_.reader(), q, today);
  ASSERT_TRUE(quote.ok()) << quote.status().ToString();
  EXPECT_EQ(quote->lines.at(0).price->unit_price, Dollars("9.00"));
  EXPECT_EQ(quote->lines.at(0).tax_amount, by_part.tax_amount);
  EXPECT_EQ(quote->lines.at(1).price->unit_price, Dollars("12.00"));  // the SKU, unconfigured
  EXPECT_EQ(quote->lines.at(1).tax_amount, Dollars("1.92"));
}

}  // namespace
}  // namespace ordo::flows
