#include "core/ids.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <type_traits>
#include <unordered_set>

namespace ordo {
namespace {

TEST(Id, DefaultIsInvalid) {
  EXPECT_FALSE(ItemId().valid());
  EXPECT_EQ(ItemId().value(), 0);
  EXPECT_FALSE(ItemId(-3).valid());
  EXPECT_TRUE(ItemId(1).valid());
}

TEST(Id, ComparesAndHashesByValue) {
  EXPECT_EQ(OrderId(5), OrderId(5));
  EXPECT_LT(OrderId(4), OrderId(5));
  std::unordered_set<CustomerId> set{CustomerId(1), CustomerId(2), CustomerId(1)};
  EXPECT_EQ(set.size(), 2u);
  EXPECT_TRUE(set.contains(CustomerId(2)));
}

TEST(Id, DistinctEntitiesAreDistinctTypes) {
  EXPECT_FALSE((std::is_same_v<ItemId, CustomerId>));
  EXPECT_FALSE((std::is_convertible_v<ItemId, CustomerId>));
  EXPECT_FALSE((std::is_convertible_v<int64_t, ItemId>));
}

TEST(DocumentNumber, FormatsWithAtLeastSixDigits) {
  EXPECT_EQ(FormatDocumentNumber("SO", 42), "SO-000042");
  EXPECT_EQ(FormatDocumentNumber("SO", 1), "SO-000001");
  EXPECT_EQ(FormatDocumentNumber("SO", 999999), "SO-999999");
  EXPECT_EQ(FormatDocumentNumber("SO", 1234567), "SO-1234567");
  EXPECT_EQ(FormatDocumentNumber("INV", 7), "INV-000007");
}

TEST(DocumentNumber, ParsesWellFormed) {
  EXPECT_EQ(ParseDocumentNumber("SO-000042", "SO"), 42);
  EXPECT_EQ(ParseDocumentNumber("SO-1234567", "SO"), 1234567);
  EXPECT_EQ(ParseDocumentNumber("SO-42", "SO"), 42);
  EXPECT_EQ(ParseDocumentNumber("SO-999999999999999999", "SO"), 999999999999999999);
}

TEST(DocumentNumber, RoundTrips) {
  for (int64_t sequence :
       {int64_t{1}, int64_t{42}, int64_t{999999}, int64_t{1000000}, int64_t{999999999999999999}}) {
    EXPECT_EQ(ParseDocumentNumber(FormatDocumentNumber("PO", sequence), "PO"), sequence);
  }
}

TEST(DocumentNumber, RejectsMalformed) {
  const char* const kMalformed[] = {
      "",
      "SO",
      "SO-",
      "SO000042",
      "SO_000042",
      "so-000042",
      "PO-000042",
      "SO-000000",
      "SO-0",
      "SO--000042",
      "SO-+42",
      "SO- 42",
      "SO-42 ",
      " SO-42",
      "SO-00004a",
      "SO-1.5",
      "SO-0000000000000000042",  // 19 digits
      "SO-9999999999999999999",  // beyond int64
      "XSO-000042",
      "SO-000042-1",
  };
  for (const char* text : kMalformed) {
    EXPECT_EQ(ParseDocumentNumber(text, "SO"), std::nullopt) << '"' << text << '"';
  }
}

}  // namespace
}  // namespace ordo
