// DeriveStatus: an order's status from its lines and holds, as a table.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "orders/order.h"

namespace ordo::orders {
namespace {

struct L {
  int64_t quantity;
  int64_t allocated = 0;
  int64_t shipped = 0;
  int64_t invoiced = 0;
  int64_t cancelled = 0;
};

Order Make(const std::vector<L>& lines, bool active_hold = false, bool released_hold = false) {
  Order o;
  int n = 0;
  for (const auto& l : lines) {
    OrderLine line;
    line.line_no = ++n;
    line.quantity = l.quantity;
    line.quantity_shipped = l.shipped;
    line.quantity_invoiced = l.invoiced;
    line.quantity_cancelled = l.cancelled;
    if (l.allocated > 0) line.allocations.push_back({WarehouseId(1), "W1", l.allocated});
    o.lines.push_back(line);
  }
  if (released_hold) {
    Hold h{1, "credit", "r", Timestamp{1}};
    h.released_at = Timestamp{2};
    o.holds.push_back(h);
  }
  if (active_hold) o.holds.push_back(Hold{2, "credit", "r", Timestamp{1}});
  return o;
}

TEST(DeriveStatus, Table) {
  struct Case {
    const char* name;
    Order order;
    OrderStatus want;
  };
  const Case kCases[] = {
      {"fully allocated", Make({{10, 10}}), OrderStatus::kOpen},
      {"fully allocated in two lines", Make({{10, 10}, {5, 5}}), OrderStatus::kOpen},
      {"nothing allocated", Make({{10, 0}}), OrderStatus::kBackordered},
      {"partly allocated", Make({{10, 4}}), OrderStatus::kBackordered},
      {"one line short", Make({{10, 10}, {5, 2}}), OrderStatus::kBackordered},
      {"an over-allocated line hides no other line's shortfall", Make({{10, 13}, {5, 2}}),
       OrderStatus::kBackordered},
      {"on hold, nothing allocated", Make({{10, 0}}, true), OrderStatus::kOnHold},
      {"on hold beats backordered", Make({{10, 3}}, true), OrderStatus::kOnHold},
      {"released hold, allocated", Make({{10, 10}}, false, true), OrderStatus::kOpen},
      {"released hold, unallocated", Make({{10, 0}}, false, true), OrderStatus::kBackordered},
      {"partly shipped", Make({{10, 6, 4}}), OrderStatus::kPartiallyShipped},
      {"partly shipped, rest unallocated", Make({{10, 0, 4}}), OrderStatus::kPartiallyShipped},
      {"one of two lines shipped", Make({{10, 0, 10}, {5, 5}}), OrderStatus::kPartiallyShipped},
      {"on hold while partly shipped", Make({{10, 0, 4}}, true), OrderStatus::kOnHold},
      {"all shipped", Make({{10, 0, 10}}), OrderStatus::kShipped},
      {"all shipped with a hold left", Make({{10, 0, 10}}, true), OrderStatus::kShipped},
      {"shipped, partly invoiced", Make({{10, 0, 10, 4}}), OrderStatus::kShipped},
      {"all invoiced", Make({{10, 0, 10, 10}}), OrderStatus::kInvoiced},
      {"all cancelled", Make({{10, 0, 0, 0, 10}}), OrderStatus::kCancelled},
      {"all cancelled with a hold", Make({{10, 0, 0, 0, 10}}, true), OrderStatus::kCancelled},
      {"every line cancelled", Make({{10, 0, 0, 0, 10}, {3, 0, 0, 0, 3}}), OrderStatus::kCancelled},
      {"one line cancelled, other allocated", Make({{10, 0, 0, 0, 10}, {3, 3}}),
       OrderStatus::kOpen},
      {"one line cancelled, other short", Make({{10, 0, 0, 0, 10}, {3, 1}}),
       OrderStatus::kBackordered},
      {"partly cancelled, rest allocated", Make({{10, 6, 0, 0, 4}}), OrderStatus::kOpen},
      {"partly cancelled, rest shipped", Make({{10, 0, 6, 0, 4}}), OrderStatus::kShipped},
      {"partly cancelled, rest invoiced", Make({{10, 0, 6, 6, 4}}), OrderStatus::kInvoiced},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(StatusName(DeriveStatus(c.order)), StatusName(c.want)) << c.name;
  }
}

TEST(DeriveStatus, StatusNamesRoundTrip) {
  for (OrderStatus s : {OrderStatus::kOnHold, OrderStatus::kOpen, OrderStatus::kBackordered,
                        OrderStatus::kPartiallyShipped, OrderStatus::kShipped,
                        OrderStatus::kInvoiced, OrderStatus::kClosed, OrderStatus::kCancelled}) {
    auto back = StatusFromName(StatusName(s));
    ASSERT_TRUE(back.has_value()) << StatusName(s);
    EXPECT_EQ(*back, s);
  }
  EXPECT_EQ(StatusName(OrderStatus::kOnHold), "on_hold");
  EXPECT_EQ(StatusName(OrderStatus::kPartiallyShipped), "partially_shipped");
  EXPECT_EQ(StatusFromName("bogus"), std::nullopt);
}

TEST(DeriveStatus, LineQuantities) {
  Order o = Make({{10, 6, 2, 0, 1}});
  const OrderLine& l = o.lines[0];
  EXPECT_EQ(l.quantity_open(), 7);
  EXPECT_EQ(l.quantity_allocated(), 6);
  EXPECT_EQ(l.quantity_unallocated(), 1);
  EXPECT_TRUE(Make({{1}}, true).has_active_hold());
  EXPECT_FALSE(Make({{1}}, false, true).has_active_hold());
  EXPECT_NE(Make({{1}}, true).ActiveHold("credit"), nullptr);
  EXPECT_EQ(Make({{1}}, true).ActiveHold("manual"), nullptr);
}

TEST(DeriveStatus, ChannelsAreTheKnownOnes) {
  for (const char* c : {"phone", "email", "web", "portal", "edi", "api", "csv"}) {
    EXPECT_TRUE(IsValidChannel(c)) << c;
  }
  for (const char* c : {"", "fax", "API", "web "}) EXPECT_FALSE(IsValidChannel(c)) << c;
}

}  // namespace
}  // namespace ordo::orders
