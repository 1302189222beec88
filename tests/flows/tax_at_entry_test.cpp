// Tax at entry, on a real database: an order carries the tax its invoices bill (the same
// rates, the same rounding, the same exemptions on the document's date), the open order value
// the credit check reads includes it, and an exemption certificate exempts only through its
// expiry date, at entry and at invoicing alike.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "customers/customer_repository.h"
#include "flows/invoice_document.h"
#include "flows/order_placement.h"
#include "flows/order_shipment.h"
#include "flows/price_quote.h"
#include "invoicing/invoice_repository.h"
#include "invoicing/tax_exemptions.h"
#include "support/invariants.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::OrderFor;
using test_support::SimpleCustomer;

catalog::NewItem Item(const std::string& sku, const std::string& price,
                      const std::string& tax_class) {
  catalog::NewItem i;
  i.sku = sku;
  i.name = "Item " + sku;
  i.list_price = Dollars(price);
  i.cost = Dollars("0.10");
  i.tax_class = tax_class;
  return i;
}

class TaxAtEntryTest : public ::testing::Test {
 protected:
  TaxAtEntryTest() {
    // Stock of PEN-1 split over three warehouses, so one order ships in three parts.
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddWarehouse("W3", 30);
    db_.AddItem(Item("WID-100", "10.00", "standard"));
    db_.AddItem(Item("FOOD-1", "2.1250", "food"));
    db_.AddItem(Item("PEN-1", "0.35", "standard"));
    db_.Receive("W1", "WID-100", 1000);
    db_.Receive("W1", "FOOD-1", 1000);
    db_.Receive("W1", "PEN-1", 2);
    db_.Receive("W2", "PEN-1", 2);
    db_.Receive("W3", "PEN-1", 3);
    db_.SetTaxRate("NY", "standard", "8.875");
    db_.SetTaxRate("NY", "food", "0");
    db_.SetTaxRate("NJ", "standard", "6.625");
    db_.AddCustomer(In("C-NY", "NY"));
    db_.AddCustomer(In("C-NJ", "NJ"));
  }

  static customers::NewCustomer In(const std::string& code, const std::string& region,
                                   const std::string& credit_limit = "100000.00") {
    customers::NewCustomer c = SimpleCustomer(code, credit_limit);
    c.ship_tos[0].address.region = region;
    return c;
  }

  orders::Order Place(const std::string& customer,
                      const std::vector<test_support::LineSpec>& lines) {
    auto placed = db_.Place(OrderFor(customer, lines));
    EXPECT_TRUE(placed.ok()) << placed.status().ToString();
    return placed.ok() ? *placed : orders::Order{};
  }

  // Picks the order in `warehouse` and confirms everything picked; returns the invoice.
  invoicing::Invoice Ship(const orders::Order& order, const std::string& warehouse = "W1",
                          Money freight = Money()) {
    CommandContext ctx = db_.Context("user:picker");
    auto s = db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& conn) { return CreateShipment(conn, ctx, order.id, warehouse); });
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return {};
    ShipmentConfirmation c;
    c.carrier = "UPS";
    c.service = "Ground";
    c.tracking_number = "1Z1";
    c.packages = {{"1"}};
    c.freight = freight;
    auto done = db_.executor().RunFor<ConfirmedShipment>([&](store::Connection& conn) {
      return ConfirmShipment(conn, ctx, s->id, c, std::nullopt);
    });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return done.ok() ? done->invoice : invoicing::Invoice{};
  }

  invoicing::TaxExemption Exempt(const std::string& customer, const std::string& region,
                                 const std::string& number, const std::string& expires_on) {
    auto c = customers::FindCustomerByCode(db_.reader(), customer);
    EXPECT_TRUE(c.has_value());
    invoicing::TaxExemption e;
    e.customer = c->id;
    e.region = region;
    e.certificate_number = number;
    e.expires_on = *ParseDate(expires_on);
    auto added = db_.executor().RunFor<invoicing::TaxExemption>([&](store::Connection& conn) {
      return invoicing::AddTaxExemption(conn, db_.Context(), e);
    });
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : e;
  }

  void AdvanceDays(int days) { db_.clock().AdvanceSeconds(int64_t{days} * 86'400); }

  test_support::TestDb db_;
};

TEST_F(TaxAtEntryTest, AnOrderShippedInFullIsInvoicedWithExactlyTheTaxItWasPlacedWith) {
  orders::Order order = Place("C-NY", {{"WID-100", "3"}, {"FOOD-1", "3"}, {"WID-100", "7"}});
  ASSERT_EQ(order.lines.size(), 3u);
  EXPECT_EQ(order.lines[0].tax_rate_ppm, 88750);
  EXPECT_EQ(order.lines[0].tax_amount, Dollars("2.66"));  // 30.00 x 8.875% = 2.6625
  EXPECT_EQ(order.lines[1].tax_rate_ppm, 0);
  EXPECT_EQ(order.lines[1].tax_amount, Money());
  EXPECT_EQ(order.lines[2].tax_amount, Dollars("6.21"));  // 70.00 x 8.875% = 6.2125
  EXPECT_EQ(order.subtotal, Dollars("106.38"));
  EXPECT_EQ(order.tax, Dollars("8.87"));
  EXPECT_EQ(order.total(), Dollars("115.25"));
  EXPECT_FALSE(order.tax_exemption.has_value());
  // As stored.
  auto stored = db_.LoadOrder(order.id);
  EXPECT_EQ(stored->tax, order.tax);
  EXPECT_EQ(stored->lines[2].tax_amount, Dollars("6.21"));
  EXPECT_EQ(stored->lines[2].tax_rate_ppm, 88750);
  EXPECT_EQ(db_.OpenOrderValue("C-NY"), order.total());

  invoicing::Invoice v = Ship(order, "W1", Dollars("5.00"));
  EXPECT_EQ(v.subtotal, order.subtotal);
  EXPECT_EQ(v.tax, order.tax);
  ASSERT_EQ(v.lines.size(), order.lines.size());
  for (size_t i = 0; i < v.lines.size(); ++i) {
    EXPECT_EQ(v.lines[i].tax_rate_ppm, order.lines[i].tax_rate_ppm) << i;
    EXPECT_EQ(v.lines[i].tax_amount, order.lines[i].tax_amount) << i;
  }
  EXPECT_EQ(v.total, order.total() + Dollars("5.00"));
  EXPECT_EQ(db_.OpenOrderValue("C-NY"), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

// 7 x 0.35 = 2.45, taxed 0.2174 -> 0.22 on the order. Shipped 2 + 2 + 3, each part taxed on
// its own would bill 0.06 + 0.06 + 0.09 = 0.21; the cumulative tax bills 0.06 + 0.06 + 0.10.
TEST_F(TaxAtEntryTest, TheInvoicesOfAnOrderShippedInPartsBillExactlyItsTax) {
  orders::Order order = Place("C-NY", {{"PEN-1", "7"}});
  EXPECT_EQ(order.tax, Dollars("0.22"));
  invoicing::Invoice a = Ship(order, "W1");
  invoicing::Invoice b = Ship(order, "W2");
  invoicing::Invoice c = Ship(order, "W3");
  EXPECT_EQ(a.lines[0].quantity + b.lines[0].quantity + c.lines[0].quantity, 7);
  EXPECT_EQ(a.tax + b.tax + c.tax, order.tax);
  EXPECT_EQ(a.subtotal + b.subtotal + c.subtotal, order.subtotal);
  EXPECT_EQ(a.tax, Dollars("0.06"));  // 0.70 x 8.875% = 0.0621
  EXPECT_EQ(b.tax, Dollars("0.06"));  // 0.12 on 1.40, less 0.06 billed
  EXPECT_EQ(c.tax, Dollars("0.10"));  // 0.22 on 2.45, less 0.12 billed
  EXPECT_EQ(db_.OpenOrderValue("C-NY"), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(TaxAtEntryTest, TheCreditCheckCountsTheTaxTheCustomerWillOwe) {
  // 100.00 + 8.88 tax: within a 108.88 limit, past a 108.87 one.
  db_.AddCustomer(In("C-TIGHT", "NY", "108.87"));
  db_.AddCustomer(In("C-FITS", "NY", "108.88"));
  orders::Order held = Place("C-TIGHT", {{"WID-100", "10"}});
  ASSERT_NE(held.ActiveHold("credit"), nullptr);
  EXPECT_NE(held.ActiveHold("credit")->reason.find("108.88"), std::string::npos);
  orders::Order fits = Place("C-FITS", {{"WID-100", "10"}});
  EXPECT_EQ(fits.ActiveHold("credit"), nullptr);
  EXPECT_EQ(db_.OpenOrderValue("C-FITS"), Dollars("108.88"));
  // Cancelling gives back what it added, tax included.
  ASSERT_TRUE(db_.Cancel(fits.id, "customer changed its mind").ok());
  EXPECT_EQ(db_.OpenOrderValue("C-FITS"), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(TaxAtEntryTest, ACertificateExemptsItsRegionThroughItsExpiryDateOnly) {
  // Today is 2026-03-02.
  Exempt("C-NY", "NY", "NY-EX-77", "2026-03-03");
  Exempt("C-NY", "NJ", "NJ-EX-1", "2027-01-01");  // another region: no effect on NY
  orders::Order exempt = Place("C-NY", {{"WID-100", "10"}});
  EXPECT_EQ(exempt.tax, Money());
  EXPECT_EQ(exempt.lines[0].tax_rate_ppm, 0);
  EXPECT_EQ(exempt.tax_exemption, "NY-EX-77");

  AdvanceDays(1);  // 2026-03-03, its last day
  EXPECT_EQ(Place("C-NY", {{"WID-100", "10"}}).tax, Money());

  AdvanceDays(1);  // 2026-03-04: expired, taxed again
  orders::Order taxed = Place("C-NY", {{"WID-100", "10"}});
  EXPECT_EQ(taxed.tax, Dollars("8.88"));
  EXPECT_FALSE(taxed.tax_exemption.has_value());
  // A customer without a certificate for its region is taxed.
  EXPECT_EQ(Place("C-NJ", {{"WID-100", "10"}}).tax, Dollars("6.62"));  // 6.625, to even
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(TaxAtEntryTest, AnInvoiceAfterTheCertificateExpiredTaxesAgain) {
  Exempt("C-NY", "NY", "NY-EX-77", "2026-03-02");
  orders::Order order = Place("C-NY", {{"WID-100", "10"}});
  EXPECT_EQ(order.tax, Money());
  AdvanceDays(1);
  invoicing::Invoice v = Ship(order);
  EXPECT_EQ(v.lines[0].tax_rate_ppm, 88750);
  EXPECT_EQ(v.tax, Dollars("8.88"));
  EXPECT_FALSE(v.tax_exemption.has_value());
  // The open order value the order added (no tax) is all released, nothing more.
  EXPECT_EQ(db_.OpenOrderValue("C-NY"), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(TaxAtEntryTest, AnInvoiceWhileTheCertificateIsValidIsNotTaxed) {
  Exempt("C-NY", "NY", "NY-EX-77", "2026-03-03");
  orders::Order order = Place("C-NY", {{"WID-100", "10"}});
  AdvanceDays(1);
  invoicing::Invoice v = Ship(order);
  EXPECT_EQ(v.tax, Money());
  // The invoice keeps the certificate that exempted it, as stored, and prints it.
  EXPECT_EQ(v.tax_exemption, std::optional<std::string>("NY-EX-77"));
  auto stored = invoicing::FindInvoiceByRef(db_.reader(), v.number);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->tax_exemption, std::optional<std::string>("NY-EX-77"));
  auto printed = LoadInvoiceDocument(db_.reader(), *stored);
  ASSERT_TRUE(printed.ok()) << printed.status().ToString();
  bool said = false;
  for (const auto& t : printed->totals) said |= t.label == "Tax (exempt, certificate NY-EX-77)";
  EXPECT_TRUE(said);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(TaxAtEntryTest, ACustomerExemptEverywhereIsNeverTaxed) {
  customers::NewCustomer c = In("C-EXEMPT", "NY");
  c.tax_exempt = true;
  db_.AddCustomer(c);
  orders::Order order = Place("C-EXEMPT", {{"WID-100", "10"}});
  EXPECT_EQ(order.tax, Money());
  EXPECT_EQ(order.tax_exemption, "customer");
  invoicing::Invoice v = Ship(order);
  EXPECT_EQ(v.tax, Money());
  EXPECT_EQ(v.tax_exemption, std::optional<std::string>("customer"));
}

TEST_F(TaxAtEntryTest, APreparedOrderIsTaxedAgainWhenARateChangesBeforeTheWriterPlacesIt) {
  PlaceOrderRequest r = OrderFor("C-NY", {{"WID-100", "10"}});
  auto prepared = [&] {
    auto conn = db_.Connect();
    return PrepareOrder(*conn, r, {}, DateOf(db_.clock().Now()));
  }();
  ASSERT_TRUE(prepared.ok());
  EXPECT_EQ(prepared->order.tax, Dollars("8.88"));
  db_.SetTaxRate("NY", "standard", "4");
  auto placed = db_.executor().RunFor<PlacedOrder>(
      [&](store::Connection& c) { return PlacePreparedOrder(c, db_.Context(), r, *prepared); });
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(placed->order.tax, Dollars("4.00"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(TaxAtEntryTest, AQuoteShowsTheTaxTheOrderWillCarry) {
  QuoteRequest q;
  q.customer = "C-NY";
  const Date today = DateOf(db_.clock().Now());
  q.lines = {{"WID-100", "3", ""}, {"FOOD-1", "3", ""}, {"WID-100", "7", ""}};
  auto quote = QuotePrices(db_.reader(), q, today);
  ASSERT_TRUE(quote.ok()) << quote.status().ToString();
  orders::Order order = Place("C-NY", {{"WID-100", "3"}, {"FOOD-1", "3"}, {"WID-100", "7"}});
  EXPECT_EQ(quote->tax, order.tax);
  EXPECT_EQ(quote->total(), order.total());
  for (size_t i = 0; i < order.lines.size(); ++i) {
    EXPECT_EQ(quote->lines[i].tax_amount, order.lines[i].tax_amount) << i;
  }
  q.ship_to = "NOPE";
  EXPECT_EQ(QuotePrices(db_.reader(), q, today).status().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace ordo::flows
