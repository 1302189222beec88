// Backorder release on a real database: stock that arrives (receipt, positive adjustment,
// cancellation) is allocated to backordered lines in priority order, in the same command.
#include "flows/backorder_release.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "flows/order_shipment.h"
#include "flows/stock_changes.h"
#include "orders/order.h"
#include "orders/order_json.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::OrderFor;
using test_support::SimpleCustomer;

class BackorderReleaseTest : public ::testing::Test {
 protected:
  BackorderReleaseTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddItem("WID-100", "10.00");
    db_.AddItem("BOLT-7", "1.00");
    db_.AddCustomer(SimpleCustomer("C-1", "1000000.00"));
    db_.AddCustomer(SimpleCustomer("C-W2", "1000000.00", "W2"));
    auto held = SimpleCustomer("C-HOLD", "1000000.00");
    held.on_hold = true;
    db_.AddCustomer(held);
  }

  // Places an order; every test order is valid.
  orders::Order Place(const std::string& customer, const std::vector<test_support::LineSpec>& lines,
                      std::optional<std::string> requested_date = std::nullopt,
                      bool allow_partial_shipment = true) {
    auto request = OrderFor(customer, lines);
    request.requested_date = std::move(requested_date);
    request.allow_partial_shipment = allow_partial_shipment;
    db_.clock().AdvanceSeconds(1);
    auto placed = db_.Place(request);
    if (!placed.ok()) ADD_FAILURE() << placed.status().ToString();
    return placed.ok() ? *placed : orders::Order{};
  }

  Result<BackorderRelease> Receive(const std::string& warehouse,
                                   std::vector<inventory::ReceiptLine> lines) {
    db_.clock().AdvanceSeconds(1);
    inventory::Receipt receipt{warehouse, std::move(lines), "PO-1"};
    CommandContext ctx = db_.Context("user:receiving");
    return db_.executor().RunFor<BackorderRelease>(
        [&](store::Connection& c) { return flows::ReceiveStock(c, ctx, receipt); });
  }

  Result<BackorderRelease> Adjust(const std::string& warehouse, const std::string& sku,
                                  int64_t delta) {
    db_.clock().AdvanceSeconds(1);
    inventory::Adjustment adjustment{warehouse, sku, delta, "cycle count"};
    CommandContext ctx = db_.Context("user:counter");
    return db_.executor().RunFor<BackorderRelease>(
        [&](store::Connection& c) { return flows::AdjustStock(c, ctx, adjustment); });
  }

  orders::Order Load(OrderId id) {
    auto order = db_.LoadOrder(id);
    if (!order) ADD_FAILURE() << "no order " << id.value();
    return order.value_or(orders::Order{});
  }

  int64_t Allocated(OrderId id, int line_no = 1) {
    return Load(id).lines.at(static_cast<size_t>(line_no - 1)).quantity_allocated();
  }

  // orders.status as stored.
  std::string StoredStatus(OrderId id) {
    store::Query q(db_.reader(), "SELECT status FROM orders WHERE id = ?", id);
    return q.Next() ? q.Text(0) : "";
  }

  std::string DerivedStatus(OrderId id) {
    return std::string(orders::StatusName(orders::DeriveStatus(Load(id))));
  }

  std::vector<std::string> EventTypes(OrderId id) {
    std::vector<std::string> out;
    for (const auto& e : events::ForEntity(db_.reader(), "order", id.value())) {
      out.push_back(e.type);
    }
    return out;
  }

  std::vector<std::string> AuditActions(OrderId id) {
    std::vector<std::string> out;
    for (const auto& a : audit::ForEntity(db_.reader(), "order", id.value())) {
      out.push_back(a.action);
    }
    return out;
  }

  int64_t Available(const std::string& sku, const std::string& warehouse) {
    auto s = db_.Stock(sku, warehouse);
    return s.on_hand - s.allocated;
  }

  test_support::TestDb db_;
};

TEST_F(BackorderReleaseTest, ReceiptAllocatesABackorderedOrderAndRecordsIt) {
  orders::Order order = Place("C-1", {{"WID-100", "5"}});
  ASSERT_EQ(StoredStatus(order.id), "backordered");
  ASSERT_EQ(order.version, 1);

  auto released = Receive("W1", {{"WID-100", 5}});
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  ASSERT_EQ(released->allocations.size(), 1u);
  EXPECT_EQ(released->allocations[0].order, order.id);
  EXPECT_EQ(released->allocations[0].number, order.number);
  EXPECT_EQ(released->allocations[0].line_no, 1);
  EXPECT_EQ(released->allocations[0].quantity, 5);
  EXPECT_EQ(released->total(), 5);

  orders::Order stored = Load(order.id);
  EXPECT_EQ(stored.lines[0].quantity_allocated(), 5);
  ASSERT_EQ(stored.lines[0].allocations.size(), 1u);
  EXPECT_EQ(stored.lines[0].allocations[0].warehouse_code, "W1");
  EXPECT_EQ(StoredStatus(order.id), "open");
  EXPECT_EQ(DerivedStatus(order.id), "open");
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(stored.updated_at, db_.clock().Now());
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 5);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 5);

  store::Query movement(db_.reader(),
                        "SELECT kind, quantity, order_id, actor FROM stock_movements "
                        "ORDER BY id DESC LIMIT 1");
  ASSERT_TRUE(movement.Next());
  EXPECT_EQ(movement.Text(0), "allocate");
  EXPECT_EQ(movement.Int(1), 5);
  EXPECT_EQ(movement.Int(2), order.id.value());
  EXPECT_EQ(movement.Text(3), "user:receiving");

  EXPECT_EQ(AuditActions(order.id), (std::vector<std::string>{"order.place", "order.allocate"}));
  auto audit = audit::ForEntity(db_.reader(), "order", order.id.value());
  EXPECT_EQ(audit[1].actor, "user:receiving");
  EXPECT_EQ(audit[1].before["status"], "backordered");
  EXPECT_EQ(audit[1].after["status"], "open");
  EXPECT_EQ(audit[1].after, orders::ToJson(stored));

  EXPECT_EQ(EventTypes(order.id), (std::vector<std::string>{"order.created", "order.allocated"}));
  auto events = events::ForEntity(db_.reader(), "order", order.id.value());
  const nlohmann::json& payload = events[1].payload;
  EXPECT_EQ(payload["id"], order.id.value());
  EXPECT_EQ(payload["number"], order.number);
  EXPECT_EQ(payload["quantity"], 5);
  EXPECT_EQ(payload["reason"], "backorder_release");
  EXPECT_EQ(payload["lines"],
            (nlohmann::json::array(
                {{{"line_no", 1}, {"sku", "WID-100"}, {"warehouse", "W1"}, {"quantity", 5}}})));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, PriorityIsRequestedDateThenOrderAgeThenLine) {
  orders::Order undated = Place("C-1", {{"WID-100", "2"}});
  orders::Order late = Place("C-1", {{"WID-100", "2"}}, "2026-04-20");
  orders::Order early = Place("C-1", {{"WID-100", "2"}}, "2026-04-10");
  orders::Order early_newer = Place("C-1", {{"WID-100", "1"}, {"WID-100", "1"}}, "2026-04-10");

  ASSERT_TRUE(Receive("W1", {{"WID-100", 3}}).ok());
  EXPECT_EQ(Allocated(early.id), 2);
  EXPECT_EQ(Allocated(early_newer.id, 1), 1);
  EXPECT_EQ(Allocated(early_newer.id, 2), 0);
  EXPECT_EQ(Allocated(late.id), 0);
  EXPECT_EQ(Allocated(undated.id), 0);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  ASSERT_TRUE(Receive("W1", {{"WID-100", 3}}).ok());
  EXPECT_EQ(Allocated(early_newer.id, 2), 1);
  EXPECT_EQ(Allocated(late.id), 2);
  EXPECT_EQ(Allocated(undated.id), 0);
  EXPECT_EQ(StoredStatus(undated.id), "backordered");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  ASSERT_TRUE(Receive("W1", {{"WID-100", 10}}).ok());
  EXPECT_EQ(Allocated(undated.id), 2);
  for (OrderId id : {undated.id, late.id, early.id, early_newer.id}) {
    EXPECT_EQ(StoredStatus(id), "open") << id.value();
  }
  EXPECT_EQ(Available("WID-100", "W1"), 8);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, LessThanNeededIsAllocatedAndTheRestStaysBackordered) {
  orders::Order order = Place("C-1", {{"WID-100", "10"}});
  auto released = Receive("W1", {{"WID-100", 4}});
  ASSERT_TRUE(released.ok());
  EXPECT_EQ(released->total(), 4);
  EXPECT_EQ(Allocated(order.id), 4);
  EXPECT_EQ(StoredStatus(order.id), "backordered");
  EXPECT_EQ(Load(order.id).version, 2);
  EXPECT_EQ(Available("WID-100", "W1"), 0);
  auto events = events::ForEntity(db_.reader(), "order", order.id.value());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].payload["quantity"], 4);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  ASSERT_TRUE(Receive("W1", {{"WID-100", 6}}).ok());
  EXPECT_EQ(Allocated(order.id), 10);
  EXPECT_EQ(StoredStatus(order.id), "open");
  EXPECT_EQ(Load(order.id).version, 3);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, NeverTakesMoreThanArrivedNorStockAlreadyAllocated) {
  db_.Receive("W1", "WID-100", 5);
  orders::Order open = Place("C-1", {{"WID-100", "5"}});
  ASSERT_EQ(StoredStatus(open.id), "open");
  orders::Order first = Place("C-1", {{"WID-100", "4"}});
  orders::Order second = Place("C-1", {{"WID-100", "4"}});

  auto released = Receive("W1", {{"WID-100", 5}});
  ASSERT_TRUE(released.ok());
  EXPECT_EQ(released->total(), 5);
  EXPECT_EQ(Allocated(open.id), 5);
  EXPECT_EQ(Allocated(first.id), 4);
  EXPECT_EQ(Allocated(second.id), 1);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 10);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  // Open orders and fully allocated lines are left alone.
  EXPECT_EQ(Load(open.id).version, 1);
  EXPECT_EQ(EventTypes(open.id), (std::vector<std::string>{"order.created", "order.allocated"}));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  // More than every backorder needs: the rest stays available.
  ASSERT_TRUE(Receive("W1", {{"WID-100", 50}}).ok());
  EXPECT_EQ(Allocated(second.id), 4);
  EXPECT_EQ(Available("WID-100", "W1"), 47);
  EXPECT_EQ(Load(first.id).version, 2);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, HeldAndCancelledOrdersAreSkipped) {
  orders::Order held = Place("C-HOLD", {{"WID-100", "3"}});
  ASSERT_EQ(StoredStatus(held.id), "on_hold");
  orders::Order cancelled = Place("C-1", {{"WID-100", "3"}});
  ASSERT_TRUE(db_.Cancel(cancelled.id, "not needed").ok());
  orders::Order waiting = Place("C-1", {{"WID-100", "3"}});

  auto released = Receive("W1", {{"WID-100", 10}});
  ASSERT_TRUE(released.ok());
  ASSERT_EQ(released->allocations.size(), 1u);
  EXPECT_EQ(released->allocations[0].order, waiting.id);
  EXPECT_EQ(Allocated(waiting.id), 3);
  EXPECT_EQ(Allocated(held.id), 0);
  EXPECT_EQ(StoredStatus(held.id), "on_hold");
  EXPECT_EQ(Load(held.id).version, 1);
  EXPECT_EQ(Allocated(cancelled.id), 0);
  EXPECT_EQ(StoredStatus(cancelled.id), "cancelled");
  EXPECT_EQ(Load(cancelled.id).version, 2);
  EXPECT_EQ(Available("WID-100", "W1"), 7);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  // Once its hold is released, the held order is allocated from what is left.
  auto freed = db_.ReleaseHold(held.id, "credit", "account settled");
  ASSERT_TRUE(freed.ok()) << freed.status().ToString();
  EXPECT_EQ(Allocated(held.id), 3);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, StockInAnyWarehouseServesTheLineWhateverItsPreference) {
  // C-W2 prefers W2, but stock arriving in W1 serves it rather than waiting.
  orders::Order order = Place("C-W2", {{"WID-100", "10"}});
  ASSERT_TRUE(Receive("W1", {{"WID-100", 4}}).ok());
  ASSERT_TRUE(Receive("W2", {{"WID-100", 3}}).ok());
  orders::Order stored = Load(order.id);
  ASSERT_EQ(stored.lines[0].allocations.size(), 2u);
  EXPECT_EQ(stored.lines[0].allocations[0].warehouse_code, "W1");
  EXPECT_EQ(stored.lines[0].allocations[0].quantity, 4);
  EXPECT_EQ(stored.lines[0].allocations[1].warehouse_code, "W2");
  EXPECT_EQ(stored.lines[0].allocations[1].quantity, 3);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 4);
  EXPECT_EQ(db_.Stock("WID-100", "W2").allocated, 3);
  EXPECT_EQ(StoredStatus(order.id), "backordered");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  // The rest arrives in W2; what W2 has beyond the need stays available there.
  ASSERT_TRUE(Receive("W2", {{"WID-100", 5}}).ok());
  EXPECT_EQ(Allocated(order.id), 10);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 4);
  EXPECT_EQ(db_.Stock("WID-100", "W2").allocated, 6);
  EXPECT_EQ(Available("WID-100", "W2"), 2);
  EXPECT_EQ(StoredStatus(order.id), "open");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, OneReceiptOfSeveralItemsChangesEachOrderOnce) {
  orders::Order order = Place("C-1", {{"WID-100", "2"}, {"BOLT-7", "30"}});
  auto released = Receive("W1", {{"WID-100", 2}, {"BOLT-7", 10}, {"BOLT-7", 20}});
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  EXPECT_EQ(released->total(), 32);
  orders::Order stored = Load(order.id);
  EXPECT_EQ(stored.lines[0].quantity_allocated(), 2);
  EXPECT_EQ(stored.lines[1].quantity_allocated(), 30);
  EXPECT_EQ(stored.version, 2);
  EXPECT_EQ(StoredStatus(order.id), "open");
  EXPECT_EQ(AuditActions(order.id), (std::vector<std::string>{"order.place", "order.allocate"}));
  auto events = events::ForEntity(db_.reader(), "order", order.id.value());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].payload["quantity"], 32);
  EXPECT_EQ(events[1].payload["lines"].size(), 2u);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, PositiveAdjustmentReleasesAndNegativeDoesNot) {
  orders::Order order = Place("C-1", {{"WID-100", "5"}});
  auto up = Adjust("W1", "WID-100", 3);
  ASSERT_TRUE(up.ok()) << up.status().ToString();
  EXPECT_EQ(up->total(), 3);
  EXPECT_EQ(Allocated(order.id), 3);
  auto audit = audit::ForEntity(db_.reader(), "order", order.id.value());
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].actor, "user:counter");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  ASSERT_TRUE(Adjust("W1", "WID-100", 10).ok());
  EXPECT_EQ(Allocated(order.id), 5);
  EXPECT_EQ(StoredStatus(order.id), "open");
  auto down = Adjust("W1", "WID-100", -2);
  ASSERT_TRUE(down.ok()) << down.status().ToString();
  EXPECT_TRUE(down->allocations.empty());
  EXPECT_EQ(Load(order.id).version, 3);
  EXPECT_EQ(Available("WID-100", "W1"), 6);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  // A failed adjustment releases nothing.
  EXPECT_EQ(Adjust("W1", "NOPE", 5).status().code(), ErrorCode::kInvalidArgument);
}

TEST_F(BackorderReleaseTest, CancellationGivesItsStockToBackordersInTheSameCommand) {
  db_.Receive("W1", "WID-100", 10);
  orders::Order big = Place("C-1", {{"WID-100", "10"}});
  orders::Order first = Place("C-1", {{"WID-100", "4"}});
  orders::Order second = Place("C-1", {{"WID-100", "8"}});
  ASSERT_EQ(StoredStatus(first.id), "backordered");

  const int64_t events_before = db_.Count("outbox_events");
  auto cancelled = db_.Cancel(big.id, "customer changed plans", "user:carol");
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  EXPECT_EQ(StoredStatus(big.id), "cancelled");
  EXPECT_EQ(Allocated(first.id), 4);
  EXPECT_EQ(StoredStatus(first.id), "open");
  EXPECT_EQ(Allocated(second.id), 6);
  EXPECT_EQ(StoredStatus(second.id), "backordered");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  // The cancellation, then one allocation per served order, all written by the cancel.
  store::Query q(db_.reader(), "SELECT type, entity_id FROM outbox_events WHERE id > ? ORDER BY id",
                 events_before);
  std::vector<std::pair<std::string, int64_t>> written;
  while (q.Next()) written.emplace_back(q.Text(0), q.Int(1));
  EXPECT_EQ(written,
            (std::vector<std::pair<std::string, int64_t>>{{"order.cancelled", big.id.value()},
                                                          {"order.allocated", first.id.value()},
                                                          {"order.allocated", second.id.value()}}));
  auto audit = audit::ForEntity(db_.reader(), "order", first.id.value());
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].action, "order.allocate");
  EXPECT_EQ(audit[1].actor, "user:carol");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, OrderThatShipsCompleteIsReservedButShipsOnlyWhenWhole) {
  orders::Order order =
      Place("C-1", {{"WID-100", "2"}, {"BOLT-7", "5"}}, std::nullopt, /*partial=*/false);
  ASSERT_TRUE(Receive("W1", {{"WID-100", 2}}).ok());
  EXPECT_EQ(Allocated(order.id, 1), 2);
  EXPECT_EQ(StoredStatus(order.id), "backordered");
  CommandContext ctx = db_.Context();
  auto pick = [&] {
    return db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& c) { return flows::CreateShipment(c, ctx, order.id, "W1"); });
  };
  EXPECT_EQ(pick().status().code(), ErrorCode::kInvalidState);

  ASSERT_TRUE(Receive("W1", {{"BOLT-7", 5}}).ok());
  EXPECT_EQ(StoredStatus(order.id), "open");
  EXPECT_TRUE(pick().ok());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(BackorderReleaseTest, NothingBackorderedOrNothingAvailableWritesNothing) {
  db_.Receive("W1", "WID-100", 3);
  orders::Order order = Place("C-1", {{"WID-100", "3"}});
  ASSERT_EQ(StoredStatus(order.id), "open");
  orders::Order waiting = Place("C-1", {{"BOLT-7", "3"}});
  ASSERT_EQ(StoredStatus(waiting.id), "backordered");
  ItemId wid = Load(order.id).lines[0].item;
  ItemId bolt = Load(waiting.id).lines[0].item;
  WarehouseId w1 = Load(order.id).lines[0].allocations[0].warehouse;
  auto before = db_.Snapshot();
  CommandContext ctx = db_.Context();
  auto released = db_.executor().RunFor<BackorderRelease>([&](store::Connection& c) {
    // Nothing of WID-100 is backordered; no BOLT-7 is in stock; keys may repeat.
    return Result<BackorderRelease>(ReleaseBackorders(
        c, ctx, std::vector<StockKey>{{wid, w1}, {bolt, w1}, {wid, w1}, {bolt, w1}}));
  });
  ASSERT_TRUE(released.ok());
  EXPECT_TRUE(released->allocations.empty());
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

}  // namespace
}  // namespace ordo::flows
