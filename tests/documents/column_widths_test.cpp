// ColumnWidths: natural widths, what is left over, and what happens when they do not fit.
#include "documents/column_widths.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ordo::documents {
namespace {

using ::testing::ElementsAre;
using ::testing::FloatEq;

TEST(ColumnWidths, StretchColumnsTakeWhatIsLeft) {
  auto w = ColumnWidths({{20, false}, {100, true}, {30, false}}, 500);
  EXPECT_THAT(w, ElementsAre(FloatEq(20), FloatEq(450), FloatEq(30)));
}

TEST(ColumnWidths, WithoutStretchEveryColumnGrowsInProportion) {
  auto w = ColumnWidths({{100, false}, {300, false}}, 800);
  EXPECT_THAT(w, ElementsAre(FloatEq(200), FloatEq(600)));
}

TEST(ColumnWidths, TooWideShrinksStretchColumnsFirst) {
  auto w = ColumnWidths({{100, false}, {500, true}}, 400);
  EXPECT_THAT(w, ElementsAre(FloatEq(100), FloatEq(300)));
}

TEST(ColumnWidths, StretchColumnsStopAtTheirMinimumThenEverythingShrinks) {
  // The stretch column gives up 428 (500 down to 72); 672 still do not fit 336.
  auto w = ColumnWidths({{600, false}, {500, true}}, 336);
  EXPECT_THAT(w, ElementsAre(FloatEq(300), FloatEq(36)));
}

TEST(ColumnWidths, NoColumnsNoWidths) {
  EXPECT_TRUE(ColumnWidths({}, 500).empty());
}

}  // namespace
}  // namespace ordo::documents
