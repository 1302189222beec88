// The finance read models on a real database: invoicing, returns and receivables read only
// their own tables (their documents come back with ids and no other module's names), the
// views name them with batched lookups, and the receivables reports combine each module's
// own queries into the figures they had.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "customers/customer_queries.h"
#include "flows/order_shipment.h"
#include "flows/payments.h"
#include "flows/return_authorization.h"
#include "flows/return_receipt.h"
#include "fulfillment/shipment_repository.h"
#include "invoicing/balances_as_of.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "ledger/receivables_lines.h"
#include "receivables/aging.h"
#include "receivables/payment_repository.h"
#include "returns/return_repository.h"
#include "support/test_db.h"
#include "views/aging_view.h"
#include "views/credit_memo_view.h"
#include "views/invoice_view.h"
#include "views/payment_view.h"
#include "views/return_view.h"

namespace ordo::views {
namespace {

using test_support::Dollars;
using test_support::OrderFor;
using test_support::SimpleCustomer;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

class FinanceViewsTest : public ::testing::Test {
 protected:
  FinanceViewsTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "10.00");
    db_.AddItem("GAD-200", "5.00");
    db_.Receive("W1", "WID-100", 100);
    db_.Receive("W1", "GAD-200", 100);
    // Created in this order so that ids and codes sort differently: C-2 gets the lower id.
    db_.AddCustomer(SimpleCustomer("C-2", "100000.00"));
    db_.AddCustomer(SimpleCustomer("C-1", "100000.00"));
  }

  // Places, ships and invoices an order (no tax, no freight).
  flows::ConfirmedShipment Ship(const std::string& customer,
                                const std::vector<test_support::LineSpec>& lines) {
    auto order = db_.Place(OrderFor(customer, lines));
    EXPECT_TRUE(order.ok()) << order.status().ToString();
    CommandContext ctx = db_.Context("user:picker");
    auto s = db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& c) { return flows::CreateShipment(c, ctx, order->id, "W1"); });
    flows::ShipmentConfirmation conf;
    conf.carrier = "UPS";
    conf.service = "Ground";
    conf.tracking_number = "1Z";
    conf.packages = {{"1"}};
    auto done = db_.executor().RunFor<flows::ConfirmedShipment>([&](store::Connection& c) {
      return flows::ConfirmShipment(c, ctx, s->id, conf, std::nullopt);
    });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return *done;
  }

  flows::ReceivedReturn ReturnAll(const invoicing::Invoice& v) {
    CommandContext ctx = db_.Context("user:sales");
    std::vector<flows::ReturnRequestLine> lines;
    for (const auto& l : v.lines) lines.push_back({l.line_no, l.quantity, "damaged"});
    auto rma = db_.executor().RunFor<returns::Rma>(
        [&](store::Connection& c) { return flows::AuthorizeReturn(c, ctx, v.order, v.id, lines); });
    EXPECT_TRUE(rma.ok()) << rma.status().ToString();
    flows::ReturnReceiptRequest receipt{"W1", {}};
    for (const auto& l : v.lines) {
      receipt.lines.push_back({l.line_no, l.quantity, returns::Disposition::kRestock});
    }
    auto done = db_.executor().RunFor<flows::ReceivedReturn>([&](store::Connection& c) {
      return flows::ReceiveReturn(c, ctx, rma->id, receipt, std::nullopt);
    });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return *done;
  }

  receivables::Payment Pay(const std::string& customer, const std::string& amount,
                           std::vector<flows::ApplicationRequest> apps) {
    flows::PaymentRequest r;
    r.customer = customer;
    r.amount = Dollars(amount);
    r.method = "check";
    r.applications = std::move(apps);
    CommandContext ctx = db_.Context("user:ar");
    auto p = db_.executor().RunFor<receivables::Payment>(
        [&](store::Connection& c) { return flows::ReceivePayment(c, ctx, r); });
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return *p;
  }

  test_support::TestDb db_;
};

TEST_F(FinanceViewsTest, TheInvoiceRepositoryReadsIdsAndTheViewNamesThem) {
  flows::ConfirmedShipment done = Ship("C-1", {{"WID-100", "2"}, {"GAD-200", "1"}});
  const invoicing::Invoice& answered = done.invoice;

  auto stored = invoicing::LoadInvoice(db_.reader(), answered.id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->customer, answered.customer);
  EXPECT_EQ(stored->order, answered.order);
  EXPECT_EQ(stored->shipment, answered.shipment);
  EXPECT_EQ(stored->customer_code, "");
  EXPECT_EQ(stored->order_number, "");
  EXPECT_EQ(stored->shipment_number, "");
  EXPECT_EQ(stored->lines[0].sku, "");

  auto named = views::LoadInvoice(db_.reader(), answered.id);
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(named->customer_code, "C-1");
  EXPECT_EQ(named->order_number, "SO-000001");
  EXPECT_EQ(named->shipment_number, "SH-000001");
  EXPECT_EQ(named->lines[0].sku, "WID-100");
  EXPECT_EQ(named->lines[1].sku, "GAD-200");
  EXPECT_EQ(invoicing::ToJson(*named), invoicing::ToJson(answered));
  EXPECT_EQ(invoicing::ToJson(*views::FindInvoiceByRef(db_.reader(), "IN-000001")),
            invoicing::ToJson(answered));
}

TEST_F(FinanceViewsTest, ListsAreNamedRowByRow) {
  Ship("C-1", {{"WID-100", "1"}});
  Ship("C-2", {{"GAD-200", "1"}});
  std::vector<invoicing::Invoice> rows = views::ListInvoices(db_.reader(), {}, std::nullopt, 10);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].number, "IN-000002");
  EXPECT_EQ(rows[0].customer_code, "C-2");
  EXPECT_EQ(rows[0].order_number, "SO-000002");
  EXPECT_EQ(rows[0].shipment_number, "SH-000002");
  EXPECT_EQ(rows[1].customer_code, "C-1");
  EXPECT_EQ(rows[1].order_number, "SO-000001");
}

TEST_F(FinanceViewsTest, BatchedLookupsAnswerForTheIdsThatExist) {
  invoicing::Invoice a = Ship("C-1", {{"WID-100", "1"}}).invoice;
  invoicing::Invoice b = Ship("C-2", {{"WID-100", "1"}}).invoice;
  EXPECT_THAT(invoicing::InvoiceNumbersOf(db_.reader(), {b.id, a.id, invoicing::InvoiceId(99)}),
              UnorderedElementsAre(Pair(a.id, "IN-000001"), Pair(b.id, "IN-000002")));
  EXPECT_THAT(invoicing::InvoiceNumbersOf(db_.reader(), {}), IsEmpty());
  EXPECT_THAT(fulfillment::ShipmentNumbers(db_.reader(), {*a.shipment, *a.shipment}),
              ElementsAre(Pair(*a.shipment, "SH-000001")));
  auto labels = customers::CustomerLabels(db_.reader(), {a.customer, b.customer, CustomerId(99)});
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[a.customer].code, "C-1");
  EXPECT_EQ(labels[a.customer].name, "Customer C-1");
  EXPECT_EQ(labels[b.customer].code, "C-2");
}

TEST_F(FinanceViewsTest, TheCreditMemoIsNamedThroughTheReturnsModule) {
  invoicing::Invoice v = Ship("C-1", {{"WID-100", "2"}}).invoice;
  flows::ReceivedReturn got = ReturnAll(v);
  const invoicing::CreditMemo& answered = got.credit_memo;

  // Invoicing knows the RMA by id only.
  auto stored = invoicing::LoadCreditMemo(db_.reader(), answered.id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->return_id, got.rma.id.value());
  EXPECT_EQ(stored->return_number, "");
  EXPECT_EQ(stored->order_number, "");
  EXPECT_EQ(stored->invoice_number, "IN-000001");  // invoicing's own

  auto named = views::LoadCreditMemo(db_.reader(), answered.id);
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(named->customer_code, "C-1");
  EXPECT_EQ(named->return_number, "RA-000001");
  EXPECT_EQ(named->order_number, "SO-000001");
  EXPECT_EQ(named->lines[0].sku, "WID-100");
  EXPECT_EQ(invoicing::ToJson(*named), invoicing::ToJson(answered));

  EXPECT_THAT(invoicing::CreditMemoNumbersOf(db_.reader(), {answered.id}),
              ElementsAre(Pair(answered.id, "CM-000001")));
  auto refs = returns::ReturnRefsOf(db_.reader(), {got.rma.id, returns::ReturnId(99)});
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[got.rma.id].number, "RA-000001");
  EXPECT_EQ(refs[got.rma.id].order, v.order);
}

TEST_F(FinanceViewsTest, TheRmaIsNamedWithItsReceiptsWarehouses) {
  invoicing::Invoice v = Ship("C-1", {{"WID-100", "2"}}).invoice;
  flows::ReceivedReturn got = ReturnAll(v);

  auto stored = returns::LoadReturn(db_.reader(), got.rma.id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->invoice_number, "IN-000001");  // asked of invoicing
  ASSERT_EQ(stored->receipts.size(), 1u);
  EXPECT_EQ(stored->receipts[0].credit_memo_number, "CM-000001");
  EXPECT_EQ(stored->receipts[0].warehouse_code, "");
  EXPECT_EQ(stored->customer_code, "");

  auto named = views::LoadReturn(db_.reader(), got.rma.id);
  ASSERT_TRUE(named.has_value());
  EXPECT_EQ(named->order_number, "SO-000001");
  EXPECT_EQ(named->customer_code, "C-1");
  EXPECT_EQ(named->lines[0].sku, "WID-100");
  EXPECT_EQ(named->receipts[0].warehouse_code, "W1");
  EXPECT_EQ(returns::ToJson(*named), returns::ToJson(got.rma));

  std::vector<returns::Rma> rows = views::ListReturns(db_.reader(), {}, std::nullopt, 10);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].lines[0].sku, "WID-100");
  EXPECT_EQ(rows[0].invoice_number, "IN-000001");
}

TEST_F(FinanceViewsTest, ThePaymentIsNamedAndItsApplicationsCarryInvoiceNumbers) {
  invoicing::Invoice v = Ship("C-1", {{"WID-100", "3"}}).invoice;
  receivables::Payment answered = Pay("C-1", "40.00", {{v.number, Dollars("30.00"), Money()}});

  auto stored = receivables::LoadPayment(db_.reader(), answered.id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->customer_code, "");
  ASSERT_EQ(stored->applications.size(), 1u);
  EXPECT_EQ(stored->applications[0].invoice_number, "IN-000001");

  auto named = views::LoadPayment(db_.reader(), answered.id);
  EXPECT_EQ(named->customer_code, "C-1");
  EXPECT_EQ(receivables::ToJson(*named), receivables::ToJson(answered));
  std::vector<receivables::Payment> rows =
      views::ListPayments(db_.reader(), std::nullopt, std::nullopt, 5);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].customer_code, "C-1");
  EXPECT_EQ(rows[0].applications[0].invoice_number, "IN-000001");
}

TEST_F(FinanceViewsTest, TheAgingIsByIdInReceivablesAndByCodeOnceNamed) {
  Ship("C-1", {{"WID-100", "1"}});  // 10.00
  Ship("C-2", {{"GAD-200", "4"}});  // 20.00
  Date today = DateOf(db_.clock().Now());

  receivables::AgingReport raw = receivables::LoadAging(db_.reader(), today);
  ASSERT_EQ(raw.customers.size(), 2u);
  EXPECT_EQ(raw.customers[0].customer_code, "");
  EXPECT_EQ(raw.totals.total(), Dollars("30.00"));

  receivables::AgingReport named = views::LoadAging(db_.reader(), today);
  ASSERT_EQ(named.customers.size(), 2u);
  EXPECT_EQ(named.customers[0].customer_code, "C-1");
  EXPECT_EQ(named.customers[0].customer_name, "Customer C-1");
  EXPECT_EQ(named.customers[0].buckets.current, Dollars("10.00"));
  EXPECT_EQ(named.customers[1].customer_code, "C-2");
  EXPECT_EQ(named.customers[1].buckets.current, Dollars("20.00"));
  EXPECT_EQ(named.totals.total(), Dollars("30.00"));
}

TEST_F(FinanceViewsTest, InvoicingAnswersForAPastDate) {
  invoicing::Invoice a = Ship("C-1", {{"WID-100", "2"}}).invoice;  // 20.00
  Date day1 = DateOf(db_.clock().Now());
  db_.clock().AdvanceSeconds(86'400);
  Date day2 = DateOf(db_.clock().Now());
  ReturnAll(a);                                                    // a 20.00 memo, open
  invoicing::Invoice b = Ship("C-2", {{"GAD-200", "1"}}).invoice;  // 5.00

  std::vector<invoicing::InvoiceAsOf> then = invoicing::InvoicesOpenAsOf(db_.reader(), day1, {});
  ASSERT_EQ(then.size(), 1u);
  EXPECT_EQ(then[0].invoice, a.id);
  EXPECT_EQ(then[0].total_less_credits, Dollars("20.00"));
  EXPECT_EQ(invoicing::InvoicesOpenAsOf(db_.reader(), day2, b.customer).size(), 1u);
  EXPECT_THAT(invoicing::OpenCreditsAsOf(db_.reader(), day1, {}), IsEmpty());
  EXPECT_THAT(invoicing::OpenCreditsAsOf(db_.reader(), day2, {}),
              ElementsAre(Pair(a.customer, Dollars("20.00"))));
  EXPECT_EQ(invoicing::CreditSales(db_.reader(), Date{day1.days - 1}, day1), Dollars("20.00"));
  EXPECT_EQ(invoicing::CreditSales(db_.reader(), day1, day2), Dollars("5.00"));
}

TEST_F(FinanceViewsTest, TheLedgerAnswersForTheReceivablesAccount) {
  invoicing::Invoice v = Ship("C-1", {{"WID-100", "3"}}).invoice;  // 30.00
  Date day1 = DateOf(db_.clock().Now());
  db_.clock().AdvanceSeconds(86'400);
  Date day2 = DateOf(db_.clock().Now());
  Pay("C-1", "12.00", {{v.number, Dollars("12.00"), Money()}});

  EXPECT_EQ(ledger::ReceivablesBalance(db_.reader(), day1), Dollars("30.00"));
  EXPECT_EQ(ledger::ReceivablesBalance(db_.reader(), day2), Dollars("18.00"));
  EXPECT_EQ(ledger::CustomerReceivablesBefore(db_.reader(), v.customer, day2), Dollars("30.00"));
  std::vector<ledger::ReceivablesLine> lines =
      ledger::CustomerReceivablesLines(db_.reader(), v.customer, day1, day2);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].kind, "invoice");
  EXPECT_EQ(lines[0].reference, "IN-000001");
  EXPECT_EQ(lines[0].debit, Dollars("30.00"));
  EXPECT_EQ(lines[1].kind, "payment");
  EXPECT_EQ(lines[1].credit, Dollars("12.00"));
  EXPECT_THAT(ledger::CustomerReceivablesLines(db_.reader(), CustomerId(99), day1, day2),
              IsEmpty());
}

}  // namespace
}  // namespace ordo::views
