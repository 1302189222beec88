// Cancelling an order that has partly shipped, and what may still happen to it: only the open
// quantity is cancelled and its stock freed, what shipped stays invoiced and owed, the status
// follows (invoiced, then closed once paid, or closed at once when it was paid already), and
// goods can still come back against its invoice.
#include <gtest/gtest.h>

#include <string>

#include "flows/order_shipment.h"
#include "flows/payments.h"
#include "flows/return_authorization.h"
#include "flows/return_receipt.h"
#include "invoicing/invoice_repository.h"
#include "orders/order.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::OrderFor;
using test_support::SimpleCustomer;

class CancelAfterShippingTest : public ::testing::Test {
 protected:
  // 120 x WID-100 at 10.00: 100 allocated in W1 (rank 10), 20 in W2; the W2 part ships and is
  // invoiced (200.00), the W1 part is still allocated.
  CancelAfterShippingTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddItem("WID-100", "10.00");
    db_.Receive("W1", "WID-100", 100);
    db_.Receive("W2", "WID-100", 50);
    db_.AddCustomer(SimpleCustomer("C-1", "100000.00"));
    auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "120"}}));
    if (!placed.ok()) throw std::runtime_error(placed.status().ToString());
    order_ = placed->id;

    CommandContext ctx = db_.Context("user:picker");
    auto s = db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& c) { return CreateShipment(c, ctx, order_, "W2"); });
    if (!s.ok()) throw std::runtime_error(s.status().ToString());
    ShipmentConfirmation c;
    c.carrier = "UPS";
    c.service = "Ground";
    c.tracking_number = "1Z";
    c.packages = {{"4"}};
    auto shipped = db_.executor().RunFor<ConfirmedShipment>([&](store::Connection& conn) {
      return ConfirmShipment(conn, ctx, s->id, c, std::nullopt);
    });
    if (!shipped.ok()) throw std::runtime_error(shipped.status().ToString());
    invoice_ = shipped->invoice.id;
    invoice_number_ = shipped->invoice.number;
  }

  std::string StatusColumn() {
    store::Query q(db_.reader(), "SELECT status FROM orders WHERE id = ?", order_);
    q.Next();
    return q.Text(0);
  }
  Money OpenReceivables() {
    return Money::FromUnits(db_.QueryInt("SELECT open_receivables FROM customer_balances"));
  }
  void PayTheInvoice() {
    PaymentRequest r;
    r.customer = "C-1";
    r.method = "check";
    r.amount = Dollars("200.00");
    r.applications.push_back({invoice_number_, Dollars("200.00"), Money()});
    CommandContext ctx = db_.Context("user:ar");
    auto paid = db_.executor().RunFor<receivables::Payment>(
        [&](store::Connection& c) { return ReceivePayment(c, ctx, r); });
    ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  }

  test_support::TestDb db_;
  OrderId order_;
  invoicing::InvoiceId invoice_;
  std::string invoice_number_;
};

TEST_F(CancelAfterShippingTest, OnlyTheOpenQuantityIsCancelledAndWhatShippedIsStillOwed) {
  ASSERT_EQ(StatusColumn(), "partially_shipped");
  ASSERT_EQ(db_.OpenOrderValue("C-1"), Dollars("1000.00"));  // the 100 not shipped
  ASSERT_EQ(OpenReceivables(), Dollars("200.00"));

  auto cancelled = db_.Cancel(order_, "customer changed plans");
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  const orders::OrderLine& line = cancelled->lines[0];
  EXPECT_EQ(line.quantity_shipped, 20);
  EXPECT_EQ(line.quantity_cancelled, 100);
  EXPECT_EQ(line.quantity_invoiced, 20);
  EXPECT_TRUE(line.allocations.empty());
  // Everything not cancelled is invoiced and the invoice is still owed.
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*cancelled)), "invoiced");
  EXPECT_EQ(StatusColumn(), "invoiced");
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Money());
  EXPECT_EQ(OpenReceivables(), Dollars("200.00"));
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 100);
  EXPECT_EQ(db_.Stock("WID-100", "W2").on_hand, 30);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  // Nothing is left to cancel.
  EXPECT_EQ(db_.Cancel(order_, "again").status().code(), ErrorCode::kInvalidState);

  PayTheInvoice();
  EXPECT_EQ(StatusColumn(), "closed");
  EXPECT_EQ(OpenReceivables(), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(CancelAfterShippingTest, CancellingTheRestOfAPaidOrderClosesIt) {
  PayTheInvoice();
  ASSERT_EQ(StatusColumn(), "partially_shipped");  // 100 still to ship
  auto cancelled = db_.Cancel(order_, "the rest is not needed");
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  EXPECT_TRUE(cancelled->settled);
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*cancelled)), "closed");
  EXPECT_EQ(StatusColumn(), "closed");
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Money());
  EXPECT_EQ(OpenReceivables(), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(CancelAfterShippingTest, GoodsComeBackAgainstTheInvoiceOfACancelledOrder) {
  ASSERT_TRUE(db_.Cancel(order_, "customer changed plans").ok());
  CommandContext ctx = db_.Context("user:service");
  std::vector<ReturnRequestLine> lines = {{1, 5, "not_needed"}};
  auto rma = db_.executor().RunFor<returns::Rma>(
      [&](store::Connection& c) { return AuthorizeReturn(c, ctx, order_, invoice_, lines); });
  ASSERT_TRUE(rma.ok()) << rma.status().ToString();

  // More than shipped less what is on its way back is refused, nothing written.
  auto before = db_.Snapshot();
  std::vector<ReturnRequestLine> too_many = {{1, 16, "not_needed"}};
  auto refused = db_.executor().RunFor<returns::Rma>(
      [&](store::Connection& c) { return AuthorizeReturn(c, ctx, order_, invoice_, too_many); });
  EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(db_.Snapshot(), before);

  ReturnReceiptRequest receipt;
  receipt.warehouse = "W2";
  receipt.lines.push_back({rma->lines[0].line_no, 5, returns::Disposition::kRestock});
  CommandContext dock = db_.Context("user:dock");
  auto received = db_.executor().RunFor<ReceivedReturn>(
      [&](store::Connection& c) { return ReceiveReturn(c, dock, rma->id, receipt, std::nullopt); });
  ASSERT_TRUE(received.ok()) << received.status().ToString();
  EXPECT_EQ(received->credit_memo.total, Dollars("50.00"));
  EXPECT_EQ(db_.Stock("WID-100", "W2").on_hand, 35);
  auto order = db_.LoadOrder(order_);
  EXPECT_EQ(order->lines[0].quantity_returned, 5);
  EXPECT_EQ(order->lines[0].quantity_cancelled, 100);
  // The cancelled order stays invoiced; the memo is owed back to the customer.
  EXPECT_EQ(StatusColumn(), "invoiced");
  EXPECT_EQ(OpenReceivables(), Dollars("150.00"));
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

}  // namespace
}  // namespace ordo::flows
