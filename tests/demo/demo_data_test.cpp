// GenerateDemoData on real SQLite files: the data it makes, checked with SQL.
#include "demo/demo_data.h"

#include <gtest/gtest.h>

#include <string>

#include "auth/tokens.h"
#include "demo/demo_configurators.h"
#include "demo/demo_users.h"
#include "store/command_executor.h"
#include "store/migrations.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/temp_dir.h"

namespace ordo::demo {
namespace {

// A Friday afternoon: the history ends with a full business week.
Timestamp Now() {
  return *ParseRfc3339("2025-03-14T18:00:00Z");
}

DemoOptions SmallOptions(uint64_t seed = 7) {
  return DemoOptions{
      .items = 80, .customers = 12, .history_days = 30, .orders_per_day = 25, .seed = seed};
}

// A migrated database in a temp directory, generated into through a CommandExecutor.
class DemoDb {
 public:
  DemoDb() {
    auto conn = db_.Connect();
    ManualClock clock(Now());
    auto migrated = store::Migrate(*conn, clock);
    if (!migrated.ok()) throw std::runtime_error(migrated.status().ToString());
    reader_ = db_.Connect();
  }

  Result<DemoSummary> Generate(const DemoOptions& options) {
    store::CommandExecutor exec(db_.Connect());
    return GenerateDemoData(exec, options, Now());
  }

  Status AddUsers() {
    store::CommandExecutor exec(db_.Connect());
    return CreateDemoUsers(exec, Now());
  }

  store::Connection& reader() { return *reader_; }

  int64_t Int(const std::string& sql) {
    store::Query q(*reader_, sql);
    return q.Next() ? q.Int(0) : -1;
  }

 private:
  test_support::TempDb db_;
  store::ConnectionPtr reader_;
};

// Checks that hold for any run of `options` on an empty database.
void ExpectBelievableDistributor(DemoDb& db, const DemoOptions& options, const DemoSummary& s) {
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM warehouses"), 3);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM price_tiers"), 3);
  // Pricing rules that the desk shows today: lists, contracts, promotions, and every order line
  // explained.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM price_lists"), s.price_lists);
  EXPECT_EQ(s.price_lists, 2);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM contracts"), s.contracts);
  EXPECT_GT(s.contracts, 0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM promotions"), 3);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM order_lines WHERE price_explanation = ''"), 0);

  // The configurable products' SKUs come on top of the generated catalog.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM items"), options.items + DemoConfiguratorItemCount());
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM configurators"),
            static_cast<int64_t>(DemoConfigurators().size()));
  EXPECT_GT(db.Int("SELECT COUNT(DISTINCT item_id) FROM item_packs"), options.items / 2);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM items WHERE active = 0"), 0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM items WHERE cost * 100 < list_price * 44 "
                   "OR cost * 100 > list_price * 76"),
            0);

  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM customers"), options.customers);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM customers c WHERE NOT EXISTS "
                   "(SELECT 1 FROM ship_tos s WHERE s.customer_id = c.id)"),
            0);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM ship_tos"), options.customers);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM ship_tos WHERE preferred_warehouse_id IS NOT NULL"), 0);
  EXPECT_GE(db.Int("SELECT COUNT(*) FROM customers WHERE on_hold = 1"), 1);
  EXPECT_GE(db.Int("SELECT COUNT(*) FROM customers WHERE tax_exempt = 1"), 1);
  // Two resale certificates, one expired during the history (demo_tax_exemptions.h).
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM tax_exemptions"), 2);

  EXPECT_GT(db.Int("SELECT COUNT(*) FROM stock"), options.items);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM stock WHERE on_hand < 0 OR allocated < 0 "
                   "OR allocated > on_hand"),
            0);
  // The history uses part of the stock, not all of it.
  EXPECT_GT(db.Int("SELECT SUM(allocated) FROM stock"), 0);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM stock WHERE on_hand > allocated"), options.items / 2);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM stock s WHERE s.allocated <> "
                   "(SELECT COALESCE(SUM(a.quantity), 0) FROM order_allocations a "
                   " JOIN order_lines l ON l.id = a.order_line_id "
                   " WHERE l.item_id = s.item_id AND a.warehouse_id = s.warehouse_id)"),
            0);
  EXPECT_GT(db.Int("SELECT COUNT(DISTINCT reference) FROM stock_movements "
                   "WHERE kind = 'receipt'"),
            10);

  const int64_t orders = db.Int("SELECT COUNT(*) FROM orders");
  EXPECT_EQ(orders, s.orders);
  EXPECT_GT(orders, int64_t{options.history_days} * options.orders_per_day / 2);
  const int64_t now = Now().micros;
  const int64_t day = int64_t{86'400} * 1'000'000;
  const int64_t start = (now / day - options.history_days) * day;
  EXPECT_GE(db.Int("SELECT MIN(created_at) FROM orders"), start);
  EXPECT_LT(db.Int("SELECT MIN(created_at) FROM orders"), start + 4 * day);
  EXPECT_LT(db.Int("SELECT MAX(created_at) FROM orders"), now);
  EXPECT_GT(db.Int("SELECT MAX(created_at) FROM orders"), now - 4 * day);
  EXPECT_GE(db.Int("SELECT COUNT(DISTINCT channel) FROM orders"), 4);
  EXPECT_GE(db.Int("SELECT COUNT(DISTINCT created_by) FROM orders"), 4);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM order_lines l JOIN items i ON i.id = l.item_id "
                   "WHERE l.entered_uom <> i.uom"),
            0);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM order_lines WHERE price_source = 'manual' "
                   "AND override_reason IS NOT NULL"),
            0);
  // Orders are taxed at entry, the exempt institutions' not at all.
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM orders WHERE tax > 0"), orders / 2);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM orders WHERE tax_exemption = 'customer' AND tax = 0"), 0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
                   "WHERE a.entity = 'order' AND a.entity_id = o.id AND a.action = 'order.place')"),
            0);

  // Quotes: one of them with configured pallet rack bays.
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM quote_lines WHERE configuration LIKE '%PALLET-RACK%'"), 0);
  // The desk's changes of the morning, one of them adding a configured cabinet.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM audit_log WHERE action = 'order.change'"), 3);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM order_line_configurations l "
                   "JOIN configurators m ON m.id = l.configurator_id "
                   "JOIN audit_log a ON a.entity = 'order' AND a.entity_id = l.order_id "
                   "AND a.action = 'order.change' WHERE m.code = 'SAFETY-CABINET'"),
            0);

  const int64_t cancelled = db.Int("SELECT COUNT(*) FROM orders WHERE cancel_reason IS NOT NULL");
  EXPECT_EQ(cancelled, s.cancelled_orders);
  EXPECT_GT(cancelled, 0);
  EXPECT_LT(cancelled, orders / 10);
  EXPECT_EQ(db.Int("SELECT COUNT(DISTINCT order_id) FROM order_holds"), s.held_orders);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM order_holds h JOIN orders o ON o.id = h.order_id "
                   "WHERE h.released_at IS NULL AND o.cancel_reason IS NULL"),
            0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM order_holds WHERE released_at IS NOT NULL"),
            s.released_holds);
  EXPECT_GT(s.released_holds, 0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM order_holds h JOIN orders o ON o.id = h.order_id "
                   "WHERE h.released_by = o.created_by"),
            0);

  // The back office shipped, invoiced and collected: every shipped shipment has its invoice,
  // many invoices are paid, some with an early-pay discount, some are still open.
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM shipments WHERE status = 'shipped'"), s.shipments);
  EXPECT_GT(s.shipments, orders / 2);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM invoices"), s.shipments);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM payments"), s.payments);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM invoices WHERE status = 'paid'"), 0);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM invoices WHERE status = 'open'"), 0);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM payment_applications WHERE discount > 0"), 0);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM orders WHERE status = 'closed'"), 0);
  // Returns of the last days: memos open, applied and refunded, and an RMA still awaited.
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM credit_memos WHERE status = 'open'"), 0);
  EXPECT_GT(db.Int("SELECT COUNT(*) FROM credit_memos WHERE status = 'applied'"), 0);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM credit_memos WHERE status = 'refunded'"), 1);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM returns WHERE status = 'authorized'"), 1);
  EXPECT_TRUE(test_support::InvariantsHold(db.reader()));
}

TEST(DemoDataTest, DefaultOptionsMakeABelievableDistributor) {
  DemoDb db;
  const DemoOptions options;
  auto summary = db.Generate(options);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_GE(summary->items, 500);
  EXPECT_GE(summary->customers, 50);
  ExpectBelievableDistributor(db, options, *summary);
}

TEST(DemoDataTest, SmallOptionsMakeABelievableDistributor) {
  DemoDb db;
  const DemoOptions options = SmallOptions();
  auto summary = db.Generate(options);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ExpectBelievableDistributor(db, options, *summary);
}

TEST(DemoDataTest, EveryDemoUserLogsInWithItsListedPassword) {
  DemoDb db;
  ASSERT_TRUE(db.Generate(SmallOptions()).ok());
  ASSERT_TRUE(db.AddUsers().ok());
  for (const auto& u : DemoUsers()) {
    auto token = auth::IssueToken(db.reader(), u.username, u.password, Now());
    ASSERT_TRUE(token.ok()) << u.username << ": " << token.status().ToString();
    auto who = auth::Authenticate(db.reader(), token->token, Now());
    ASSERT_TRUE(who.ok()) << u.username;
    EXPECT_EQ(who->username, u.username);
    EXPECT_EQ(who->customer_id.has_value(), !u.customer.empty()) << u.username;
    EXPECT_FALSE(auth::IssueToken(db.reader(), u.username, "wrong-password", Now()).ok());
  }
}

TEST(DemoDataTest, SameSeedGivesSameData) {
  const std::string fingerprint =
      "SELECT (SELECT COUNT(*) FROM orders) || '/' || (SELECT SUM(subtotal) FROM orders) || '/' "
      "|| (SELECT COUNT(*) FROM order_lines) || '/' || (SELECT SUM(on_hand) FROM stock) || '/' "
      "|| (SELECT SUM(allocated) FROM stock) || '/' || (SELECT COUNT(*) FROM order_holds) "
      "|| '/' || (SELECT SUM(credit_limit) FROM customers) || '/' "
      "|| (SELECT group_concat(sku, ',') FROM (SELECT sku FROM items ORDER BY id))";
  auto run = [&](uint64_t seed) {
    DemoDb db;
    auto summary = db.Generate(SmallOptions(seed));
    EXPECT_TRUE(summary.ok()) << summary.status().ToString();
    store::Query q(db.reader(), fingerprint);
    EXPECT_TRUE(q.Next());
    return q.Text(0);
  };
  const std::string first = run(7);
  EXPECT_EQ(first, run(7));
  EXPECT_NE(first, run(8));
}

TEST(DemoDataTest, RefusesADatabaseThatHasData) {
  DemoDb db;
  auto first = db.Generate(SmallOptions());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const int64_t orders = db.Int("SELECT COUNT(*) FROM orders");
  const int64_t audit = db.Int("SELECT COUNT(*) FROM audit_log");

  auto second = db.Generate(SmallOptions(99));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM orders"), orders);
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM audit_log"), audit);
}

TEST(DemoDataTest, RejectsOptionsOutOfRange) {
  DemoDb db;
  DemoOptions options;
  options.items = 3;
  options.history_days = 0;
  auto result = db.Generate(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), ErrorCode::kInvalidArgument);
  ASSERT_EQ(result.status().errors().size(), 2u);
  EXPECT_EQ(result.status().errors()[0].field, "items");
  EXPECT_EQ(result.status().errors()[1].field, "history_days");
  EXPECT_EQ(db.Int("SELECT COUNT(*) FROM items"), 0);
}

}  // namespace
}  // namespace ordo::demo
