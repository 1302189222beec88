// Field paths as field errors name them.
#include "core/field_path.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(FieldPath, NamesAnElementOfAnArray) {
  EXPECT_EQ(ElementPath("lines", 0), "lines/0");
  EXPECT_EQ(ElementPath("applications", 12), "applications/12");
}

TEST(FieldPath, NamesAFieldOfTheBodyOrOfANestedObject) {
  EXPECT_EQ(FieldPath("", "customer"), "customer");
  EXPECT_EQ(FieldPath("bill_to", "city"), "bill_to/city");
  EXPECT_EQ(FieldPath("lines/3", "quantity"), "lines/3/quantity");
}

TEST(FieldPath, NamesAFieldOfAnElement) {
  EXPECT_EQ(FieldPath("lines", 3, "quantity"), "lines/3/quantity");
  EXPECT_EQ(FieldPath("packages", 0, "weight"), "packages/0/weight");
}

}  // namespace
}  // namespace ordo
