// The whole order-to-cash cycle under a long random mix of operations, on a real database:
// orders (some on credit hold, some shipping complete only), cancels, hold releases,
// receipts and adjustments (which release backorders), pick lists confirmed in full or short,
// payments applied or kept unapplied and applied later, early-pay discounts, returns
// authorized and received (restocked or scrapped), credit memos applied or refunded — and,
// thrown in,
// operations the documents' states forbid, which must be refused and change nothing.
//
// Every order placed is checked against the test's own credit decision: from the customer's
// limit and on-hold flag (kept by the test) and its open order value (tax included) and open
// receivables (summed from the documents' tables with the checker's arithmetic, not read from
// customer_balances), the order must get a credit hold exactly when the customer is on hold
// or its exposure with the order would pass the limit.
//
// After every step the invariant checker (tests/support/invariants.h) must find nothing wrong:
// no negative stock, allocations equal to open order allocations, shipped <= ordered -
// cancelled, invoiced == shipped, returned <= shipped, every journal entry balanced, each
// customer's receivables ledger equal to its open invoice balances less its unapplied cash
// and open credit memos, numbers without gaps.
// The seed is printed, so a failure can be replayed (ORDO_RANDOM_SEED, ORDO_RANDOM_STEPS).
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "customers/customer_repository.h"
#include "customers/customer_update.h"
#include "flows/credit_memo_settlement.h"
#include "flows/order_changes.h"
#include "flows/order_shipment.h"
#include "flows/payments.h"
#include "flows/return_authorization.h"
#include "flows/return_receipt.h"
#include "flows/stock_changes.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "ledger/trial_balance.h"
#include "receivables/payment_repository.h"
#include "returns/return_repository.h"
#include "store/query.h"
#include "support/checker_arithmetic.h"
#include "support/invariants.h"
#include "support/test_db.h"
#include "views/invoice_view.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::OrderFor;
using test_support::SimpleCustomer;

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

class OrderToCashRandomTest : public ::testing::Test {
 protected:
  OrderToCashRandomTest() : rng_(EnvInt("ORDO_RANDOM_SEED", 20261201)) {
    // The movements' item index takes in its tail every 16 movements, so that the checks after
    // each step see it done in the middle of every kind of command.
    db_.Connect()->Execute("UPDATE stock_movements_indexed SET batch = 16");
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    const char* prices[] = {"10.00", "2.1250", "0.3333", "125.00", "7.99", "19.95"};
    for (int i = 0; i < 6; ++i) {
      price_units_["SKU-" + std::to_string(i)] = Dollars(prices[i]).units();
      catalog::NewItem item;
      item.sku = "SKU-" + std::to_string(i);
      item.name = "Item " + std::to_string(i);
      item.list_price = Dollars(prices[i]);
      item.cost = item.list_price.MulRatio(6, 10);
      item.tax_class = i % 2 ? "reduced" : "standard";
      db_.AddItem(item);
      skus_.push_back(item.sku);
    }
    db_.SetTaxRate("NY", "standard", "8.875");
    db_.SetTaxRate("NY", "reduced", "4");
    const char* terms[] = {"NET30", "2/10NET30", "DUE_ON_RECEIPT", "NET60"};
    for (int i = 0; i < 5; ++i) {
      customers::NewCustomer c =
          SimpleCustomer("C-" + std::to_string(i), i == 4 ? "300.00" : "100000.00");
      c.ship_tos[0].address.region = i % 2 ? "NY" : "TX";
      c.payment_terms = terms[i % 4];
      c.tax_exempt = i == 3;
      db_.AddCustomer(c);
      customers_.push_back(c.code);
      limit_units_.push_back(c.credit_limit.units());
      on_hold_.push_back(false);
    }
  }

  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int percent) { return Pick(100) < percent; }
  CommandContext Ctx(std::string_view actor = "user:clerk") { return db_.Context(actor); }

  template <typename T>
  Result<T> Run(std::function<Result<T>(store::Connection&)> command) {
    return db_.executor().RunFor<T>(std::move(command));
  }

  std::vector<int64_t> Ids(const std::string& sql) {
    std::vector<int64_t> out;
    store::Query q(db_.reader(), sql);
    while (q.Next()) out.push_back(q.Int(0));
    return out;
  }
  template <typename T>
  std::optional<T> AnyOf(const std::vector<T>& v) {
    if (v.empty()) return std::nullopt;
    return v[Pick(static_cast<int>(v.size()))];
  }

  // One random operation; returns its name for the failure message.
  std::string Step() {
    int op = Pick(100);
    if (op < 25) return PlaceOrder();
    if (op < 32) return Receive();
    if (op < 35) return Adjust();
    if (op < 40) return CancelOrder();
    if (op < 43) return ReleaseHold();
    if (op < 63) return Ship();
    if (op < 78) return Pay();
    if (op < 82) return ApplyUnapplied();
    if (op < 86) return AuthorizeReturn();
    if (op < 89) return ReceiveReturn();
    if (op < 92) return SettleCreditMemo();
    return Forbidden();
  }

  // What the customer owes on open orders: each line's extension of what is neither
  // cancelled nor invoiced, rounded half-even on its own (USD), and its tax at the line's rate.
  int64_t OpenOrderUnits(const std::string& customer) {
    store::Query q(db_.reader(),
                   "SELECT l.unit_price, l.quantity - l.quantity_cancelled - l.quantity_invoiced, "
                   "l.tax_rate_ppm FROM order_lines l JOIN orders o ON o.id = l.order_id "
                   "JOIN customers c ON c.id = o.customer_id WHERE c.code = ?",
                   customer);
    int64_t sum = 0;
    while (q.Next()) {
      const int64_t open = test_support::ExpectedExtension(q.Int(0), q.Int(1), 2);
      sum += open + test_support::ExpectedTax(open, q.Int(2), 2);
    }
    return sum;
  }

  // What the customer owes on its documents: open invoice balances, less unapplied cash and
  // what its credit memos still owe it.
  int64_t OpenReceivableUnits(const std::string& customer) {
    store::Query q(db_.reader(),
                   "SELECT COALESCE((SELECT SUM(v.total - v.amount_paid - v.discount_taken - "
                   "v.amount_credited) FROM invoices v WHERE v.customer_id = c.id "
                   "AND v.status <> 'void'), 0) - "
                   "COALESCE((SELECT SUM(p.amount - p.amount_applied) FROM payments p "
                   "WHERE p.customer_id = c.id), 0) - "
                   "COALESCE((SELECT SUM(m.total - m.amount_applied - m.amount_refunded) "
                   "FROM credit_memos m WHERE m.customer_id = c.id), 0) "
                   "FROM customers c WHERE c.code = ?",
                   customer);
    return q.Next() ? q.Int(0) : 0;
  }

  // A credit manager's change to a customer's on-hold flag or credit limit.
  void PatchCustomer(int customer, const customers::CustomerPatch& patch) {
    auto c = customers::FindCustomerByCode(db_.reader(), customers_[customer]);
    ASSERT_TRUE(c.has_value());
    CommandContext ctx = Ctx("user:credit");
    Status st = db_.executor().Run([&](store::Connection& conn) {
      return customers::UpdateCustomer(conn, ctx, c->id, patch, std::nullopt).status();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
    if (patch.on_hold) on_hold_[customer] = *patch.on_hold;
    if (patch.credit_limit) limit_units_[customer] = patch.credit_limit->units();
  }
  void SetLimit(int customer, int64_t units) {
    customers::CustomerPatch patch;
    patch.credit_limit = Money::FromUnits(units);
    PatchCustomer(customer, patch);
  }

  std::string PlaceOrder() {
    std::vector<test_support::LineSpec> lines;
    int n = 1 + Pick(3);
    for (int i = 0; i < n; ++i) {
      std::string sku = skus_[(Pick(6) + i) % 6];
      bool dup = false;
      for (const auto& l : lines) dup = dup || l.sku == sku;
      if (!dup) lines.push_back({sku, std::to_string(1 + Pick(30))});
    }
    const int customer = Pick(5);
    const std::string& code = customers_[customer];
    if (on_hold_[customer] ? Chance(30) : Chance(3)) {  // a hold lasts a few orders
      customers::CustomerPatch patch;
      patch.on_hold = !on_hold_[customer];
      PatchCustomer(customer, patch);
    }
    auto request = OrderFor(code, lines);
    request.allow_partial_shipment = !Chance(15);

    // The test's own credit decision, before the order exists, on what the customer will owe
    // for it: its value and its tax (C-1 ships to NY and is taxed; C-3 ships to NY but is
    // exempt; the others ship to TX, which has no rate).
    int64_t value = 0;  // customers here have no tier: every line at list price
    int64_t tax = 0;
    for (const auto& l : lines) {
      const int64_t extension =
          test_support::ExpectedExtension(price_units_[l.sku], std::stoll(l.quantity), 2);
      value += extension;
      const bool standard = std::stoi(l.sku.substr(4)) % 2 == 0;
      const int64_t rate = customer == 1 ? (standard ? 88'750 : 40'000) : 0;
      tax += test_support::ExpectedTax(extension, rate, 2);
    }
    const int64_t owed = value + tax;
    const int64_t open_orders = OpenOrderUnits(code);
    const int64_t receivables = OpenReceivableUnits(code);
    // Now and then the limit is moved to where what the customer owes on its invoices decides:
    // above its open orders with this one, and either below the whole exposure (a hold that
    // only the receivables explain) or exactly at it (no hold); it is put back afterwards.
    const int64_t usual_limit = limit_units_[customer];
    const bool probe = receivables > 0 && !on_hold_[customer] && Chance(25);
    if (probe) {
      const int64_t cents_of_half = receivables / 2 / 100 * 100;
      SetLimit(customer, open_orders + owed + (Chance(50) ? cents_of_half : receivables));
    }
    const int64_t limit = limit_units_[customer];
    const bool over_limit = open_orders + receivables + owed > limit;
    const bool must_hold = on_hold_[customer] || over_limit;

    auto placed = db_.Place(request);
    if (probe) SetLimit(customer, usual_limit);
    EXPECT_TRUE(placed.ok()) << placed.status().ToString();
    if (!placed.ok()) return "place";
    EXPECT_EQ(placed->subtotal.units(), value) << placed->number;
    EXPECT_EQ(placed->tax.units(), tax) << placed->number;
    const bool held = placed->ActiveHold("credit") != nullptr;
    EXPECT_EQ(held, must_hold) << placed->number << " for " << code << ": on hold "
                               << on_hold_[customer] << ", open orders " << open_orders
                               << ", receivables " << receivables << ", order " << owed
                               << ", limit " << limit;
    if (held && !on_hold_[customer] && open_orders + owed <= limit) {
      return "place (held for receivables)";
    }
    if (probe) return "place (at the limit)";
    return held ? "place (held)" : "place";
  }

  std::string Receive() {
    inventory::Receipt r;
    r.warehouse = Chance(60) ? "W1" : "W2";
    r.reference = "PO";
    r.lines.push_back({skus_[Pick(6)], 1 + Pick(60)});
    CommandContext ctx = Ctx("user:receiver");
    auto done =
        Run<BackorderRelease>([&](store::Connection& c) { return flows::ReceiveStock(c, ctx, r); });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return "receive";
  }

  std::string Adjust() {
    inventory::Adjustment a;
    a.warehouse = Chance(50) ? "W1" : "W2";
    a.sku = skus_[Pick(6)];
    a.quantity_delta = Pick(21) - 10;
    a.reason = "count";
    CommandContext ctx = Ctx("user:counter");
    auto done =
        Run<BackorderRelease>([&](store::Connection& c) { return flows::AdjustStock(c, ctx, a); });
    // A count below what is allocated is refused; anything else goes through.
    if (!done.ok()) {
      EXPECT_TRUE(done.status().code() == ErrorCode::kInsufficientStock ||
                  done.status().code() == ErrorCode::kInvalidArgument)
          << done.status().ToString();
    }
    return "adjust";
  }

  std::string CancelOrder() {
    auto id =
        AnyOf(Ids("SELECT id FROM orders WHERE status IN "
                  "('open', 'backordered', 'on_hold', 'partially_shipped')"));
    if (!id) return "cancel (none)";
    auto done = db_.Cancel(OrderId(*id), "customer changed plans");
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return "cancel";
  }

  std::string ReleaseHold() {
    auto id = AnyOf(Ids("SELECT order_id FROM order_holds WHERE released_at IS NULL"));
    if (!id) return "release (none)";
    auto done = db_.ReleaseHold(OrderId(*id), "credit", "approved");
    EXPECT_TRUE(done.ok() || done.status().code() == ErrorCode::kInvalidState)
        << done.status().ToString();
    return "release";
  }

  std::string Ship() {
    auto row =
        AnyOf(Ids("SELECT DISTINCT a.warehouse_id * 1000000 + l.order_id "
                  "FROM order_allocations a JOIN order_lines l ON l.id = a.order_line_id"));
    if (!row) return "ship (none)";
    OrderId order(*row % 1000000);
    std::string warehouse = *row / 1000000 == 1 ? "W1" : "W2";
    CommandContext ctx = Ctx("user:picker");
    auto s = Run<fulfillment::Shipment>(
        [&](store::Connection& c) { return CreateShipment(c, ctx, order, warehouse); });
    if (!s.ok()) {
      // Ships complete only and not fully allocated, or already on an open pick list.
      EXPECT_EQ(s.status().code(), ErrorCode::kInvalidState) << s.status().ToString();
      return "ship (refused)";
    }
    ShipmentConfirmation c;
    c.carrier = "UPS";
    c.service = "Ground";
    c.tracking_number = "1Z";
    c.packages = {{"2.5"}};
    c.freight = Chance(30) ? Dollars("9.95") : Money();
    if (Chance(25)) {
      for (const auto& l : s->lines)
        c.lines.push_back({l.line_no, Pick(static_cast<int>(l.quantity) + 1)});
      int64_t total = 0;
      for (const auto& l : c.lines) total += l.quantity;
      if (total == 0) c.lines[0].quantity = 1;
    }
    bool short_ship = false;
    for (const auto& l : c.lines) {
      for (const auto& sl : s->lines)
        short_ship |= sl.line_no == l.line_no && l.quantity < sl.quantity;
    }
    auto confirm = [&] {
      return Run<ConfirmedShipment>([&](store::Connection& conn) {
        return ConfirmShipment(conn, ctx, s->id, c, std::nullopt);
      });
    };
    bool complete_only = db_.LoadOrder(order)->allow_partial_shipment == false;
    if (short_ship && complete_only) {
      // An order that ships complete never ships short: refused, nothing written; in full then.
      auto before = db_.Snapshot();
      EXPECT_EQ(confirm().status().code(), ErrorCode::kInvalidState);
      EXPECT_EQ(db_.Snapshot(), before);
      c.lines.clear();
      short_ship = false;
    }
    auto done = confirm();
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return short_ship ? "ship short" : "ship";
  }

  std::string Pay() {
    auto id = AnyOf(Ids("SELECT id FROM invoices WHERE status = 'open'"));
    if (!id) return "pay (none)";
    auto v = *views::LoadInvoice(db_.reader(), invoicing::InvoiceId(*id));
    PaymentRequest r;
    r.customer = v.customer_code;
    r.method = "check";
    Money balance = v.balance();
    Money discount = invoicing::EarlyPayDiscountAllowed(db_.reader(), v, DateOf(db_.clock().Now()));
    if (discount.is_negative() || discount > balance || Chance(50)) discount = Money();
    Money cash = balance - discount;
    int kind = Pick(4);
    if (kind == 0) {  // partial
      cash = Money::FromUnits((cash.units() / 2 / 100) * 100);
      discount = Money();
    }
    r.amount = kind == 1 ? cash + Dollars("5.00") : cash;  // over-payment: 5.00 unapplied
    if (r.amount.is_zero()) return "pay (nothing)";
    if (!cash.is_zero() || !discount.is_zero())
      r.applications.push_back({v.number, cash, discount});
    CommandContext ctx = Ctx("user:ar");
    auto done =
        Run<receivables::Payment>([&](store::Connection& c) { return ReceivePayment(c, ctx, r); });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return kind == 0 ? "pay partial" : kind == 1 ? "pay over" : "pay";
  }

  std::string ApplyUnapplied() {
    auto pid = AnyOf(Ids("SELECT id FROM payments WHERE amount_applied < amount"));
    if (!pid) return "apply (none)";
    auto p = *receivables::LoadPayment(db_.reader(), receivables::PaymentId(*pid));
    store::Query q(db_.reader(),
                   "SELECT number, total - amount_paid - discount_taken - amount_credited "
                   "FROM invoices WHERE customer_id = ? AND status = 'open' LIMIT 1",
                   p.customer);
    if (!q.Next()) return "apply (no invoice)";
    Money amount = std::min(p.unapplied(), q.Amount(1));
    std::vector<ApplicationRequest> apps = {{q.Text(0), amount, Money()}};
    CommandContext ctx = Ctx("user:ar");
    auto done = Run<receivables::Payment>(
        [&](store::Connection& c) { return ApplyPayment(c, ctx, p.id, apps, p.version); });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return "apply";
  }

  std::string AuthorizeReturn() {
    store::Query q(db_.reader(),
                   "SELECT l.order_id, l.line_no, l.quantity_shipped - l.quantity_returned - "
                   "COALESCE((SELECT SUM(rl.quantity - rl.quantity_received) FROM return_lines rl "
                   "JOIN returns r ON r.id = rl.return_id WHERE rl.order_line_id = l.id "
                   "AND r.status = 'authorized'), 0) FROM order_lines l "
                   "WHERE l.quantity_shipped > 0 ORDER BY l.id");
    std::vector<std::tuple<int64_t, int, int64_t>> candidates;
    while (q.Next()) {
      if (q.Int(2) > 0) candidates.emplace_back(q.Int(0), static_cast<int>(q.Int(1)), q.Int(2));
    }
    auto pick = AnyOf(candidates);
    if (!pick) return "return (none)";
    auto [order, line_no, returnable] = *pick;
    // Now and then one more than may come back: refused, nothing written.
    bool too_many = Chance(10);
    int64_t quantity = too_many ? returnable + 1 : 1 + Pick(static_cast<int>(returnable));
    std::vector<ReturnRequestLine> lines = {
        {line_no, quantity, Chance(50) ? "damaged" : "not_needed"}};
    CommandContext ctx = Ctx("user:service");
    auto before = db_.Snapshot();
    auto done = Run<returns::Rma>([&](store::Connection& c) {
      return flows::AuthorizeReturn(c, ctx, OrderId(order), std::nullopt, lines);
    });
    if (too_many) {
      EXPECT_EQ(done.status().code(), ErrorCode::kInvalidArgument) << done.status().ToString();
      EXPECT_EQ(db_.Snapshot(), before);
      return "return too many";
    }
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return "return";
  }

  std::string ReceiveReturn() {
    auto id = AnyOf(Ids("SELECT id FROM returns WHERE status = 'authorized'"));
    if (!id) return "receive return (none)";
    auto rma = *returns::LoadReturn(db_.reader(), returns::ReturnId(*id));
    ReturnReceiptRequest r;
    r.warehouse = Chance(50) ? "W1" : "W2";
    for (const auto& l : rma.lines) {
      int64_t awaited = l.quantity - l.quantity_received;
      if (awaited <= 0) continue;
      int64_t now = 1 + Pick(static_cast<int>(awaited));
      r.lines.push_back(
          {l.line_no, now,
           Chance(70) ? returns::Disposition::kRestock : returns::Disposition::kScrap});
    }
    CommandContext ctx = Ctx("user:dock");
    auto done = Run<ReceivedReturn>([&](store::Connection& c) {
      return flows::ReceiveReturn(c, ctx, rma.id, r, std::nullopt);
    });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return "receive return";
  }

  std::string SettleCreditMemo() {
    auto id = AnyOf(Ids("SELECT id FROM credit_memos WHERE status = 'open'"));
    if (!id) return "credit memo (none)";
    auto memo = *invoicing::LoadCreditMemo(db_.reader(), invoicing::CreditMemoId(*id));
    CommandContext ctx = Ctx("user:ar");
    store::Query q(db_.reader(),
                   "SELECT number, total - amount_paid - discount_taken - amount_credited "
                   "FROM invoices WHERE customer_id = ? AND status = 'open' LIMIT 1",
                   memo.customer);
    if (q.Next() && Chance(60)) {
      std::vector<MemoApplication> apps = {{q.Text(0), std::min(memo.balance(), q.Amount(1))}};
      auto done = Run<invoicing::CreditMemo>([&](store::Connection& c) {
        return flows::ApplyCreditMemo(c, ctx, memo.id, apps, memo.version);
      });
      EXPECT_TRUE(done.ok()) << done.status().ToString();
      return "apply credit";
    }
    MemoRefund refund{memo.balance(), "ach", "refund"};
    auto done = Run<invoicing::CreditMemo>([&](store::Connection& c) {
      return flows::RefundCreditMemo(c, ctx, memo.id, refund, memo.version);
    });
    EXPECT_TRUE(done.ok()) << done.status().ToString();
    return "refund";
  }

  // Something the documents' states forbid: refused with the right code, nothing written.
  std::string Forbidden() {
    auto before = db_.Snapshot();
    int kind = Pick(4);
    std::string name;
    if (kind == 0) {
      auto id = AnyOf(Ids("SELECT id FROM shipments WHERE status = 'shipped'"));
      if (!id) return "forbidden (none)";
      CommandContext ctx = Ctx("user:picker");
      ShipmentConfirmation c;
      c.carrier = "UPS";
      c.service = "G";
      c.tracking_number = "1";
      c.packages = {{"1"}};
      auto done = Run<ConfirmedShipment>([&](store::Connection& conn) {
        return ConfirmShipment(conn, ctx, ShipmentId(*id), c, std::nullopt);
      });
      EXPECT_EQ(done.status().code(), ErrorCode::kInvalidState);
      name = "confirm twice";
    } else if (kind == 1) {
      auto id =
          AnyOf(Ids("SELECT id FROM orders WHERE status IN ('cancelled', 'invoiced', "
                    "'closed', 'shipped')"));
      if (!id) return "forbidden (none)";
      EXPECT_EQ(db_.Cancel(OrderId(*id), "late").status().code(), ErrorCode::kInvalidState);
      name = "cancel finished order";
    } else if (kind == 2) {
      auto id = AnyOf(Ids("SELECT id FROM invoices"));
      if (!id) return "forbidden (none)";
      auto v = *views::LoadInvoice(db_.reader(), invoicing::InvoiceId(*id));
      PaymentRequest r;
      r.customer = v.customer_code;
      r.method = "wire";
      r.amount = v.balance() + Dollars("1.00");
      r.applications.push_back({v.number, v.balance() + Dollars("0.01"), Money()});
      CommandContext ctx = Ctx("user:ar");
      auto done = Run<receivables::Payment>(
          [&](store::Connection& c) { return ReceivePayment(c, ctx, r); });
      EXPECT_EQ(done.status().code(), ErrorCode::kInvalidArgument);
      name = "overpay an invoice";
    } else {
      auto id = AnyOf(Ids("SELECT id FROM orders WHERE status = 'cancelled'"));
      if (!id) return "forbidden (none)";
      CommandContext ctx = Ctx("user:picker");
      auto s = Run<fulfillment::Shipment>(
          [&](store::Connection& c) { return CreateShipment(c, ctx, OrderId(*id), "W1"); });
      EXPECT_EQ(s.status().code(), ErrorCode::kInvalidState);
      name = "ship a cancelled order";
    }
    EXPECT_EQ(db_.Snapshot(), before) << name;
    return name;
  }

  test_support::TestDb db_;
  std::mt19937 rng_;
  std::vector<std::string> skus_;
  std::vector<std::string> customers_;
  std::map<std::string, int64_t> price_units_;  // list price by SKU
  std::vector<int64_t> limit_units_;            // credit limit by customer index
  std::vector<bool> on_hold_;                   // customer on hold, by customer index
};

TEST_F(OrderToCashRandomTest, InvariantsHoldAfterEveryStep) {
  const int seed = EnvInt("ORDO_RANDOM_SEED", 20261201);
  const int steps = EnvInt("ORDO_RANDOM_STEPS", 2000);
  std::map<std::string, int> counts;
  for (int i = 0; i < steps; ++i) {
    if (i % 40 == 0) db_.clock().AdvanceSeconds(86'400);  // days pass: terms and aging move
    std::string op = Step();
    counts[op]++;
    ASSERT_TRUE(test_support::InvariantsHold(db_.reader()))
        << "seed " << seed << ", step " << i << ": " << op;
    if (::testing::Test::HasFailure()) FAIL() << "seed " << seed << ", step " << i << ": " << op;
  }
  auto tb = ledger::LoadTrialBalance(db_.reader(), std::nullopt);
  EXPECT_TRUE(tb.balanced());
  // The mix really exercised the cycle (thresholds for the default 2000 steps, scaled).
  auto at_least = [steps](int per_2000) { return per_2000 * steps / 2000; };
  EXPECT_GT(counts["ship"] + counts["ship short"], at_least(50));
  EXPECT_GT(counts["ship short"], at_least(5));
  EXPECT_GT(counts["pay"] + counts["pay partial"] + counts["pay over"], at_least(50));
  EXPECT_GT(counts["apply"], at_least(5));
  // Holds were decided both ways, and some only because of what the customer still owed.
  EXPECT_GT(counts["place"], at_least(100));
  EXPECT_GT(counts["place (held)"], at_least(10));
  EXPECT_GT(counts["place (held for receivables)"], at_least(10));
  EXPECT_GT(counts["place (at the limit)"], at_least(10));
  EXPECT_GT(counts["receive return"], at_least(10));
  EXPECT_GT(counts["apply credit"] + counts["refund"], at_least(10));
  EXPECT_GT(db_.QueryInt("SELECT COUNT(*) FROM orders WHERE status = 'closed'"), at_least(10));
  EXPECT_GT(db_.QueryInt("SELECT COUNT(*) FROM payment_applications WHERE discount > 0"),
            at_least(3));
  EXPECT_GT(db_.QueryInt("SELECT COUNT(*) FROM stock_movements WHERE kind = 'return'"),
            at_least(5));
  std::string summary;
  for (const auto& [op, n] : counts) summary += op + "=" + std::to_string(n) + " ";
  std::cout << "seed " << seed << ": " << summary << "\n";
}

}  // namespace
}  // namespace ordo::flows
