// Payments and receivables on a real database: receiving cash, applying it to one or many
// invoices (partial, over-payment kept unapplied, later application), early-pay discounts
// only within the window, the limits that can never be passed, orders closing when paid,
// credit exposure, and the aging, statement and DSO reports as of any date.
#include "flows/payments.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>

#include "flows/order_shipment.h"
#include "flows/return_authorization.h"
#include "flows/return_receipt.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "ledger/accounts.h"
#include "ledger/trial_balance.h"
#include "receivables/aging.h"
#include "receivables/statement.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::OrderFor;
using test_support::SimpleCustomer;
using ::testing::Contains;
using ::testing::Pair;

constexpr int64_t kDay = 86'400;

class PaymentsTest : public ::testing::Test {
 protected:
  PaymentsTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "10.00");
    db_.Receive("W1", "WID-100", 1000);
    customers::NewCustomer disc = SimpleCustomer("C-1", "1000.00");
    disc.payment_terms = "2/10NET30";
    db_.AddCustomer(disc);
    db_.AddCustomer(SimpleCustomer("C-2", "1000.00"));
  }

  // Ships and invoices `quantity` x 10.00 for `customer` (no tax, no freight).
  invoicing::Invoice Invoice(const std::string& customer, int quantity) {
    auto order = db_.Place(OrderFor(customer, {{"WID-100", std::to_string(quantity)}}));
    EXPECT_TRUE(order.ok()) << order.status().ToString();
    CommandContext ctx = db_.Context("user:picker");
    auto s = db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& c) { return CreateShipment(c, ctx, order->id, "W1"); });
    ShipmentConfirmation conf;
    conf.carrier = "UPS";
    conf.service = "Ground";
    conf.tracking_number = "1Z";
    conf.packages = {{"1"}};
    auto done = db_.executor().RunFor<ConfirmedShipment>(
        [&](store::Connection& c) { return ConfirmShipment(c, ctx, s->id, conf, std::nullopt); });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return done->invoice;
  }

  Result<receivables::Payment> Receive(const std::string& customer, const std::string& amount,
                                       std::vector<ApplicationRequest> apps = {},
                                       std::optional<Date> received = std::nullopt) {
    PaymentRequest r;
    r.customer = customer;
    r.amount = Dollars(amount);
    r.method = "check";
    r.reference = "CHK-1";
    r.received_date = received;
    r.applications = std::move(apps);
    CommandContext ctx = db_.Context("user:ar");
    return db_.executor().RunFor<receivables::Payment>(
        [&](store::Connection& c) { return ReceivePayment(c, ctx, r); });
  }

  Result<receivables::Payment> ApplyLater(receivables::PaymentId id,
                                          std::vector<ApplicationRequest> apps,
                                          std::optional<int64_t> version = std::nullopt) {
    CommandContext ctx = db_.Context("user:ar");
    return db_.executor().RunFor<receivables::Payment>(
        [&](store::Connection& c) { return ApplyPayment(c, ctx, id, apps, version); });
  }

  invoicing::Invoice Reload(const invoicing::Invoice& v) {
    return *invoicing::LoadInvoice(db_.reader(), v.id);
  }

  Money Account(std::string_view code) {
    for (const auto& a : ledger::LoadTrialBalance(db_.reader(), std::nullopt).accounts) {
      if (a.account.code == code) return a.balance();
    }
    return Money();
  }

  Money OpenReceivables(const std::string& customer) {
    store::Query q(db_.reader(),
                   "SELECT b.open_receivables FROM customer_balances b JOIN customers c "
                   "ON c.id = b.customer_id WHERE c.code = ?",
                   customer);
    q.Next();
    return q.Amount(0);
  }

  std::set<std::pair<std::string, std::string>> Fields(const Status& st) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& e : st.errors()) out.emplace(e.field, e.code);
    return out;
  }

  test_support::TestDb db_;
};

TEST_F(PaymentsTest, PartialPaymentsSettleAnInvoiceAndCloseItsOrder) {
  invoicing::Invoice v = Invoice("C-2", 10);  // 100.00, NET30
  EXPECT_EQ(OpenReceivables("C-2"), Dollars("100.00"));
  auto first = Receive("C-2", "40.00", {{v.number, Dollars("40.00"), Money()}});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->number, "PM-000001");
  EXPECT_EQ(first->amount_applied, Dollars("40.00"));
  EXPECT_EQ(first->unapplied(), Money());
  EXPECT_EQ(Reload(v).balance(), Dollars("60.00"));
  EXPECT_EQ(Reload(v).status, invoicing::InvoiceStatus::kOpen);
  EXPECT_EQ(OpenReceivables("C-2"), Dollars("60.00"));
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*db_.LoadOrder(v.order))), "invoiced");

  auto second = Receive("C-2", "60.00", {{std::to_string(v.id.value()), Dollars("60.00"), {}}});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(Reload(v).status, invoicing::InvoiceStatus::kPaid);
  EXPECT_EQ(Reload(v).amount_paid, Dollars("100.00"));
  auto order = db_.LoadOrder(v.order);
  EXPECT_TRUE(order->settled);
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*order)), "closed");
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM orders WHERE status = 'closed'"), 1);
  EXPECT_EQ(OpenReceivables("C-2"), Money());
  EXPECT_EQ(Account(ledger::accounts::kCash), Dollars("100.00"));
  EXPECT_EQ(Account(ledger::accounts::kReceivables), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PaymentsTest, OnePaymentAcrossInvoicesWithTheRestKeptUnappliedForLater) {
  invoicing::Invoice a = Invoice("C-2", 3);  // 30.00
  invoicing::Invoice b = Invoice("C-2", 5);  // 50.00
  invoicing::Invoice c = Invoice("C-2", 2);  // 20.00
  auto p =
      Receive("C-2", "95.00", {{a.number, Dollars("30.00"), {}}, {b.number, Dollars("45.00"), {}}});
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->unapplied(), Dollars("20.00"));
  EXPECT_EQ(p->applications.size(), 2u);
  EXPECT_EQ(Reload(a).status, invoicing::InvoiceStatus::kPaid);
  EXPECT_EQ(Reload(b).balance(), Dollars("5.00"));
  // Receivables net of unapplied cash: 5.00 + 20.00 - 20.00.
  EXPECT_EQ(OpenReceivables("C-2"), Dollars("5.00"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  EXPECT_EQ(ApplyLater(p->id, {{c.number, Dollars("20.00"), {}}}, 1).status().code(),
            ErrorCode::kPreconditionFailed);
  auto later = ApplyLater(p->id, {{c.number, Dollars("20.00"), {}}}, p->version);
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  EXPECT_EQ(later->unapplied(), Money());
  EXPECT_EQ(Reload(c).status, invoicing::InvoiceStatus::kPaid);
  EXPECT_EQ(OpenReceivables("C-2"), Dollars("5.00"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PaymentsTest, NothingIsEverAppliedBeyondAnInvoiceOrThePayment) {
  invoicing::Invoice a = Invoice("C-2", 3);  // 30.00
  invoicing::Invoice b = Invoice("C-2", 5);  // 50.00
  invoicing::Invoice other = Invoice("C-1", 1);
  auto before = db_.Snapshot();
  auto bad = Receive("C-2", "60.00",
                     {{a.number, Dollars("30.01"), {}},
                      {b.number, Dollars("40.00"), {}},
                      {other.number, Dollars("1.00"), {}},
                      {"IN-999999", Dollars("1.00"), {}}});
  ASSERT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  auto fields = Fields(bad.status());
  EXPECT_TRUE(fields.count({"applications/0/amount", "exceeds_balance"}));
  EXPECT_TRUE(fields.count({"applications/2/invoice", "not_found"}));
  EXPECT_TRUE(fields.count({"applications/3/invoice", "not_found"}));
  EXPECT_TRUE(fields.count({"applications", "exceeds_payment"}));
  auto twice = Receive(
      "C-2", "60.00",
      {{a.number, Dollars("10.00"), {}}, {std::to_string(a.id.value()), Dollars("10.00"), {}}});
  EXPECT_TRUE(Fields(twice.status()).count({"applications/1/invoice", "duplicate"}));
  EXPECT_EQ(db_.Snapshot(), before);

  auto p = Receive("C-2", "10.00");
  ASSERT_TRUE(p.ok());
  auto beyond = ApplyLater(p->id, {{a.number, Dollars("10.01"), {}}});
  EXPECT_TRUE(Fields(beyond.status()).count({"applications", "exceeds_payment"}));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PaymentsTest, EarlyPayDiscountOnlyWithinTheWindow) {
  invoicing::Invoice v = Invoice("C-1", 10);  // 100.00, 2/10NET30 on 2026-03-02
  ASSERT_EQ(FormatDate(*v.discount_date), "2026-03-12");
  auto late = Receive("C-1", "98.00", {{v.number, Dollars("98.00"), Dollars("2.00")}},
                      ParseDate("2026-03-13"));
  ASSERT_FALSE(late.ok());
  // received_date in the future is refused too.
  EXPECT_TRUE(Fields(late.status()).count({"received_date", "out_of_range"}));
  db_.clock().AdvanceSeconds(12 * kDay);  // 2026-03-14
  late = Receive("C-1", "98.00", {{v.number, Dollars("98.00"), Dollars("2.00")}},
                 ParseDate("2026-03-13"));
  EXPECT_TRUE(Fields(late.status()).count({"applications/0/discount", "discount_not_allowed"}));
  auto greedy = Receive("C-1", "97.00", {{v.number, Dollars("97.00"), Dollars("3.00")}},
                        ParseDate("2026-03-12"));
  EXPECT_TRUE(Fields(greedy.status()).count({"applications/0/discount", "discount_not_allowed"}));

  auto on_time = Receive("C-1", "98.00", {{v.number, Dollars("98.00"), Dollars("2.00")}},
                         ParseDate("2026-03-12"));
  ASSERT_TRUE(on_time.ok()) << on_time.status().ToString();
  auto paid = Reload(v);
  EXPECT_EQ(paid.status, invoicing::InvoiceStatus::kPaid);
  EXPECT_EQ(paid.discount_taken, Dollars("2.00"));
  EXPECT_EQ(Account(ledger::accounts::kSalesDiscounts), Dollars("2.00"));
  EXPECT_EQ(Account(ledger::accounts::kCash), Dollars("98.00"));
  EXPECT_EQ(OpenReceivables("C-1"), Money());
  EXPECT_TRUE(db_.LoadOrder(v.order)->settled);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PaymentsTest, TheDiscountComesOnlyWithThePaymentThatSettlesTheInvoice) {
  invoicing::Invoice v = Invoice("C-1", 10);  // 100.00, 2/10NET30
  auto part = Receive("C-1", "50.00", {{v.number, Dollars("50.00"), Dollars("2.00")}});
  EXPECT_TRUE(Fields(part.status()).count({"applications/0/discount", "discount_not_allowed"}));
  auto nothing = Receive("C-1", "1.00", {{v.number, Money(), Dollars("2.00")}});
  EXPECT_TRUE(Fields(nothing.status()).count({"applications/0/discount", "discount_not_allowed"}));
  ASSERT_TRUE(Receive("C-1", "50.00", {{v.number, Dollars("50.00"), Money()}}).ok());
  auto rest = Receive("C-1", "48.00", {{v.number, Dollars("48.00"), Dollars("2.00")}});
  ASSERT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_EQ(Reload(v).status, invoicing::InvoiceStatus::kPaid);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PaymentsTest, TheDiscountIsOnWhatIsLeftOnceGoodsCameBack) {
  invoicing::Invoice v = Invoice("C-1", 10);  // 100.00, 2/10NET30, no tax
  // Half the goods come back before the customer pays: credit memo of 50.00, refunded.
  CommandContext ctx = db_.Context("user:service");
  auto rma = db_.executor().RunFor<returns::Rma>([&](store::Connection& c) {
    return flows::AuthorizeReturn(c, ctx, v.order, v.id, {{1, 5, "not_needed"}});
  });
  ASSERT_TRUE(rma.ok()) << rma.status().ToString();
  ReturnReceiptRequest back{"W1", {{1, 5, returns::Disposition::kRestock}}};
  auto received = db_.executor().RunFor<ReceivedReturn>([&](store::Connection& c) {
    return flows::ReceiveReturn(c, ctx, rma->id, back, std::nullopt);
  });
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(received->credit_memo.total, Dollars("50.00"));
  EXPECT_EQ(received->credit_memo.discount_adjustment, Money());  // nothing was discounted yet
  // The discount is 2% of the 50.00 the customer keeps, not of the 100.00 billed.
  EXPECT_EQ(invoicing::EarlyPayDiscountAllowed(db_.reader(), Reload(v), *ParseDate("2026-03-05")),
            Dollars("1.00"));
  auto greedy = Receive("C-1", "98.00", {{v.number, Dollars("98.00"), Dollars("2.00")}});
  EXPECT_TRUE(Fields(greedy.status()).count({"applications/0/discount", "discount_not_allowed"}));
  ASSERT_TRUE(Receive("C-1", "99.00", {{v.number, Dollars("99.00"), Dollars("1.00")}}).ok());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PaymentsTest, ACreditAfterADiscountGivesTheDiscountBackPerLine) {
  invoicing::Invoice v = Invoice("C-1", 10);  // 100.00
  ASSERT_TRUE(Receive("C-1", "98.00", {{v.number, Dollars("98.00"), Dollars("2.00")}}).ok());
  CommandContext ctx = db_.Context("user:service");
  Money given;
  for (int64_t q : {3, 3, 4}) {  // 30.00, 30.00, 40.00 back on three receipts
    auto rma = db_.executor().RunFor<returns::Rma>([&](store::Connection& c) {
      return flows::AuthorizeReturn(c, ctx, v.order, v.id, {{1, q, "damaged"}});
    });
    ASSERT_TRUE(rma.ok()) << rma.status().ToString();
    ReturnReceiptRequest back{"W1", {{1, q, returns::Disposition::kScrap}}};
    auto received = db_.executor().RunFor<ReceivedReturn>([&](store::Connection& c) {
      return flows::ReceiveReturn(c, ctx, rma->id, back, std::nullopt);
    });
    ASSERT_TRUE(received.ok()) << received.status().ToString();
    given += received->credit_memo.discount_adjustment;
  }
  EXPECT_EQ(given, Dollars("2.00"));  // 0.60 + 0.60 + 0.80: all of it, never more
  EXPECT_EQ(OpenReceivables("C-1"), -Dollars("98.00"));  // what the customer paid comes back
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PaymentsTest, AnAdvanceIsAppliedOnTheInvoicesDate) {
  db_.clock().AdvanceSeconds(5 * kDay);       // 2026-03-07
  invoicing::Invoice v = Invoice("C-2", 10);  // dated 2026-03-07
  auto p = Receive("C-2", "100.00", {{v.number, Dollars("100.00"), {}}}, ParseDate("2026-03-03"));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(FormatDate(p->applications[0].applied_date), "2026-03-07");
  // Before the invoice existed the customer had sent cash and owed nothing.
  auto early = receivables::LoadAging(db_.reader(), *ParseDate("2026-03-05"));
  ASSERT_EQ(early.customers.size(), 1u);
  EXPECT_EQ(early.customers[0].unapplied, Dollars("100.00"));
  EXPECT_EQ(early.totals.total(), Money());
  EXPECT_TRUE(receivables::LoadAging(db_.reader(), *ParseDate("2026-03-07")).customers.empty());
}

TEST_F(PaymentsTest, UnpaidInvoicesCountTowardsCreditExposure) {
  customers::NewCustomer small = SimpleCustomer("C-3", "150.00");
  db_.AddCustomer(small);
  Invoice("C-3", 10);                                          // 100.00 owed
  auto held = db_.Place(OrderFor("C-3", {{"WID-100", "6"}}));  // 60.00 more: 160 > 150
  ASSERT_TRUE(held.ok());
  EXPECT_TRUE(held->has_active_hold());
  ASSERT_TRUE(Receive("C-3", "100.00").ok());  // unapplied cash lowers exposure too
  auto allowed = db_.Place(OrderFor("C-3", {{"WID-100", "6"}}));
  ASSERT_TRUE(allowed.ok());
  EXPECT_FALSE(allowed->has_active_hold());
}

TEST_F(PaymentsTest, AgingAsOfAnyDate) {
  invoicing::Invoice v = Invoice("C-2", 10);  // 100.00 due 2026-04-01
  db_.clock().AdvanceSeconds(60 * kDay);      // 2026-05-01
  ASSERT_TRUE(Receive("C-2", "30.00", {{v.number, Dollars("30.00"), {}}}).ok());
  ASSERT_TRUE(Receive("C-2", "5.00").ok());  // unapplied

  auto at = [&](const char* day) { return receivables::LoadAging(db_.reader(), *ParseDate(day)); };
  auto before_invoice = at("2026-03-01");
  EXPECT_TRUE(before_invoice.customers.empty());
  auto current = at("2026-04-01");
  ASSERT_EQ(current.customers.size(), 1u);
  EXPECT_EQ(current.customers[0].buckets.current, Dollars("100.00"));
  auto late = at("2026-04-15");
  EXPECT_EQ(late.customers[0].buckets.d1_30, Dollars("100.00"));
  EXPECT_EQ(late.unapplied, Money());
  auto after_payment = at("2026-05-01");
  EXPECT_EQ(after_payment.customers[0].buckets.d1_30, Dollars("70.00"));
  EXPECT_EQ(after_payment.customers[0].unapplied, Dollars("5.00"));
  EXPECT_EQ(at("2026-05-15").totals.d31_60, Dollars("70.00"));
  EXPECT_EQ(at("2026-06-15").totals.d61_90, Dollars("70.00"));
  EXPECT_EQ(at("2026-07-01").totals.d90_plus, Dollars("70.00"));  // 91 days past due
  EXPECT_EQ(at("2026-06-30").totals.d61_90, Dollars("70.00"));    // 90 days past due
}

TEST_F(PaymentsTest, StatementAndDsoReadTheReceivablesLedger) {
  invoicing::Invoice a = Invoice("C-2", 10);  // 100.00 on 2026-03-02
  db_.clock().AdvanceSeconds(10 * kDay);      // 2026-03-12
  invoicing::Invoice b = Invoice("C-2", 5);   // 50.00
  db_.clock().AdvanceSeconds(20 * kDay);      // 2026-04-01
  ASSERT_TRUE(Receive("C-2", "120.00", {{a.number, Dollars("100.00"), {}}}).ok());

  auto s = receivables::LoadStatement(db_.reader(), a.customer, *ParseDate("2026-03-10"),
                                      *ParseDate("2026-04-30"));
  EXPECT_EQ(s.opening_balance, Dollars("100.00"));
  ASSERT_EQ(s.lines.size(), 2u);
  EXPECT_EQ(s.lines[0].reference, b.number);
  EXPECT_EQ(s.lines[0].charge, Dollars("50.00"));
  EXPECT_EQ(s.lines[0].balance, Dollars("150.00"));
  EXPECT_EQ(s.lines[1].kind, "payment");
  EXPECT_EQ(s.lines[1].reference, "PM-000001");
  EXPECT_EQ(s.lines[1].credit, Dollars("120.00"));
  EXPECT_EQ(s.closing_balance, Dollars("30.00"));

  auto dso = receivables::LoadDso(db_.reader(), *ParseDate("2026-04-01"), 30);
  EXPECT_EQ(dso.receivables, Dollars("30.00"));
  EXPECT_EQ(dso.credit_sales, Dollars("50.00"));  // a was invoiced 30 days before: outside
  EXPECT_EQ(dso.dso_tenths, 180);                 // 30 / 50 x 30 = 18.0 days
  EXPECT_FALSE(receivables::LoadDso(db_.reader(), *ParseDate("2026-01-01"), 30).dso_tenths);
}

// Clerks racing to apply cash to the same invoices from many threads: whatever the
// interleaving, no invoice is ever settled beyond its total and no payment beyond its amount;
// the applications that fit are acknowledged, the rest refused whole.
TEST_F(PaymentsTest, ConcurrentApplicationsNeverPassABalance) {
  std::vector<invoicing::Invoice> invoices;
  for (int i = 0; i < 4; ++i) invoices.push_back(Invoice("C-2", 3 + i));  // 30..60.00
  constexpr int kThreads = 8;
  std::vector<std::thread> threads;
  std::atomic<int> applied{0}, refused{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 6; ++k) {
        const invoicing::Invoice& v = invoices[(t + k) % invoices.size()];
        auto p = Receive("C-2", "25.00", {{v.number, Dollars("25.00"), {}}});
        (p.ok() ? applied : refused)++;
        if (!p.ok()) EXPECT_EQ(p.status().code(), ErrorCode::kInvalidArgument);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(applied + refused, kThreads * 6);
  EXPECT_GT(applied, 0);
  EXPECT_GT(refused, 0);  // 30, 40, 50 and 60.00 owed: at most 1 + 1 + 2 + 2 payments of 25.00 fit
  EXPECT_EQ(db_.Count("payments"), applied.load());
  Money settled;
  for (const auto& v : invoices) {
    auto stored = Reload(v);
    EXPECT_LE(stored.amount_paid, stored.total) << stored.number;
    settled += stored.amount_paid;
  }
  EXPECT_EQ(settled, Dollars("25.00") * applied.load());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

}  // namespace
}  // namespace ordo::flows
