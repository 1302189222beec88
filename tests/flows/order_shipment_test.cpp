// Shipments on a real database: pick lists, confirmation, short shipment, and what they do to
// stock, the order's lines and status, audit and events.
#include "flows/order_shipment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "orders/order.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::FieldIs;
using test_support::OrderFor;
using test_support::SimpleCustomer;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

constexpr std::string_view kPicker = "user:picker";

std::string StatusOf(const orders::Order& o) {
  return std::string(orders::StatusName(orders::DeriveStatus(o)));
}

ShipmentConfirmation Ups(std::vector<ShippedLine> lines = {}) {
  ShipmentConfirmation c;
  c.carrier = "UPS";
  c.service = "Ground";
  c.tracking_number = "1Z999";
  c.packages = {{"12.5"}, {"3"}};
  c.lines = std::move(lines);
  return c;
}

class OrderShipmentTest : public ::testing::Test {
 protected:
  OrderShipmentTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddItem("WID-100", "10.00");
    db_.AddItem("WID-200", "4.00");
    db_.Receive("W1", "WID-100", 100);
    db_.Receive("W1", "WID-200", 30);
    db_.AddCustomer(SimpleCustomer("C-1", "10000.00"));
  }

  orders::Order Place(const std::vector<test_support::LineSpec>& lines, bool partial = true) {
    auto request = OrderFor("C-1", lines);
    request.allow_partial_shipment = partial;
    auto placed = db_.Place(request);
    EXPECT_TRUE(placed.ok()) << placed.status().ToString();
    return placed.ok() ? *placed : orders::Order{};
  }

  Result<fulfillment::Shipment> Create(OrderId order, const std::string& warehouse) {
    CommandContext ctx = db_.Context(kPicker);
    return db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& c) { return CreateShipment(c, ctx, order, warehouse); });
  }

  Result<ConfirmedShipment> ConfirmAndInvoice(ShipmentId id, const ShipmentConfirmation& request,
                                              std::optional<int64_t> version = std::nullopt) {
    CommandContext ctx = db_.Context(kPicker);
    return db_.executor().RunFor<ConfirmedShipment>(
        [&](store::Connection& c) { return ConfirmShipment(c, ctx, id, request, version); });
  }
  Result<fulfillment::Shipment> Confirm(ShipmentId id, const ShipmentConfirmation& request,
                                        std::optional<int64_t> version = std::nullopt) {
    auto done = ConfirmAndInvoice(id, request, version);
    if (!done.ok()) return done.status();
    return std::move(done->shipment);
  }

  int64_t MovementSum(const std::string& kind) {
    store::Query q(db_.reader(),
                   "SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE kind = ?", kind);
    q.Next();
    return q.Int(0);
  }

  std::vector<std::string> EventTypes(ShipmentId id) {
    std::vector<std::string> out;
    for (const auto& e : events::ForEntity(db_.reader(), "shipment", id.value())) {
      out.push_back(e.type);
    }
    return out;
  }

  std::vector<std::string> AuditActions(std::string_view entity, int64_t id) {
    std::vector<std::string> out;
    for (const auto& a : audit::ForEntity(db_.reader(), entity, id)) out.push_back(a.action);
    return out;
  }

  test_support::TestDb db_;
};

TEST_F(OrderShipmentTest, PickListHoldsWhatIsAllocatedInTheWarehouse) {
  orders::Order order = Place({{"WID-100", "10"}, {"WID-200", "5"}});
  auto before = db_.Snapshot();
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->number, "SH-000001");
  EXPECT_EQ(s->status, fulfillment::ShipmentStatus::kPicking);
  EXPECT_EQ(s->order_number, order.number);
  ASSERT_EQ(s->lines.size(), 2u);
  EXPECT_EQ(s->lines[0].line_no, 1);
  EXPECT_EQ(s->lines[0].sku, "WID-100");
  EXPECT_EQ(s->lines[0].quantity, 10);
  EXPECT_EQ(s->lines[1].sku, "WID-200");
  EXPECT_EQ(s->lines[1].quantity, 5);
  // Picking moves no stock and does not change the order.
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 100);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  EXPECT_EQ(db_.LoadOrder(order.id)->version, order.version);
  EXPECT_EQ(db_.Snapshot()["stock_movements"], before["stock_movements"]);
  EXPECT_THAT(AuditActions("shipment", s->id.value()), ElementsAre("shipment.create"));
  EXPECT_THAT(EventTypes(s->id), ElementsAre("shipment.created"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, WhatIsOnAnOpenPickListIsNotPickedTwice) {
  orders::Order order = Place({{"WID-100", "10"}});
  ASSERT_TRUE(Create(order.id, "W1").ok());
  auto before = db_.Snapshot();
  auto again = Create(order.id, "W1");
  EXPECT_EQ(again.status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db_.Snapshot(), before);  // the SH number was given back too
  EXPECT_EQ(Create(order.id, "W2").status().code(), ErrorCode::kInvalidState);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, ConfirmationShipsStockAndMarksTheOrderShipped) {
  orders::Order order = Place({{"WID-100", "10"}, {"WID-200", "5"}});
  Money open_value = db_.OpenOrderValue("C-1");
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(s.ok());
  auto shipped = Confirm(s->id, Ups());
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_EQ(shipped->status, fulfillment::ShipmentStatus::kShipped);
  EXPECT_EQ(shipped->carrier, "UPS");
  EXPECT_EQ(shipped->tracking_number, "1Z999");
  ASSERT_EQ(shipped->packages.size(), 2u);
  EXPECT_EQ(shipped->packages[0].weight, "12.5");
  EXPECT_EQ(shipped->version, 2);
  EXPECT_EQ(shipped->lines[0].quantity_shipped, 10);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 90);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(db_.Stock("WID-200", "W1").on_hand, 25);
  EXPECT_EQ(MovementSum("ship"), -15);
  EXPECT_EQ(MovementSum("deallocate"), 0);
  auto stored = db_.LoadOrder(order.id);
  // Confirmation invoices the shipment, so a fully shipped order is invoiced at once.
  EXPECT_EQ(StatusOf(*stored), "invoiced");
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM orders WHERE status = 'invoiced'"), 1);
  EXPECT_EQ(stored->version, order.version + 1);
  EXPECT_EQ(stored->lines[0].quantity_shipped, 10);
  EXPECT_TRUE(stored->lines[0].allocations.empty());
  // Confirmation invoices what shipped: nothing is left on order, all of it is receivable.
  EXPECT_EQ(open_value, Dollars("120.00"));
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Dollars("0"));
  EXPECT_EQ(db_.QueryInt("SELECT open_receivables FROM customer_balances"),
            Dollars("120.00").units());
  EXPECT_THAT(EventTypes(s->id), ElementsAre("shipment.created", "shipment.confirmed"));
  EXPECT_THAT(AuditActions("shipment", s->id.value()),
              ElementsAre("shipment.create", "shipment.confirm"));
  EXPECT_THAT(AuditActions("order", order.id.value()), ElementsAre("order.place", "order.ship"));
  auto reloaded = [&] {
    store::Query q(db_.reader(), "SELECT status, carrier, packages FROM shipments WHERE id = ?",
                   s->id);
    q.Next();
    return q.Text(0) + "|" + q.Text(1) + "|" + q.Text(2);
  }();
  EXPECT_EQ(reloaded, R"(shipped|UPS|[{"weight":"12.5"},{"weight":"3"}])");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, ShortConfirmationBackordersTheRest) {
  orders::Order order = Place({{"WID-100", "10"}, {"WID-200", "5"}});
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(s.ok());
  auto shipped = Confirm(s->id, Ups({{1, 7}, {2, 0}}));
  ASSERT_TRUE(shipped.ok()) << shipped.status().ToString();
  EXPECT_EQ(shipped->lines[0].quantity_shipped, 7);
  EXPECT_EQ(shipped->lines[1].quantity_shipped, 0);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 93);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(db_.Stock("WID-200", "W1").on_hand, 30);
  EXPECT_EQ(db_.Stock("WID-200", "W1").allocated, 0);
  EXPECT_EQ(MovementSum("ship"), -7);
  EXPECT_EQ(MovementSum("deallocate"), -8);
  auto stored = db_.LoadOrder(order.id);
  EXPECT_EQ(StatusOf(*stored), "partially_shipped");
  EXPECT_EQ(stored->lines[0].quantity_shipped, 7);
  EXPECT_EQ(stored->lines[0].quantity_unallocated(), 3);
  EXPECT_EQ(stored->lines[1].quantity_unallocated(), 5);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, SplitAllocationShipsFromEachWarehouse) {
  db_.Receive("W2", "WID-100", 50);
  orders::Order order = Place({{"WID-100", "120"}});
  ASSERT_EQ(db_.Stock("WID-100", "W1").allocated, 100);
  ASSERT_EQ(db_.Stock("WID-100", "W2").allocated, 20);
  auto first = Create(order.id, "W2");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->lines[0].quantity, 20);
  ASSERT_TRUE(Confirm(first->id, Ups()).ok());
  EXPECT_EQ(StatusOf(*db_.LoadOrder(order.id)), "partially_shipped");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
  auto second = Create(order.id, "W1");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->number, "SH-000002");
  EXPECT_EQ(second->lines[0].quantity, 100);
  ASSERT_TRUE(Confirm(second->id, Ups()).ok());
  auto stored = db_.LoadOrder(order.id);
  EXPECT_EQ(StatusOf(*stored), "invoiced");
  EXPECT_EQ(stored->lines[0].quantity_shipped, 120);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 0);
  EXPECT_EQ(db_.Stock("WID-100", "W2").on_hand, 30);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, OrderThatShipsCompleteNeedsEveryLineAllocated) {
  orders::Order order = Place({{"WID-100", "10"}, {"WID-200", "40"}}, /*partial=*/false);
  ASSERT_EQ(StatusOf(order), "backordered");
  auto before = db_.Snapshot();
  EXPECT_EQ(Create(order.id, "W1").status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db_.Snapshot(), before);

  orders::Order complete = Place({{"WID-100", "10"}}, /*partial=*/false);
  EXPECT_TRUE(Create(complete.id, "W1").ok());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, AnOrderThatShipsCompleteCannotShipShort) {
  orders::Order order = Place({{"WID-100", "10"}, {"WID-200", "5"}}, /*partial=*/false);
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto before = db_.Snapshot();
  EXPECT_EQ(Confirm(s->id, Ups({{1, 9}})).status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(Confirm(s->id, Ups()).ok());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, ACancelledPickListHoldsNothingAndTheOrderIsPickedAgain) {
  orders::Order order = Place({{"WID-100", "10"}, {"WID-200", "5"}}, /*partial=*/false);
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(s.ok());
  // The picker cannot find all of it and the order ships complete only: the pick list goes.
  CommandContext ctx = db_.Context(kPicker);
  auto cancel = [&](const std::string& reason, std::optional<int64_t> version) {
    return db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& c) { return CancelShipment(c, ctx, s->id, reason, version); });
  };
  auto before = db_.Snapshot();
  EXPECT_EQ(cancel("", std::nullopt).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(cancel("short", 9).status().code(), ErrorCode::kPreconditionFailed);
  EXPECT_EQ(db_.Snapshot(), before);
  auto cancelled = cancel("short on the shelf", 1);
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  EXPECT_EQ(cancelled->status, fulfillment::ShipmentStatus::kCancelled);
  EXPECT_EQ(cancelled->cancel_reason, "short on the shelf");
  EXPECT_EQ(cancelled->version, 2);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);  // still the order's
  EXPECT_EQ(cancel("again", std::nullopt).status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(Confirm(s->id, Ups()).status().code(), ErrorCode::kInvalidState);
  EXPECT_THAT(EventTypes(s->id), ElementsAre("shipment.created", "shipment.cancelled"));
  EXPECT_THAT(AuditActions("shipment", s->id.value()),
              ElementsAre("shipment.create", "shipment.cancel"));

  auto again = Create(order.id, "W1");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->number, "SH-000002");
  EXPECT_EQ(again->lines[0].quantity, 10);
  EXPECT_TRUE(Confirm(again->id, Ups()).ok());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, ConfirmingTwiceIsInvalidState) {
  orders::Order order = Place({{"WID-100", "10"}});
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(Confirm(s->id, Ups()).ok());
  auto before = db_.Snapshot();
  EXPECT_EQ(Confirm(s->id, Ups()).status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 90);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, CancelledOrHeldOrdersDoNotShip) {
  orders::Order order = Place({{"WID-100", "10"}});
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE(db_.Cancel(order.id, "customer changed mind").ok());
  auto before = db_.Snapshot();
  EXPECT_EQ(Create(order.id, "W1").status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(Confirm(s->id, Ups()).status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db_.Snapshot(), before);

  db_.AddCustomer(SimpleCustomer("C-9", "1.00"));
  auto held = db_.Place(OrderFor("C-9", {{"WID-100", "1"}}));
  ASSERT_TRUE(held.ok());
  ASSERT_TRUE(held->has_active_hold());
  EXPECT_EQ(Create(held->id, "W1").status().code(), ErrorCode::kInvalidState);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderShipmentTest, UnknownOrderOrWarehouseIsNotFound) {
  orders::Order order = Place({{"WID-100", "1"}});
  EXPECT_EQ(Create(OrderId(999), "W1").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Create(order.id, "NOPE").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Confirm(ShipmentId(999), Ups()).status().code(), ErrorCode::kNotFound);
}

TEST_F(OrderShipmentTest, LinesThatDoNotFitTheShipmentAreRejectedTogether) {
  orders::Order order = Place({{"WID-100", "10"}});
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(s.ok());
  auto before = db_.Snapshot();
  auto bad = Confirm(s->id, Ups({{1, 11}, {2, 1}}));
  ASSERT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(bad.status().errors(),
              UnorderedElementsAre(FieldIs("lines/0/quantity", "out_of_range"),
                                   FieldIs("lines/1/line_no", "not_found")));
  auto nothing = Confirm(s->id, Ups({{1, 0}}));
  ASSERT_EQ(nothing.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(nothing.status().errors(), ElementsAre(FieldIs("lines", "nothing_shipped")));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(OrderShipmentTest, StaleVersionIsPreconditionFailed) {
  orders::Order order = Place({{"WID-100", "10"}});
  auto s = Create(order.id, "W1");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Confirm(s->id, Ups(), 7).status().code(), ErrorCode::kPreconditionFailed);
  EXPECT_TRUE(Confirm(s->id, Ups(), 1).ok());
}

}  // namespace
}  // namespace ordo::flows
