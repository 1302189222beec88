// Placing orders on a real database: validation, pricing, units, allocation, numbering, records.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <latch>
#include <memory>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "flows/order_placement.h"
#include "orders/order_json.h"
#include "orders/order_repository.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::FieldIs;
using test_support::LineSpec;
using test_support::OrderFor;
using test_support::SimpleCustomer;
using ::testing::UnorderedElementsAre;

class PlaceOrderTest : public ::testing::Test {
 protected:
  PlaceOrderTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddItem("WID-100", "2.50");
    db_.AddItem("BOLT-7", "0.1234", {{"CS", 12}, {"PL", 480}});
    db_.AddItem("OLD-1", "1.00", {}, /*active=*/false);
    db_.Receive("W1", "WID-100", 100);
    db_.Receive("W1", "BOLT-7", 1000);
    db_.AddCustomer(SimpleCustomer("C-1", "100000.00"));
  }

  test_support::TestDb db_;
};

TEST_F(PlaceOrderTest, AcceptedOrderIsStoredExactlyAsReturned) {
  PlaceOrderRequest r = OrderFor("C-1", {{"WID-100", "4"}, {"BOLT-7", "2", "CS"}});
  r.po_number = "PO-778";
  r.channel = "phone";
  r.requested_date = "2026-03-15";
  r.allow_partial_shipment = false;
  auto placed = db_.Place(r);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(placed->number, "SO-000001");
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*placed)), "open");

  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(orders::ToJson(*stored), orders::ToJson(*placed));
  EXPECT_EQ(stored->customer_code, "C-1");
  EXPECT_EQ(stored->ship_to_code, "MAIN");
  EXPECT_EQ(stored->po_number, "PO-778");
  EXPECT_EQ(stored->channel, "phone");
  EXPECT_EQ(stored->requested_date, DateFromCivil(2026, 3, 15));
  EXPECT_FALSE(stored->allow_partial_shipment);
  EXPECT_EQ(stored->created_by, "user:clerk");
  EXPECT_EQ(stored->created_at, db_.clock().Now());
  EXPECT_EQ(stored->version, 1);
  ASSERT_EQ(stored->lines.size(), 2u);
  EXPECT_EQ(stored->lines[0].line_no, 1);
  EXPECT_EQ(stored->lines[0].sku, "WID-100");
  EXPECT_EQ(stored->lines[0].quantity, 4);
  EXPECT_EQ(stored->lines[0].unit_price, Dollars("2.50"));
  EXPECT_EQ(stored->lines[0].extended_amount, Dollars("10.00"));
  EXPECT_EQ(stored->lines[1].line_no, 2);
  EXPECT_EQ(stored->subtotal, Dollars("10.00") + Dollars("2.96"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PlaceOrderTest, ReportsEveryProblemAtOnceWithExactFieldPaths) {
  PlaceOrderRequest r = OrderFor("NOPE", {
                                             {"NOPE-SKU", "1"},
                                             {"OLD-1", "1"},
                                             {"WID-100", "0"},
                                             {"WID-100", "-1"},
                                             {"WID-100", "1.5"},
                                             {"WID-100", "abc"},
                                             {"WID-100", "2", "PL"},
                                             {"WID-100", "1", "", "2.00", ""},
                                             {"WID-100", "1", "", "2.12345", "too precise"},
                                             {"BOLT-7", ""},
                                             {"BOLT-7", "1", "cs"},
                                         });
  r.channel = "fax";
  r.requested_date = "2026-02-30";
  r.currency = "EUR";
  r.po_number = std::string(65, 'P');
  auto placed = db_.Place(r);
  ASSERT_FALSE(placed.ok());
  EXPECT_EQ(placed.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(
      placed.status().errors(),
      UnorderedElementsAre(
          FieldIs("customer", "unknown_customer"), FieldIs("channel", "invalid_channel"),
          FieldIs("requested_date", "invalid_date"), FieldIs("currency", "unsupported_currency"),
          FieldIs("po_number", "too_long"), FieldIs("lines/0/sku", "unknown_sku"),
          FieldIs("lines/1/sku", "inactive_sku"), FieldIs("lines/2/quantity", "invalid_quantity"),
          FieldIs("lines/3/quantity", "invalid_quantity"),
          FieldIs("lines/4/quantity", "not_whole_units"),
          FieldIs("lines/5/quantity", "invalid_quantity"), FieldIs("lines/6/uom", "unknown_uom"),
          FieldIs("lines/7/override_reason", "required"),
          FieldIs("lines/8/unit_price", "invalid_price"),
          FieldIs("lines/9/quantity", "invalid_quantity"), FieldIs("lines/10/uom", "unknown_uom")));
}

TEST_F(PlaceOrderTest, TextThatIsNotUtf8IsRejectedAndWritesNothing) {
  PlaceOrderRequest r = OrderFor("C-1", {{"WID-100", "1", "", "2.00", "bad \xff reason"}});
  r.po_number = "PO\xff\xfe";
  auto before = db_.Snapshot();
  auto placed = db_.Place(r);
  ASSERT_FALSE(placed.ok());
  EXPECT_THAT(placed.status().errors(),
              UnorderedElementsAre(FieldIs("po_number", "invalid_text"),
                                   FieldIs("lines/0/override_reason", "invalid_text")));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(PlaceOrderTest, ReportsEveryProblemOfOneLine) {
  // One line with a bad quantity, an unknown unit and a manual price without a reason: all
  // three are independent of each other and must be reported together.
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "abc", "ZZ", "2.00", ""}}));
  ASSERT_FALSE(placed.ok());
  EXPECT_THAT(placed.status().errors(),
              UnorderedElementsAre(FieldIs("lines/0/quantity", "invalid_quantity"),
                                   FieldIs("lines/0/uom", "unknown_uom"),
                                   FieldIs("lines/0/override_reason", "required")));
}

TEST_F(PlaceOrderTest, ReportsMissingOverrideReasonEvenForAnUnknownSku) {
  auto placed = db_.Place(OrderFor("C-1", {{"NOPE-SKU", "1", "", "2.00", ""}}));
  ASSERT_FALSE(placed.ok());
  EXPECT_THAT(placed.status().errors(),
              UnorderedElementsAre(FieldIs("lines/0/sku", "unknown_sku"),
                                   FieldIs("lines/0/override_reason", "required")));
}

TEST_F(PlaceOrderTest, UnknownShipToIsReported) {
  PlaceOrderRequest r = OrderFor("C-1", {{"WID-100", "1"}});
  r.ship_to = "NOWHERE";
  auto placed = db_.Place(r);
  ASSERT_FALSE(placed.ok());
  EXPECT_THAT(placed.status().errors(),
              UnorderedElementsAre(FieldIs("ship_to", "unknown_ship_to")));
}

TEST_F(PlaceOrderTest, NamedShipToIsUsed) {
  PlaceOrderRequest r = OrderFor("C-1", {{"WID-100", "1"}});
  r.ship_to = "MAIN";
  auto placed = db_.Place(r);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(placed->ship_to_code, "MAIN");
}

TEST_F(PlaceOrderTest, EmptyLinesAreReported) {
  auto placed = db_.Place(OrderFor("C-1", {}));
  ASSERT_FALSE(placed.ok());
  EXPECT_THAT(placed.status().errors(), UnorderedElementsAre(FieldIs("lines", "required")));
}

TEST_F(PlaceOrderTest, RejectedOrderWritesNothingAndKeepsItsNumber) {
  auto before = db_.Snapshot();
  auto rejected = db_.Place(OrderFor("C-1", {{"WID-100", "3"}, {"NOPE-SKU", "1"}}));
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(db_.Snapshot(), before);

  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "3"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(placed->number, "SO-000001");
}

TEST_F(PlaceOrderTest, FailureAfterTheNumberIsTakenWritesNothingAndGivesTheNumberBack) {
  // Each line fits, but their sum overflows Money: PlaceOrder throws after it took a number.
  auto before = db_.Snapshot();
  auto rejected = db_.Place(OrderFor("C-1", {{"WID-100", "1000", "", "500000000000", "big"},
                                             {"WID-100", "1000", "", "500000000000", "big"}}));
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.status().code(), ErrorCode::kInvalidArgument) << rejected.status().ToString();
  EXPECT_EQ(db_.Snapshot(), before);

  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "1"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(placed->number, "SO-000001");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PlaceOrderTest, RejectedOrderInsideABatchLeavesNoGapAndNoTrace) {
  // Hold the writer so that three placements share one batch (one transaction).
  std::latch started(1);
  std::latch release(1);
  auto held = std::make_shared<std::promise<Status>>();
  auto held_done = held->get_future();
  db_.executor().Submit(
      [&](store::Connection&) {
        started.count_down();
        release.wait();
        return Status::Ok();
      },
      [held](const Status& s) { held->set_value(s); });
  started.wait();
  const int64_t batches_before = db_.executor().Stats().batches;

  std::vector<PlaceOrderRequest> requests = {OrderFor("C-1", {{"WID-100", "1"}}),
                                             OrderFor("C-1", {{"WID-100", "2"}, {"NOPE", "1"}}),
                                             OrderFor("C-1", {{"WID-100", "3"}})};
  std::vector<std::shared_ptr<std::promise<Status>>> promises;
  std::vector<std::optional<orders::Order>> placed(requests.size());
  CommandContext ctx = db_.Context();
  for (size_t i = 0; i < requests.size(); ++i) {
    promises.push_back(std::make_shared<std::promise<Status>>());
    db_.executor().Submit(
        [&, i](store::Connection& c) {
          auto r = PlaceOrder(c, ctx, requests[i]);
          if (!r.ok()) return r.status();
          placed[i] = *r;
          return Status::Ok();
        },
        [p = promises.back()](const Status& s) { p->set_value(s); });
  }
  release.count_down();
  ASSERT_TRUE(held_done.get().ok());
  ASSERT_TRUE(promises[0]->get_future().get().ok());
  ASSERT_FALSE(promises[1]->get_future().get().ok());
  ASSERT_TRUE(promises[2]->get_future().get().ok());
  EXPECT_EQ(db_.executor().Stats().batches, batches_before + 1);
  EXPECT_EQ(placed[0]->number, "SO-000001");
  EXPECT_EQ(placed[2]->number, "SO-000002");
  EXPECT_EQ(db_.Count("orders"), 2);
  EXPECT_EQ(db_.Count("order_lines"), 2);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 4);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PlaceOrderTest, OrderNumbersHaveNoGapsAcrossRejectedOrders) {
  auto first = db_.Place(OrderFor("C-1", {{"WID-100", "1"}}));
  auto rejected = db_.Place(OrderFor("C-1", {{"WID-100", "0"}}));
  auto second = db_.Place(OrderFor("C-1", {{"WID-100", "1"}}));
  auto rejected_too = db_.Place(OrderFor("NOPE", {{"WID-100", "1"}}));
  auto third = db_.Place(OrderFor("C-1", {{"BOLT-7", "1"}}));
  ASSERT_TRUE(first.ok());
  ASSERT_FALSE(rejected.ok());
  ASSERT_TRUE(second.ok());
  ASSERT_FALSE(rejected_too.ok());
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(first->number, "SO-000001");
  EXPECT_EQ(second->number, "SO-000002");
  EXPECT_EQ(third->number, "SO-000003");
  EXPECT_EQ(db_.QueryInt("SELECT next_value FROM sequences WHERE name = 'SO'"), 4);
  EXPECT_TRUE(db_.LoadOrder("SO-000002").has_value());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PlaceOrderTest, ConvertsPackUnitsToBaseUnits) {
  auto placed = db_.Place(OrderFor(
      "C-1",
      {{"BOLT-7", "2", "CS"}, {"BOLT-7", "1", "PL"}, {"BOLT-7", "5"}, {"BOLT-7", "3.00", "CS"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->lines.size(), 4u);
  const auto& l = stored->lines;
  EXPECT_EQ(l[0].quantity, 24);
  EXPECT_EQ(l[0].entered_quantity, 2);
  EXPECT_EQ(l[0].entered_uom, "CS");
  EXPECT_EQ(l[0].extended_amount, Dollars("2.96"));  // 24 x 0.1234 = 2.9616
  EXPECT_EQ(l[1].quantity, 480);
  EXPECT_EQ(l[1].entered_uom, "PL");
  EXPECT_EQ(l[1].extended_amount, Dollars("59.23"));  // 59.232
  EXPECT_EQ(l[2].quantity, 5);
  EXPECT_EQ(l[2].entered_uom, "EA");
  EXPECT_EQ(l[2].extended_amount, Dollars("0.62"));  // 0.617
  EXPECT_EQ(l[3].quantity, 36);
  EXPECT_EQ(l[3].entered_quantity, 3);
  EXPECT_EQ(db_.Stock("BOLT-7", "W1").allocated, 24 + 480 + 5 + 36);
  EXPECT_EQ(l[0].quantity_allocated(), 24);
  EXPECT_EQ(l[1].quantity_allocated(), 480);
}

TEST_F(PlaceOrderTest, TierPriceAndPriceSource) {
  db_.SaveTier("GOLD", 1250);
  db_.AddItem("PREM-1", "9.99");
  db_.Receive("W1", "PREM-1", 50);
  auto gold = SimpleCustomer("C-GOLD", "100000.00");
  gold.price_tier = "GOLD";
  db_.AddCustomer(gold);

  auto placed = db_.Place(OrderFor(
      "C-GOLD", {{"PREM-1", "3"}, {"WID-100", "2"}, {"WID-100", "1", "", "1.9999", "promo"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  const auto& l = stored->lines;
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[0].unit_price.Format(4), "8.7412");  // 9.99 x 0.875 = 8.74125, half-even
  EXPECT_EQ(l[0].price_source, "tier:GOLD");
  EXPECT_EQ(l[0].extended_amount, Dollars("26.22"));  // 26.2236
  EXPECT_EQ(l[0].override_reason, std::nullopt);
  EXPECT_EQ(l[1].unit_price, Dollars("2.1875"));
  EXPECT_EQ(l[1].price_source, "tier:GOLD");
  EXPECT_EQ(l[1].extended_amount, Dollars("4.38"));  // 4.375 -> 4.38 (7 is odd)
  EXPECT_EQ(l[2].unit_price, Dollars("1.9999"));
  EXPECT_EQ(l[2].price_source, "manual");
  EXPECT_EQ(l[2].override_reason, std::optional<std::string>("promo"));
  EXPECT_EQ(l[2].extended_amount, Dollars("2.00"));
  EXPECT_EQ(stored->subtotal, Dollars("32.60"));

  auto list = db_.Place(OrderFor("C-1", {{"PREM-1", "1"}}));
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->lines[0].price_source, "list");
  EXPECT_EQ(list->lines[0].unit_price, Dollars("9.99"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PlaceOrderTest, ManualPriceIsKeptToFourDecimals) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "3", "", "2.1250", "contract"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->lines[0].unit_price.units(), 21'250);
  EXPECT_EQ(orders::ToJson(*stored)["lines"][0]["unit_price"], "2.1250");
  EXPECT_EQ(stored->lines[0].extended_amount, Dollars("6.38"));  // 6.375, half-even
}

TEST_F(PlaceOrderTest, NeverAllocatesMoreThanAvailable) {
  auto first = db_.Place(OrderFor("C-1", {{"WID-100", "80"}}));
  auto second = db_.Place(OrderFor("C-1", {{"WID-100", "30"}}));
  auto third = db_.Place(OrderFor("C-1", {{"WID-100", "5"}}));
  ASSERT_TRUE(first.ok() && second.ok() && third.ok());
  EXPECT_EQ(first->lines[0].quantity_allocated(), 80);
  EXPECT_EQ(second->lines[0].quantity_allocated(), 20);
  EXPECT_EQ(third->lines[0].quantity_allocated(), 0);
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*first)), "open");
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*second)), "backordered");
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*third)), "backordered");
  EXPECT_EQ(orders::ToJson(*second)["lines"][0]["quantity_backordered"], 10);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 100);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 100);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PlaceOrderTest, WritesAuditAndOutboxRows) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "4"}}));
  ASSERT_TRUE(placed.ok());
  auto audit = audit::ForEntity(db_.reader(), "order", placed->id.value());
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "order.place");
  EXPECT_EQ(audit[0].actor, "user:clerk");
  EXPECT_EQ(audit[0].request_id, "req-test");
  EXPECT_EQ(audit[0].at, db_.clock().Now());
  EXPECT_TRUE(audit[0].before.is_null());
  EXPECT_EQ(audit[0].after["number"], "SO-000001");
  EXPECT_EQ(audit[0].after["status"], "open");
  EXPECT_EQ(audit[0].after["total"], "10.00");

  auto events = events::ForEntity(db_.reader(), "order", placed->id.value());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type, "order.created");
  EXPECT_EQ(events[0].payload["number"], "SO-000001");
  EXPECT_EQ(events[0].payload["customer"], "C-1");
  EXPECT_EQ(events[0].payload["status"], "open");
  EXPECT_EQ(events[0].payload["total"], "10.00");
  EXPECT_EQ(events[1].type, "order.allocated");
  EXPECT_EQ(events[1].payload["quantity"], 4);

  store::Query q(db_.reader(),
                 "SELECT kind, quantity, order_id, actor FROM stock_movements "
                 "WHERE order_id IS NOT NULL");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Text(0), "allocate");
  EXPECT_EQ(q.Int(1), 4);
  EXPECT_EQ(q.Int(2), placed->id.value());
  EXPECT_EQ(q.Text(3), "user:clerk");
  EXPECT_FALSE(q.Next());
}

TEST_F(PlaceOrderTest, FullyBackorderedOrderPublishesNoAllocation) {
  db_.AddItem("EMPTY-1", "1.00");
  auto placed = db_.Place(OrderFor("C-1", {{"EMPTY-1", "4"}}));
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*placed)), "backordered");
  auto events = events::ForEntity(db_.reader(), "order", placed->id.value());
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "order.created");
  EXPECT_EQ(events[0].payload["status"], "backordered");
}

class AllocationAcrossWarehousesTest : public ::testing::Test {
 protected:
  AllocationAcrossWarehousesTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddWarehouse("W3", 30);
    db_.AddItem("WID-100", "1.00");
    db_.Receive("W1", "WID-100", 4);
    db_.Receive("W2", "WID-100", 10);
    db_.Receive("W3", "WID-100", 5);
    db_.AddCustomer(SimpleCustomer("C-PREF", "100000.00", "W3"));
    db_.AddCustomer(SimpleCustomer("C-ANY", "100000.00"));
  }

  std::vector<std::pair<std::string, int64_t>> Allocations(const orders::Order& o) {
    std::vector<std::pair<std::string, int64_t>> out;
    for (const auto& a : o.lines.at(0).allocations) out.emplace_back(a.warehouse_code, a.quantity);
    std::sort(out.begin(), out.end());
    return out;
  }

  test_support::TestDb db_;
};

TEST_F(AllocationAcrossWarehousesTest, PreferredWarehouseFirstThenRankThenBackorder) {
  auto placed = db_.Place(OrderFor("C-PREF", {{"WID-100", "25"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  // The order the warehouses were tried in shows in the ledger.
  std::vector<std::pair<int64_t, int64_t>> moves;
  {
    store::Query q(db_.reader(),
                   "SELECT w.allocation_rank, m.quantity FROM stock_movements m "
                   "JOIN warehouses w ON w.id = m.warehouse_id WHERE m.kind = 'allocate' "
                   "ORDER BY m.id");
    while (q.Next()) moves.emplace_back(q.Int(0), q.Int(1));
  }
  EXPECT_EQ(moves, (std::vector<std::pair<int64_t, int64_t>>{{30, 5}, {10, 4}, {20, 10}}));
  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(Allocations(*stored),
            (std::vector<std::pair<std::string, int64_t>>{{"W1", 4}, {"W2", 10}, {"W3", 5}}));
  EXPECT_EQ(Allocations(*placed), Allocations(*stored));
  EXPECT_EQ(stored->lines[0].quantity_unallocated(), 6);
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*stored)), "backordered");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 4);
  EXPECT_EQ(db_.Stock("WID-100", "W2").allocated, 10);
  EXPECT_EQ(db_.Stock("WID-100", "W3").allocated, 5);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(AllocationAcrossWarehousesTest, ReturnedOrderIsTheOrderAsStoredWhenSplit) {
  // PlaceOrder "returns [the order] as stored": the placement answer and a later read of the
  // same order must be the same document, allocations included.
  auto placed = db_.Place(OrderFor("C-PREF", {{"WID-100", "12"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(orders::ToJson(*placed).dump(), orders::ToJson(*stored).dump());
}

TEST_F(AllocationAcrossWarehousesTest, ReleasedHoldAllocatesFromThePreferredWarehouseFirst) {
  auto held = SimpleCustomer("C-PREF-HOLD", "100000.00", "W2");
  held.on_hold = true;
  db_.AddCustomer(held);
  auto placed = db_.Place(OrderFor("C-PREF-HOLD", {{"WID-100", "12"}}));
  ASSERT_TRUE(placed.ok());
  ASSERT_EQ(orders::StatusName(orders::DeriveStatus(*placed)), "on_hold");
  auto released = db_.ReleaseHold(placed->id, "credit", "ok");
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  EXPECT_EQ(Allocations(*released),
            (std::vector<std::pair<std::string, int64_t>>{{"W1", 2}, {"W2", 10}}));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(AllocationAcrossWarehousesTest, PreferredWarehouseAloneWhenItHasEnough) {
  auto placed = db_.Place(OrderFor("C-PREF", {{"WID-100", "5"}}));
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(Allocations(*placed), (std::vector<std::pair<std::string, int64_t>>{{"W3", 5}}));
}

TEST_F(AllocationAcrossWarehousesTest, WithoutPreferenceLowestRankFirst) {
  auto placed = db_.Place(OrderFor("C-ANY", {{"WID-100", "6"}}));
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(Allocations(*placed),
            (std::vector<std::pair<std::string, int64_t>>{{"W1", 4}, {"W2", 2}}));
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*placed)), "open");
}

}  // namespace
}  // namespace ordo::flows
