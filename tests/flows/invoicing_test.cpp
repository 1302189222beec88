// Invoicing on shipment, on a real database: the invoice a confirmation creates (lines at the
// order's prices, tax by ship-to region and item tax class, freight, terms and dates, gapless
// numbers), what it does to the order, the customer's balances and the ledger.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "flows/order_shipment.h"
#include "flows/stock_changes.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "ledger/accounts.h"
#include "ledger/journal.h"
#include "ledger/trial_balance.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/test_db.h"
#include "views/invoice_view.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::OrderFor;
using test_support::SimpleCustomer;
using ::testing::ElementsAre;

namespace acc = ledger::accounts;

catalog::NewItem Item(const std::string& sku, const std::string& price, const std::string& cost,
                      const std::string& tax_class) {
  catalog::NewItem i;
  i.sku = sku;
  i.name = "Item " + sku;
  i.list_price = Dollars(price);
  i.cost = Dollars(cost);
  i.tax_class = tax_class;
  return i;
}

customers::NewCustomer CustomerIn(const std::string& code, const std::string& region,
                                  const std::string& terms, bool tax_exempt = false) {
  customers::NewCustomer c = SimpleCustomer(code, "100000.00");
  c.ship_tos[0].address.region = region;
  c.payment_terms = terms;
  c.tax_exempt = tax_exempt;
  return c;
}

ShipmentConfirmation Ups(Money freight = Money(), std::vector<ShippedLine> lines = {}) {
  ShipmentConfirmation c;
  c.carrier = "UPS";
  c.service = "Ground";
  c.tracking_number = "1Z1";
  c.packages = {{"4"}};
  c.freight = freight;
  c.lines = std::move(lines);
  return c;
}

class InvoicingTest : public ::testing::Test {
 protected:
  InvoicingTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem(Item("WID-100", "10.00", "6.00", "standard"));
    db_.AddItem(Item("FOOD-1", "2.1250", "1.1111", "food"));
    db_.Receive("W1", "WID-100", 100);
    db_.Receive("W1", "FOOD-1", 100);
    db_.SetTaxRate("NY", "standard", "8.875");
    db_.SetTaxRate("NY", "food", "0");
    db_.AddCustomer(CustomerIn("C-NY", "NY", "NET30"));
    db_.AddCustomer(CustomerIn("C-DISC", "NY", "2/10NET30"));
    db_.AddCustomer(CustomerIn("C-EXEMPT", "NY", "NET60", /*tax_exempt=*/true));
    db_.AddCustomer(CustomerIn("C-OR", "OR", "DUE_ON_RECEIPT"));
  }

  orders::Order Place(const std::string& customer,
                      const std::vector<test_support::LineSpec>& lines) {
    auto placed = db_.Place(OrderFor(customer, lines));
    EXPECT_TRUE(placed.ok()) << placed.status().ToString();
    return placed.ok() ? *placed : orders::Order{};
  }

  // Picks the order in `warehouse` and confirms it; returns the invoice.
  invoicing::Invoice Ship(const orders::Order& order, const ShipmentConfirmation& c = Ups(),
                          const std::string& warehouse = "W1") {
    CommandContext ctx = db_.Context("user:picker");
    auto s = db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& conn) { return CreateShipment(conn, ctx, order.id, warehouse); });
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return {};
    auto done = db_.executor().RunFor<ConfirmedShipment>([&](store::Connection& conn) {
      return ConfirmShipment(conn, ctx, s->id, c, std::nullopt);
    });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return done.ok() ? done->invoice : invoicing::Invoice{};
  }

  Money Balance(std::string_view account) {
    for (const auto& a : ledger::LoadTrialBalance(db_.reader(), std::nullopt).accounts) {
      if (a.account.code == account) return a.balance();
    }
    return Money();
  }

  Money Receivables(const std::string& customer) {
    store::Query q(db_.reader(),
                   "SELECT b.open_receivables FROM customer_balances b "
                   "JOIN customers c ON c.id = b.customer_id WHERE c.code = ?",
                   customer);
    q.Next();
    return q.Amount(0);
  }

  test_support::TestDb db_;
};

TEST_F(InvoicingTest, ConfirmationInvoicesWhatShippedWithTaxPerLine) {
  orders::Order order = Place("C-NY", {{"WID-100", "3"}, {"FOOD-1", "3"}});
  invoicing::Invoice v = Ship(order, Ups(Dollars("12.40")));
  EXPECT_EQ(v.number, "IN-000001");
  EXPECT_EQ(v.order_number, order.number);
  EXPECT_EQ(v.shipment_number, "SH-000001");
  EXPECT_EQ(v.customer_code, "C-NY");
  ASSERT_EQ(v.lines.size(), 2u);
  EXPECT_EQ(v.lines[0].sku, "WID-100");
  EXPECT_EQ(v.lines[0].quantity, 3);
  EXPECT_EQ(v.lines[0].extended_amount, Dollars("30.00"));
  EXPECT_EQ(v.lines[0].tax_rate_ppm, 88750);
  EXPECT_EQ(v.lines[0].tax_amount, Dollars("2.66"));  // 2.6625 -> 2.66
  EXPECT_EQ(v.lines[1].unit_price, Dollars("2.1250"));
  EXPECT_EQ(v.lines[1].extended_amount, Dollars("6.38"));  // 6.375, half-even -> 6.38
  EXPECT_EQ(v.lines[1].tax_amount, Dollars("0"));
  EXPECT_EQ(v.subtotal, Dollars("36.38"));
  EXPECT_EQ(v.tax, Dollars("2.66"));
  EXPECT_EQ(v.freight, Dollars("12.40"));
  EXPECT_EQ(v.total, Dollars("51.44"));
  EXPECT_EQ(v.balance(), v.total);
  EXPECT_EQ(v.status, invoicing::InvoiceStatus::kOpen);
  EXPECT_EQ(FormatDate(v.invoice_date), "2026-03-02");
  EXPECT_EQ(FormatDate(v.due_date), "2026-04-01");
  EXPECT_FALSE(v.discount_date.has_value());

  auto stored = views::FindInvoiceByRef(db_.reader(), "IN-000001");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(invoicing::ToJson(*stored), invoicing::ToJson(v));

  auto after = db_.LoadOrder(order.id);
  EXPECT_EQ(after->lines[0].quantity_invoiced, 3);
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*after)), "invoiced");
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM orders WHERE status = 'invoiced'"), 1);
  EXPECT_EQ(db_.OpenOrderValue("C-NY"), Dollars("0"));
  EXPECT_EQ(Receivables("C-NY"), Dollars("51.44"));
  EXPECT_THAT(
      [&] {
        std::vector<std::string> types;
        for (const auto& e : events::ForEntity(db_.reader(), "invoice", v.id.value())) {
          types.push_back(e.type);
        }
        return types;
      }(),
      ElementsAre("invoice.created"));
  EXPECT_EQ(audit::ForEntity(db_.reader(), "invoice", v.id.value()).size(), 1u);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(InvoicingTest, ConfirmationPostsRevenueTaxFreightAndCostToTheLedger) {
  orders::Order order = Place("C-NY", {{"WID-100", "3"}, {"FOOD-1", "3"}});
  Ship(order, Ups(Dollars("12.40")));
  EXPECT_EQ(Balance(acc::kReceivables), Dollars("51.44"));
  EXPECT_EQ(Balance(acc::kRevenue), -Dollars("36.38"));
  EXPECT_EQ(Balance(acc::kSalesTaxPayable), -Dollars("2.66"));
  EXPECT_EQ(Balance(acc::kFreightIncome), -Dollars("12.40"));
  // Cost: 3 x 6.00 + 3 x 1.1111 (3.3333 -> 3.33).
  EXPECT_EQ(Balance(acc::kCostOfGoodsSold), Dollars("21.33"));
  // Received at setup: 100 x 6.00 and 100 x 1.1111 (111.11), against goods received not
  // invoiced; then the shipment's cost left inventory.
  EXPECT_EQ(Balance(acc::kReceivedNotInvoiced), -Dollars("711.11"));
  EXPECT_EQ(Balance(acc::kInventory), Dollars("711.11") - Dollars("21.33"));
  auto tb = ledger::LoadTrialBalance(db_.reader(), std::nullopt);
  EXPECT_TRUE(tb.balanced());
  EXPECT_EQ(tb.total_debit, Dollars("72.77") + Dollars("711.11"));
  // Nothing is dated before the invoice.
  auto before = ledger::LoadTrialBalance(db_.reader(), ParseDate("2026-03-01"));
  EXPECT_EQ(before.total_debit, Money());
}

TEST_F(InvoicingTest, TermsSetDueAndDiscountDates) {
  invoicing::Invoice disc = Ship(Place("C-DISC", {{"WID-100", "1"}}));
  EXPECT_EQ(disc.payment_terms, "2/10NET30");
  EXPECT_EQ(FormatDate(disc.due_date), "2026-04-01");
  ASSERT_TRUE(disc.discount_date.has_value());
  EXPECT_EQ(FormatDate(*disc.discount_date), "2026-03-12");
  EXPECT_EQ(disc.discount_bp, 200);
  EXPECT_EQ(invoicing::EarlyPayDiscountAllowed(db_.reader(), disc, *ParseDate("2026-03-12")),
            Dollars("0.22"));  // 2% of 10.89
  EXPECT_EQ(invoicing::EarlyPayDiscountAllowed(db_.reader(), disc, *ParseDate("2026-03-13")),
            Money());

  invoicing::Invoice due = Ship(Place("C-OR", {{"WID-100", "1"}}));
  EXPECT_EQ(due.number, "IN-000002");
  EXPECT_EQ(FormatDate(due.due_date), "2026-03-02");
  EXPECT_EQ(due.tax, Money());  // no rate for OR
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(InvoicingTest, TaxExemptCustomersPayNoTax) {
  invoicing::Invoice v = Ship(Place("C-EXEMPT", {{"WID-100", "5"}}));
  EXPECT_EQ(v.lines[0].tax_rate_ppm, 0);
  EXPECT_EQ(v.tax, Money());
  EXPECT_EQ(v.total, Dollars("50.00"));
  EXPECT_EQ(FormatDate(v.due_date), "2026-05-01");
}

TEST_F(InvoicingTest, EachShipmentOfAnOrderGetsItsOwnInvoiceForWhatShipped) {
  db_.AddWarehouse("W2", 20);
  db_.AddItem(Item("SPLIT-1", "10.00", "5.00", "standard"));
  db_.Receive("W1", "SPLIT-1", 4);
  db_.Receive("W2", "SPLIT-1", 6);
  orders::Order order = Place("C-NY", {{"SPLIT-1", "10"}});
  invoicing::Invoice first = Ship(order, Ups(Money(), {{1, 3}}));  // 3 of the 4 in W1
  EXPECT_EQ(first.lines[0].quantity, 3);
  EXPECT_EQ(first.subtotal, Dollars("30.00"));
  auto partial = db_.LoadOrder(order.id);
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*partial)), "partially_shipped");
  // What is left open, tax included: 70.00 + 6.21 (6.2125).
  EXPECT_EQ(db_.OpenOrderValue("C-NY"), Dollars("76.21"));

  invoicing::Invoice second = Ship(order, Ups(Dollars("9.99")), "W2");
  EXPECT_EQ(second.number, "IN-000002");
  EXPECT_EQ(second.lines[0].quantity, 6);
  EXPECT_EQ(second.freight, Dollars("9.99"));
  // The short-shipped one, 10.00 + 0.89 tax (0.8875).
  EXPECT_EQ(db_.OpenOrderValue("C-NY"), Dollars("10.89"));
  EXPECT_EQ(Receivables("C-NY"), first.total + second.total);
  EXPECT_EQ(db_.LoadOrder(order.id)->lines[0].quantity_invoiced, 9);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(InvoicingTest, AFailedConfirmationCreatesNoInvoice) {
  orders::Order order = Place("C-NY", {{"WID-100", "2"}});
  CommandContext ctx = db_.Context("user:picker");
  auto s = db_.executor().RunFor<fulfillment::Shipment>(
      [&](store::Connection& conn) { return CreateShipment(conn, ctx, order.id, "W1"); });
  ASSERT_TRUE(s.ok());
  auto before = db_.Snapshot();
  auto bad = db_.executor().RunFor<ConfirmedShipment>([&](store::Connection& conn) {
    return ConfirmShipment(conn, ctx, s->id, Ups(Money(), {{1, 3}}), std::nullopt);
  });
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(InvoicingTest, StockCountsPostTheirCostToInventoryAdjustments) {
  CommandContext ctx = db_.Context("user:counter");
  auto count = [&](int64_t delta) {
    inventory::Adjustment a{"W1", "WID-100", delta, "cycle count"};
    return db_.executor().RunFor<BackorderRelease>(
        [&](store::Connection& c) { return flows::AdjustStock(c, ctx, a); });
  };
  ASSERT_TRUE(count(-3).ok());  // 3 x 6.00 lost
  ASSERT_TRUE(count(1).ok());   // 1 found
  EXPECT_EQ(Balance(acc::kInventoryAdjustments), Dollars("12.00"));
  EXPECT_EQ(Balance(acc::kInventory), Dollars("711.11") - Dollars("12.00"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

}  // namespace
}  // namespace ordo::flows
