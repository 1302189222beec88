// One pick list confirmed from two threads at once (two warehouse clerks pressing "shipped"
// on the same list): exactly one confirmation wins, the other is refused as invalid_state,
// and the stock leaves the warehouse once, with one invoice.
#include <gtest/gtest.h>

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "flows/order_shipment.h"
#include "orders/order.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::OrderFor;
using test_support::SimpleCustomer;

class PickListRaceTest : public ::testing::Test {
 protected:
  PickListRaceTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "10.00");
    db_.Receive("W1", "WID-100", 1000);
    db_.AddCustomer(SimpleCustomer("C-1", "1000000.00"));
  }

  // Confirms `shipment` from two threads released together; their two answers.
  std::vector<Result<ConfirmedShipment>> ConfirmTwiceAtOnce(ShipmentId shipment) {
    ShipmentConfirmation c;
    c.carrier = "UPS";
    c.service = "Ground";
    c.tracking_number = "1Z";
    c.packages = {{"2"}};
    std::vector<Result<ConfirmedShipment>> answers(2, Status::Internal("not run"));
    std::latch go(2);
    std::vector<std::thread> clerks;
    for (int i = 0; i < 2; ++i) {
      clerks.emplace_back([&, i] {
        CommandContext ctx = db_.Context(i == 0 ? "user:clerk-a" : "user:clerk-b");
        go.arrive_and_wait();
        answers[i] = db_.executor().RunFor<ConfirmedShipment>([&](store::Connection& conn) {
          return ConfirmShipment(conn, ctx, shipment, c, std::nullopt);
        });
      });
    }
    for (auto& t : clerks) t.join();
    return answers;
  }

  test_support::TestDb db_;
};

TEST_F(PickListRaceTest, OneConfirmationWinsTheOtherIsRefusedAndStockMovesOnce) {
  constexpr int kRounds = 20;  // the two may land in one batch or in two
  for (int round = 0; round < kRounds; ++round) {
    auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "3"}}));
    ASSERT_TRUE(placed.ok()) << placed.status().ToString();
    CommandContext ctx = db_.Context("user:picker");
    auto shipment = db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& c) { return CreateShipment(c, ctx, placed->id, "W1"); });
    ASSERT_TRUE(shipment.ok()) << shipment.status().ToString();

    auto answers = ConfirmTwiceAtOnce(shipment->id);
    int won = 0;
    for (const auto& a : answers) {
      if (a.ok()) {
        ++won;
        EXPECT_EQ(a->shipment.lines[0].quantity_shipped, 3);
      } else {
        EXPECT_EQ(a.status().code(), ErrorCode::kInvalidState) << a.status().ToString();
      }
    }
    ASSERT_EQ(won, 1) << "round " << round;
    EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM invoices WHERE shipment_id = " +
                           std::to_string(shipment->id.value())),
              1);
  }
  // Each round shipped 3 units once: 60 in all, in 20 ship movements.
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 1000 - 3 * kRounds);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM stock_movements WHERE kind = 'ship'"), kRounds);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'shipment.confirm'"),
            kRounds);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

}  // namespace
}  // namespace ordo::flows
