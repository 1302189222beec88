// catalog::FloorPrice, table-driven: the least price that leaves the minimum margin, rounded up
// to Money's unit (1/10,000), and never one unit less.
#include "catalog/floor_price.h"

#include <gtest/gtest.h>

#include <string>

namespace ordo::catalog {
namespace {

__extension__ typedef __int128 Int128;

Money M(const std::string& text) {
  return Money::Parse(text).value();
}

struct Case {
  const char* cost;
  int min_margin_bp;
  const char* floor;
};

TEST(FloorPriceTest, TheTable) {
  const Case cases[] = {
      {"0", 0, "0"},                           // no cost: no floor
      {"0", 2500, "0"},                        // no cost, any margin
      {"12.00", 0, "12.00"},                   // no margin: the cost itself
      {"12.00", 2500, "16.00"},                // 12 / 0.75, exact
      {"10.00", 5000, "20.00"},                // half the price is margin
      {"1.00", 3333, "1.5000"},                // 1.499925..., up to the next unit
      {"1.00", 3000, "1.4286"},                // 1.428571..., up
      {"0.0001", 1, "0.0002"},                 // 1.0001 units: one unit more
      {"0.0001", 9999, "1.0000"},              // the largest margin: 10,000 times the cost
      {"2.5", 1250, "2.8572"},                 // 2.857142..., up
      {"7.3333", 1500, "8.6275"},              // 8.627411..., up
      {"1000000000", 9999, "10000000000000"},  // the largest cost an item holds, largest margin
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FloorPrice(M(c.cost), c.min_margin_bp), M(c.floor))
        << "cost " << c.cost << ", margin " << c.min_margin_bp << " bp";
  }
}

// The property behind the rounding, over a grid of costs and margins: a price at the floor
// leaves at least the margin, and one unit below it leaves less.
TEST(FloorPriceTest, TheFloorIsTheLeastPriceWithTheMargin) {
  for (int64_t cost = 0; cost <= 20'000; cost += 137) {
    for (int bp : {0, 1, 99, 1000, 2500, 3333, 5000, 7777, 9999}) {
      const int64_t floor = FloorPrice(Money::FromUnits(cost), bp).units();
      // margin >= bp/10000  <=>  (price - cost) * 10000 >= bp * price
      auto leaves_margin = [&](int64_t price) {
        return (static_cast<Int128>(price) - cost) * 10'000 >= static_cast<Int128>(bp) * price;
      };
      EXPECT_TRUE(leaves_margin(floor)) << cost << " " << bp;
      if (floor > 0) {
        EXPECT_FALSE(leaves_margin(floor - 1)) << cost << " " << bp;
      }
    }
  }
}

}  // namespace
}  // namespace ordo::catalog
