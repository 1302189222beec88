// Returns and credit memos on a real database: what may be authorized (shipped minus returned,
// invoice line limits), what a receipt does to stock (restock, scrap, backorder release), the
// credit memo it issues (prices, tax rounding, invoices oldest first), the ledger, applying
// and refunding memos, and the invariants after every step.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "flows/credit_memo_settlement.h"
#include "flows/order_shipment.h"
#include "flows/return_authorization.h"
#include "flows/return_receipt.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "ledger/accounts.h"
#include "ledger/trial_balance.h"
#include "returns/return_repository.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/test_db.h"
#include "views/credit_memo_view.h"

namespace ordo::flows {
namespace {

using returns::Disposition;
using test_support::Dollars;
using test_support::OrderFor;
using test_support::SimpleCustomer;
using ::testing::ElementsAre;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

namespace acc = ledger::accounts;

catalog::NewItem Item(const std::string& sku, const std::string& price, const std::string& cost,
                      const std::string& tax_class = "standard") {
  catalog::NewItem i;
  i.sku = sku;
  i.name = "Item " + sku;
  i.list_price = Dollars(price);
  i.cost = Dollars(cost);
  i.tax_class = tax_class;
  return i;
}

ShipmentConfirmation Ups(std::vector<ShippedLine> lines = {}) {
  ShipmentConfirmation c;
  c.carrier = "UPS";
  c.service = "Ground";
  c.tracking_number = "1Z1";
  c.packages = {{"4"}};
  c.lines = std::move(lines);
  return c;
}

// The (field, code) pairs of a status's field errors.
std::vector<std::pair<std::string, std::string>> Fields(const Status& st) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : st.errors()) out.emplace_back(e.field, e.code);
  return out;
}

class ReturnsTest : public ::testing::Test {
 protected:
  ReturnsTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem(Item("WID-100", "10.00", "6.00"));
    db_.AddItem(Item("FOOD-1", "2.1250", "1.1111", "food"));
    db_.Receive("W1", "WID-100", 100);
    db_.Receive("W1", "FOOD-1", 100);
    db_.SetTaxRate("NY", "standard", "8.875");
    db_.SetTaxRate("NY", "food", "8.875");
    customers::NewCustomer ny = SimpleCustomer("C-NY", "100000.00");
    ny.ship_tos[0].address.region = "NY";
    db_.AddCustomer(ny);
    db_.AddCustomer(SimpleCustomer("C-2", "100000.00"));
  }

  orders::Order Place(const std::string& customer,
                      const std::vector<test_support::LineSpec>& lines) {
    auto placed = db_.Place(OrderFor(customer, lines));
    EXPECT_TRUE(placed.ok()) << placed.status().ToString();
    return placed.ok() ? *placed : orders::Order{};
  }

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

  Result<returns::Rma> Authorize(const orders::Order& order, std::vector<ReturnRequestLine> lines,
                                 std::optional<invoicing::InvoiceId> invoice = std::nullopt) {
    CommandContext ctx = db_.Context("user:sales");
    return db_.executor().RunFor<returns::Rma>([&](store::Connection& conn) {
      return AuthorizeReturn(conn, ctx, order.id, invoice, lines);
    });
  }

  returns::Rma MustAuthorize(const orders::Order& order, std::vector<ReturnRequestLine> lines,
                             std::optional<invoicing::InvoiceId> invoice = std::nullopt) {
    auto r = Authorize(order, std::move(lines), invoice);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : returns::Rma{};
  }

  Result<ReceivedReturn> Receive(const returns::Rma& rma, std::vector<ReceivedLine> lines,
                                 const std::string& warehouse = "W1") {
    CommandContext ctx = db_.Context("user:dock");
    ReturnReceiptRequest request{warehouse, std::move(lines)};
    return db_.executor().RunFor<ReceivedReturn>([&](store::Connection& conn) {
      return ReceiveReturn(conn, ctx, rma.id, request, std::nullopt);
    });
  }

  ReceivedReturn MustReceive(const returns::Rma& rma, std::vector<ReceivedLine> lines) {
    auto r = Receive(rma, std::move(lines));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : ReceivedReturn{};
  }

  Result<invoicing::CreditMemo> Apply(const invoicing::CreditMemo& memo,
                                      std::vector<MemoApplication> apps) {
    CommandContext ctx = db_.Context("user:ar");
    return db_.executor().RunFor<invoicing::CreditMemo>([&](store::Connection& conn) {
      return ApplyCreditMemo(conn, ctx, memo.id, apps, std::nullopt);
    });
  }

  Result<invoicing::CreditMemo> Refund(const invoicing::CreditMemo& memo,
                                       const std::string& amount) {
    CommandContext ctx = db_.Context("user:ar");
    MemoRefund refund{Dollars(amount), "check", "CHK-1"};
    return db_.executor().RunFor<invoicing::CreditMemo>([&](store::Connection& conn) {
      return RefundCreditMemo(conn, ctx, memo.id, refund, std::nullopt);
    });
  }

  Money Balance(std::string_view account) {
    for (const auto& a : ledger::LoadTrialBalance(db_.reader(), std::nullopt).accounts) {
      if (a.account.code == account) return a.balance();
    }
    return Money();
  }

  Money OpenReceivables(const std::string& customer) {
    store::Query q(db_.reader(),
                   "SELECT b.open_receivables FROM customer_balances b "
                   "JOIN customers c ON c.id = b.customer_id WHERE c.code = ?",
                   customer);
    q.Next();
    return q.Amount(0);
  }

  ::testing::AssertionResult Consistent() { return test_support::InvariantsHold(db_.reader()); }

  test_support::TestDb db_;
};

TEST_F(ReturnsTest, NeverMoreThanShippedMinusReturnedOrAuthorized) {
  orders::Order order = Place("C-NY", {{"WID-100", "10"}, {"FOOD-1", "4"}});
  Ship(order, Ups({{1, 6}}));  // line 1 ships 6 of 10, line 2 ships 4
  returns::Rma first = MustAuthorize(order, {{1, 4, "damaged"}});
  EXPECT_EQ(first.number, "RA-000001");
  EXPECT_EQ(first.status, returns::ReturnStatus::kAuthorized);
  EXPECT_TRUE(Consistent());

  auto before = db_.Snapshot();
  auto over = Authorize(order, {{1, 3, "other"}, {2, 5, "not_needed"}});
  ASSERT_EQ(over.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(Fields(over.status()), ElementsAre(Pair("lines/0/quantity", "out_of_range"),
                                                 Pair("lines/1/quantity", "out_of_range")));
  EXPECT_EQ(db_.Snapshot(), before) << "a refused return writes nothing, not even a number";

  MustReceive(first, {{1, 4, Disposition::kRestock}});
  EXPECT_EQ(db_.LoadOrder(order.id)->lines[0].quantity_returned, 4);
  returns::Rma second = MustAuthorize(order, {{1, 2, "defective"}, {2, 4, "wrong_item"}});
  EXPECT_EQ(second.number, "RA-000002");
  EXPECT_EQ(Authorize(order, {{1, 1, "other"}}).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsTest, UnknownLinesAndUnshippedOrdersAreRefused) {
  orders::Order unshipped = Place("C-NY", {{"WID-100", "2"}});
  auto nothing = Authorize(unshipped, {{1, 1, "other"}});
  EXPECT_EQ(nothing.status().code(), ErrorCode::kInvalidState);

  orders::Order order = Place("C-NY", {{"WID-100", "2"}});
  Ship(order);
  auto bad = Authorize(order, {{7, 1, "other"}, {1, 3, "other"}});
  ASSERT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(Fields(bad.status()), ElementsAre(Pair("lines/0/line_no", "not_found"),
                                                Pair("lines/1/quantity", "out_of_range")));
  EXPECT_EQ(db_.Count("returns"), 0);
  EXPECT_EQ(db_.QueryInt("SELECT next_value FROM sequences WHERE name = 'RA'"), 1);
}

TEST_F(ReturnsTest, AgainstAnInvoiceNeverMoreThanItsLineLessWhatCameBackOnIt) {
  db_.AddWarehouse("W2", 20);
  db_.AddItem(Item("SPLIT-1", "10.00", "5.00"));
  db_.Receive("W1", "SPLIT-1", 4);
  db_.Receive("W2", "SPLIT-1", 6);
  orders::Order order = Place("C-NY", {{"SPLIT-1", "10"}});
  invoicing::Invoice first = Ship(order);                // 4 from W1
  invoicing::Invoice second = Ship(order, Ups(), "W2");  // the other 6
  ASSERT_EQ(second.lines[0].quantity, 6);

  auto over = Authorize(order, {{1, 5, "damaged"}}, first.id);
  ASSERT_EQ(over.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(Fields(over.status()), ElementsAre(Pair("lines/0/quantity", "out_of_range")));
  returns::Rma named = MustAuthorize(order, {{1, 3, "damaged"}}, first.id);
  EXPECT_EQ(named.invoice_number, first.number);
  // Unnamed returns take the oldest invoice first, but never what a named return awaits.
  returns::Rma unnamed = MustAuthorize(order, {{1, 2, "other"}});
  ReceivedReturn got = MustReceive(unnamed, {{1, 2, Disposition::kRestock}});
  ASSERT_EQ(got.credit_memo.lines.size(), 2u);
  EXPECT_EQ(got.credit_memo.lines[0].invoice_number, first.number);
  EXPECT_EQ(got.credit_memo.lines[0].quantity, 1);
  EXPECT_EQ(got.credit_memo.lines[1].invoice_number, second.number);
  EXPECT_EQ(got.credit_memo.lines[1].quantity, 1);
  EXPECT_FALSE(got.credit_memo.invoice.has_value());
  // Invoice 1 holds nothing more: 3 awaited on the named RMA, 1 credited.
  EXPECT_EQ(Authorize(order, {{1, 1, "other"}}, first.id).status().code(),
            ErrorCode::kInvalidArgument);
  ReceivedReturn named_got = MustReceive(named, {{1, 3, Disposition::kScrap}});
  EXPECT_EQ(named_got.credit_memo.invoice_number, first.number);
  EXPECT_EQ(named_got.credit_memo.lines[0].quantity, 3);
  // The second invoice still has 5 of its 6: an order-wide return of 5 fits, 6 does not.
  EXPECT_EQ(Authorize(order, {{1, 6, "other"}}).status().code(), ErrorCode::kInvalidArgument);
  MustAuthorize(order, {{1, 5, "other"}}, second.id);
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsTest, RestockReturnsStockScrapDoesNot) {
  orders::Order order = Place("C-NY", {{"WID-100", "5"}});
  Ship(order);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 95);
  returns::Rma rma = MustAuthorize(order, {{1, 5, "damaged"}});
  ReceivedReturn got =
      MustReceive(rma, {{1, 2, Disposition::kRestock}, {1, 1, Disposition::kScrap}});
  EXPECT_EQ(got.rma.status, returns::ReturnStatus::kAuthorized);  // 2 still awaited
  EXPECT_EQ(got.rma.lines[0].quantity_received, 3);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 97);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM stock_movements WHERE kind = 'return' AND "
                         "quantity = 2 AND reference = 'RA-000001'"),
            1);
  EXPECT_EQ(db_.Count("return_receipts"), 2);
  // Cost: received 100 x 6.00 and 100 x 1.1111 at setup, shipped 5 x 6.00; restocked 2 x 6.00
  // back to inventory, scrapped 6.00 written off.
  EXPECT_EQ(Balance(acc::kInventory),
            Dollars("600.00") + Dollars("111.11") - Dollars("30.00") + Dollars("12.00"));
  EXPECT_EQ(Balance(acc::kInventoryWriteOff), Dollars("6.00"));
  EXPECT_EQ(Balance(acc::kCostOfGoodsSold), Dollars("30.00") - Dollars("18.00"));
  EXPECT_TRUE(Consistent());

  // Too much, a line not on the RMA and an unknown warehouse, all at once; nothing written.
  auto before = db_.Snapshot();
  auto bad = Receive(rma, {{1, 3, Disposition::kRestock}, {2, 1, Disposition::kScrap}}, "W9");
  ASSERT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(Fields(bad.status()), UnorderedElementsAre(Pair("warehouse", "not_found"),
                                                         Pair("lines/0/quantity", "out_of_range"),
                                                         Pair("lines/1/line_no", "not_found")));
  EXPECT_EQ(db_.Snapshot(), before);

  ReceivedReturn rest = MustReceive(rma, {{1, 2, Disposition::kScrap}});
  EXPECT_EQ(rest.rma.status, returns::ReturnStatus::kReceived);
  EXPECT_EQ(rest.credit_memo.number, "CM-000002");
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 97);
  EXPECT_EQ(Receive(rma, {{1, 1, Disposition::kScrap}}).status().code(), ErrorCode::kInvalidState);
  EXPECT_THAT(
      [&] {
        std::vector<std::string> types;
        for (const auto& e : events::ForEntity(db_.reader(), "return", rma.id.value())) {
          types.push_back(e.type);
        }
        return types;
      }(),
      ElementsAre("return.authorized", "return.received", "return.received"));
  EXPECT_EQ(audit::ForEntity(db_.reader(), "credit_memo", rest.credit_memo.id.value()).size(), 1u);
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsTest, RestockReleasesABackorder) {
  db_.AddItem(Item("RARE-1", "50.00", "20.00"));
  db_.Receive("W1", "RARE-1", 3);
  orders::Order shipped = Place("C-NY", {{"RARE-1", "3"}});
  Ship(shipped);
  orders::Order waiting = Place("C-2", {{"RARE-1", "2"}});
  EXPECT_EQ(db_.LoadOrder(waiting.id)->lines[0].quantity_unallocated(), 2);

  returns::Rma rma = MustAuthorize(shipped, {{1, 3, "not_needed"}});
  ReceivedReturn got =
      MustReceive(rma, {{1, 2, Disposition::kRestock}, {1, 1, Disposition::kScrap}});
  EXPECT_EQ(got.release.total(), 2);
  auto after = db_.LoadOrder(waiting.id);
  EXPECT_EQ(after->lines[0].quantity_allocated(), 2);
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*after)), "open");
  EXPECT_EQ(db_.Stock("RARE-1", "W1").on_hand, 2);
  EXPECT_EQ(db_.Stock("RARE-1", "W1").allocated, 2);
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsTest, TheCreditMemoUsesTheInvoicedPriceAndTaxRoundedHalfEven) {
  orders::Order order = Place("C-NY", {{"FOOD-1", "10"}, {"WID-100", "2"}});
  invoicing::Invoice v = Ship(order);
  returns::Rma rma = MustAuthorize(order, {{1, 3, "damaged"}, {2, 1, "damaged"}}, v.id);
  // The rate changes after invoicing: the memo keeps the invoice's.
  db_.SetTaxRate("NY", "food", "5");
  ReceivedReturn got =
      MustReceive(rma, {{1, 3, Disposition::kRestock}, {2, 1, Disposition::kScrap}});
  const invoicing::CreditMemo& m = got.credit_memo;
  EXPECT_EQ(m.number, "CM-000001");
  EXPECT_EQ(m.customer_code, "C-NY");
  EXPECT_EQ(m.return_number, "RA-000001");
  ASSERT_EQ(m.lines.size(), 2u);
  EXPECT_EQ(m.lines[0].unit_price, Dollars("2.1250"));
  EXPECT_EQ(m.lines[0].extended_amount, Dollars("6.38"));  // 6.375 -> 6.38 (half-even)
  EXPECT_EQ(m.lines[0].tax_rate_ppm, 88750);
  EXPECT_EQ(m.lines[0].tax_amount, Dollars("0.57"));  // 0.566225
  EXPECT_EQ(m.lines[1].extended_amount, Dollars("10.00"));
  EXPECT_EQ(m.lines[1].tax_amount, Dollars("0.89"));  // 0.8875 -> 0.89
  EXPECT_EQ(m.subtotal, Dollars("16.38"));
  EXPECT_EQ(m.tax, Dollars("1.46"));
  EXPECT_EQ(m.total, Dollars("17.84"));
  EXPECT_EQ(m.status, invoicing::CreditMemoStatus::kOpen);
  auto stored = views::LoadCreditMemoByNumber(db_.reader(), "CM-000001");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(invoicing::ToJson(*stored), invoicing::ToJson(m));
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsTest, PostingsKeepTheTrialBalanceAndReceivablesInStep) {
  orders::Order order = Place("C-NY", {{"WID-100", "4"}});
  invoicing::Invoice v = Ship(order);  // 40.00 + 3.55 tax
  EXPECT_EQ(v.total, Dollars("43.55"));
  returns::Rma rma = MustAuthorize(order, {{1, 2, "damaged"}});
  ReceivedReturn got = MustReceive(rma, {{1, 2, Disposition::kRestock}});
  EXPECT_EQ(got.credit_memo.total, Dollars("21.78"));  // 20.00 + 1.775 -> 1.78
  EXPECT_EQ(Balance(acc::kSalesReturns), Dollars("20.00"));
  EXPECT_EQ(Balance(acc::kSalesTaxPayable), -Dollars("3.55") + Dollars("1.78"));
  EXPECT_EQ(Balance(acc::kReceivables), Dollars("43.55") - Dollars("21.78"));
  EXPECT_EQ(OpenReceivables("C-NY"), Dollars("21.77"));
  EXPECT_TRUE(ledger::LoadTrialBalance(db_.reader(), std::nullopt).balanced());
  EXPECT_TRUE(Consistent());

  auto applied = Apply(got.credit_memo, {{v.number, Dollars("10.00")}});
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(applied->amount_applied, Dollars("10.00"));
  EXPECT_EQ(applied->balance(), Dollars("11.78"));
  EXPECT_EQ(applied->status, invoicing::CreditMemoStatus::kOpen);
  EXPECT_EQ(invoicing::LoadInvoice(db_.reader(), v.id)->amount_credited, Dollars("10.00"));
  EXPECT_EQ(OpenReceivables("C-NY"), Dollars("21.77"));  // nothing net
  EXPECT_EQ(Balance(acc::kReceivables), Dollars("21.77"));
  EXPECT_TRUE(Consistent());

  auto refunded = Refund(*applied, "11.78");
  ASSERT_TRUE(refunded.ok()) << refunded.status().ToString();
  EXPECT_EQ(refunded->status, invoicing::CreditMemoStatus::kRefunded);
  EXPECT_EQ(refunded->balance(), Money());
  EXPECT_EQ(Balance(acc::kCash), -Dollars("11.78"));
  EXPECT_EQ(OpenReceivables("C-NY"), Dollars("33.55"));  // the invoice's 43.55 - 10.00 credited
  EXPECT_EQ(Balance(acc::kReceivables), Dollars("33.55"));
  EXPECT_TRUE(ledger::LoadTrialBalance(db_.reader(), std::nullopt).balanced());
  EXPECT_EQ(Refund(*refunded, "0.01").status().code(), ErrorCode::kInvalidState);
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsTest, ApplyAndRefundNeverPassABalance) {
  orders::Order order = Place("C-NY", {{"WID-100", "4"}});
  invoicing::Invoice v = Ship(order);
  orders::Order small = Place("C-NY", {{"WID-100", "1"}});
  invoicing::Invoice w = Ship(small);  // 10.89
  orders::Order other = Place("C-2", {{"WID-100", "1"}});
  invoicing::Invoice x = Ship(other);
  returns::Rma rma = MustAuthorize(order, {{1, 4, "damaged"}});
  invoicing::CreditMemo memo = MustReceive(rma, {{1, 4, Disposition::kRestock}}).credit_memo;
  EXPECT_EQ(memo.total, Dollars("43.55"));

  auto before = db_.Snapshot();
  auto bad = Apply(memo, {{w.number, Dollars("10.90")},
                          {x.number, Dollars("1.00")},
                          {"IN-000404", Dollars("1.00")},
                          {v.number, Dollars("0.001")}});
  ASSERT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(Fields(bad.status()), ElementsAre(Pair("applications/0/amount", "exceeds_balance"),
                                                Pair("applications/1/invoice", "other_customer"),
                                                Pair("applications/2/invoice", "not_found"),
                                                Pair("applications/3/amount", "invalid_value")));
  // Each fits its invoice, but together they pass the memo's 43.55.
  auto too_much = Apply(memo, {{v.number, Dollars("43.55")}, {w.number, Dollars("0.01")}});
  EXPECT_THAT(Fields(too_much.status()), ElementsAre(Pair("applications", "exceeds_balance")));
  // Two applications to one invoice count together against its balance.
  auto twice = Apply(memo, {{w.number, Dollars("10.00")}, {w.number, Dollars("0.90")}});
  EXPECT_THAT(Fields(twice.status()),
              ElementsAre(Pair("applications/1/amount", "exceeds_balance")));
  EXPECT_EQ(Refund(memo, "43.56").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(db_.Snapshot(), before);

  auto paid = Apply(memo, {{w.number, Dollars("10.89")}, {v.number, Dollars("32.66")}});
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_EQ(paid->status, invoicing::CreditMemoStatus::kApplied);
  EXPECT_EQ(invoicing::LoadInvoice(db_.reader(), w.id)->status, invoicing::InvoiceStatus::kPaid);
  EXPECT_EQ(invoicing::LoadInvoice(db_.reader(), v.id)->balance(), Dollars("10.89"));
  EXPECT_EQ(Apply(*paid, {{v.number, Dollars("0.01")}}).status().code(), ErrorCode::kInvalidState);
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsTest, TheInvariantCheckerSeesDamagedReturnsAndMemos) {
  orders::Order order = Place("C-NY", {{"WID-100", "4"}});
  invoicing::Invoice v = Ship(order);
  returns::Rma rma = MustAuthorize(order, {{1, 3, "damaged"}});
  invoicing::CreditMemo memo = MustReceive(rma, {{1, 2, Disposition::kRestock}}).credit_memo;
  ASSERT_TRUE(Apply(memo, {{v.number, Dollars("1.00")}}).ok());
  ASSERT_TRUE(Consistent());
  auto damage = db_.Connect();
  auto after = [&](const std::string& sql) {
    damage->Execute("BEGIN");
    damage->Execute(sql);
    auto found = test_support::FindInvariantViolations(*damage);
    damage->Execute("ROLLBACK");
    return found;
  };
  using ::testing::Contains;
  using ::testing::HasSubstr;
  EXPECT_THAT(after("UPDATE order_lines SET quantity_returned = 1"),
              Contains(HasSubstr("!= SUM(received return lines)")));
  EXPECT_THAT(after("UPDATE return_lines SET quantity_received = 1"),
              Contains(HasSubstr("!= SUM(receipts)")));
  EXPECT_THAT(after("UPDATE return_lines SET quantity = 5"),
              Contains(HasSubstr("+ awaited 3 > shipped 4")));
  EXPECT_THAT(after("UPDATE returns SET status = 'received'"),
              Contains(HasSubstr("is received but awaits goods")));
  EXPECT_THAT(after("UPDATE invoices SET amount_credited = 0, status = 'open'"),
              Contains(HasSubstr("!= SUM(credit memo applications)")));
  EXPECT_THAT(after("UPDATE customer_balances SET open_receivables = open_receivables + 1"),
              Contains(HasSubstr("!= receivables ledger")));
  EXPECT_THAT(after("DELETE FROM credit_memo_applications"),
              Contains(HasSubstr("amount_applied != SUM(applications)")));
  EXPECT_THAT(after("UPDATE credit_memo_lines SET tax_amount = tax_amount + 100"),
              Contains(HasSubstr("tax != SUM(line taxes)")));
  EXPECT_THAT(after("UPDATE credit_memos SET amount_applied = 0, status = 'open'"),
              Contains(HasSubstr("- credit memo balances")));
  EXPECT_THAT(after("UPDATE sequences SET next_value = 5 WHERE name = 'CM'"),
              Contains(HasSubstr("sequence CM")));
  EXPECT_TRUE(Consistent());
}

}  // namespace
}  // namespace ordo::flows
