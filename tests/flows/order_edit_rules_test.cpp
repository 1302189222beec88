// What an order change may do to a line given how far it has gone (flows/order_edit_rules.h),
// table-driven: shipped and picked quantities bound the new quantity, shipped quantity fixes
// the price, a cancelled line is done, and the ship-to waits for nothing shipped or picked.
#include "flows/order_edit_rules.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace ordo::flows {
namespace {

struct Case {
  const char* name;
  LineProgress line;
  LineChangeAsk ask;
  std::optional<std::string> refusal;  // the field error's code, or none
  std::string field;                   // its field
};

TEST(OrderEditRules, WhatALineMayBecome) {
  const std::vector<Case> cases = {
      {"raise an untouched line", {10, 0, 0, 0}, {20, false, false}, std::nullopt, ""},
      {"lower an untouched line", {10, 0, 0, 0}, {1, false, false}, std::nullopt, ""},
      {"remove an untouched line's rest", {10, 0, 0, 0}, {0, false, false}, std::nullopt, ""},
      {"lower to what is picked", {10, 0, 0, 6}, {6, false, false}, std::nullopt, ""},
      {"lower below what is picked", {10, 0, 0, 6}, {5, false, false}, "below_picked", "quantity"},
      {"remove with something picked",
       {10, 0, 0, 1},
       {0, false, false},
       "below_picked",
       "quantity"},
      {"lower to shipped plus picked", {10, 4, 0, 3}, {7, false, false}, std::nullopt, ""},
      {"lower below shipped plus picked",
       {10, 4, 0, 3},
       {6, false, false},
       "below_picked",
       "quantity"},
      {"lower to what is shipped", {10, 4, 0, 0}, {4, false, false}, std::nullopt, ""},
      {"lower below what is shipped", {10, 4, 0, 0}, {3, false, false}, "below_picked", "quantity"},
      {"raise a fully shipped line", {10, 10, 0, 0}, {12, false, false}, std::nullopt, ""},
      {"price an untouched line", {10, 0, 0, 0}, {std::nullopt, true, false}, std::nullopt, ""},
      {"price a picked line", {10, 0, 0, 10}, {std::nullopt, true, false}, std::nullopt, ""},
      {"price a shipped line",
       {10, 1, 0, 0},
       {std::nullopt, true, false},
       "price_fixed",
       "unit_price"},
      {"date a shipped line", {10, 4, 0, 6}, {std::nullopt, false, true}, std::nullopt, ""},
      {"anything on a cancelled line",
       {10, 0, 10, 0},
       {std::nullopt, false, true},
       "line_cancelled",
       "line_no"},
      {"the rest of a short-shipped cancelled line",
       {10, 3, 7, 0},
       {12, false, false},
       "line_cancelled",
       "line_no"},
  };
  for (const Case& c : cases) {
    auto refusal = LineChangeRefusal(c.line, c.ask);
    if (!c.refusal) {
      EXPECT_FALSE(refusal.has_value()) << c.name << ": " << refusal->code;
      continue;
    }
    ASSERT_TRUE(refusal.has_value()) << c.name;
    EXPECT_EQ(refusal->code, *c.refusal) << c.name;
    EXPECT_EQ(refusal->field, c.field) << c.name;
  }
}

TEST(OrderEditRules, TheLowestQuantityIsWhatIsShippedOrBeingPicked) {
  EXPECT_EQ(LowestQuantity({10, 0, 0, 0}), 0);
  EXPECT_EQ(LowestQuantity({10, 4, 0, 3}), 7);
  EXPECT_EQ(LowestQuantity({10, 10, 0, 0}), 10);
}

TEST(OrderEditRules, TheShipToChangesWhileNothingIsShippedOrPicked) {
  struct ShipToCase {
    const char* name;
    std::vector<LineProgress> lines;
    bool may;
  };
  const std::vector<ShipToCase> cases = {
      {"nothing started", {{10, 0, 0, 0}, {5, 0, 0, 0}}, true},
      {"a line cancelled", {{10, 0, 10, 0}, {5, 0, 0, 0}}, true},
      {"a line picking", {{10, 0, 0, 0}, {5, 0, 0, 1}}, false},
      {"a line shipped", {{10, 2, 0, 0}, {5, 0, 0, 0}}, false},
  };
  for (const auto& c : cases) EXPECT_EQ(ShipToMayChange(c.lines), c.may) << c.name;
}

}  // namespace
}  // namespace ordo::flows
