#include "core/quantity.h"

#include <gtest/gtest.h>

#include <string>

namespace ordo {
namespace {

std::string FieldCode(const Status& status) {
  return status.errors().size() == 1 ? status.errors()[0].code : "<not one field error>";
}

TEST(Uom, AcceptsUpperCaseCodes) {
  for (const char* uom : {"EA", "CS", "C", "PK12", "ABCDEFGH", "X1"}) {
    EXPECT_TRUE(IsValidUom(uom)) << uom;
  }
}

TEST(Uom, RejectsMalformedCodes) {
  for (const char* uom : {"", "ea", "Cs", "1EA", "ABCDEFGHI", "E A", "EA-", "É", " EA", "EA "}) {
    EXPECT_FALSE(IsValidUom(uom)) << '"' << uom << '"';
  }
}

TEST(Quantity, ParsesWholeAmounts) {
  struct Case {
    const char* text;
    int64_t amount;
  };
  const Case kCases[] = {
      {"0", 0},
      {"12", 12},
      {"-3", -3},
      {"-0", 0},
      {"12.0", 12},
      {"12.000000", 12},
      {"-7.00", -7},
      {"0012", 12},
      {"1000000000000", 1'000'000'000'000},
      {"-1000000000000", -1'000'000'000'000},
      {"1000000000000.0", 1'000'000'000'000},
  };
  for (const Case& c : kCases) {
    Result<int64_t> parsed = ParseWholeAmount(c.text);
    ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.status().ToString();
    EXPECT_EQ(*parsed, c.amount) << c.text;
  }
}

TEST(Quantity, RejectsFractionalUnits) {
  for (const char* text : {"1.5", "0.1", "-3.25", "12.0000001", "1000000000000.5"}) {
    Result<int64_t> parsed = ParseWholeAmount(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(FieldCode(parsed.status()), "not_whole_units") << text;
    EXPECT_EQ(parsed.status().errors()[0].field, "");
    EXPECT_FALSE(parsed.status().errors()[0].message.empty());
  }
}

TEST(Quantity, RejectsMalformedAmounts) {
  const char* const kMalformed[] = {"",   "-",   ".",     ".5",  "1.",    "+1",  " 1",
                                    "1 ", "1e3", "1,000", "abc", "1.2.3", "--1", "0x10"};
  for (const char* text : kMalformed) {
    Result<int64_t> parsed = ParseWholeAmount(text);
    ASSERT_FALSE(parsed.ok()) << '"' << text << '"';
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(FieldCode(parsed.status()), "invalid_quantity") << text;
    EXPECT_EQ(parsed.status().errors()[0].field, "");
  }
}

TEST(Quantity, RejectsAmountsBeyondRange) {
  for (const char* text :
       {"1000000000001", "-1000000000001", "99999999999999999999999", "1000000000001.0"}) {
    Result<int64_t> parsed = ParseWholeAmount(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(FieldCode(parsed.status()), "out_of_range") << text;
  }
}

UnitConversions CaseOfTwelve() {
  return UnitConversions("EA", {{"CS", 12}, {"PL", 480}});
}

TEST(UnitConversions, UnitsPer) {
  const UnitConversions conversions = CaseOfTwelve();
  EXPECT_EQ(conversions.UnitsPer("EA"), 1);
  EXPECT_EQ(conversions.UnitsPer("CS"), 12);
  EXPECT_EQ(conversions.UnitsPer("PL"), 480);
  EXPECT_EQ(conversions.UnitsPer("BX"), 0);
  EXPECT_EQ(conversions.UnitsPer("cs"), 0);
  EXPECT_EQ(conversions.UnitsPer(""), 0);
}

TEST(UnitConversions, ConvertsPacksToBaseUnits) {
  const UnitConversions conversions = CaseOfTwelve();
  EXPECT_EQ(*conversions.ToBase({3, "CS"}), 36);
  EXPECT_EQ(*conversions.ToBase({5, "EA"}), 5);
  EXPECT_EQ(*conversions.ToBase({2, "PL"}), 960);
  EXPECT_EQ(*conversions.ToBase({-2, "CS"}), -24);
  EXPECT_EQ(*conversions.ToBase({0, "PL"}), 0);
}

TEST(UnitConversions, RejectsUnknownUom) {
  Result<int64_t> base = CaseOfTwelve().ToBase({3, "BX"});
  ASSERT_FALSE(base.ok());
  EXPECT_EQ(base.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(FieldCode(base.status()), "unknown_uom");
}

TEST(UnitConversions, RejectsResultBeyondRange) {
  const UnitConversions conversions = CaseOfTwelve();
  EXPECT_EQ(*conversions.ToBase({83'333'333'333, "CS"}), 999'999'999'996);
  for (const Quantity& q :
       {Quantity{83'333'333'334, "CS"}, Quantity{-83'333'333'334, "CS"},
        Quantity{1'000'000'000'001, "EA"}, Quantity{INT64_MAX, "PL"}, Quantity{INT64_MIN, "PL"}}) {
    Result<int64_t> base = conversions.ToBase(q);
    ASSERT_FALSE(base.ok()) << q.amount << " " << q.uom;
    EXPECT_EQ(base.status().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(FieldCode(base.status()), "out_of_range");
  }
}

TEST(UnitConversions, KeepsWhatItWasGiven) {
  const UnitConversions conversions = CaseOfTwelve();
  EXPECT_EQ(conversions.base_uom(), "EA");
  ASSERT_EQ(conversions.packs().size(), 2u);
  EXPECT_EQ(conversions.packs()[1], (PackSize{"PL", 480}));
}

TEST(UnitConversions, ValidateAcceptsGoodPacks) {
  EXPECT_TRUE(UnitConversions::Validate("EA", {}).ok());
  EXPECT_TRUE(UnitConversions::Validate("EA", {{"CS", 12}, {"PL", 480}, {"PR", 2}}).ok());
}

TEST(UnitConversions, ValidateReportsEachBadPack) {
  const Status status = UnitConversions::Validate("EA", {
                                                            {"CS", 12},
                                                            {"cs", 6},
                                                            {"EA", 4},
                                                            {"CS", 24},
                                                            {"BX", 1},
                                                            {"PL", 0},
                                                            {"DR", -5},
                                                        });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kInvalidArgument);
  const std::vector<std::pair<std::string, std::string>> kExpected = {
      {"pack_sizes/1/uom", "invalid_uom"},
      {"pack_sizes/2/uom", "same_as_base_uom"},
      {"pack_sizes/3/uom", "duplicate_uom"},
      {"pack_sizes/4/quantity", "invalid_pack_quantity"},
      {"pack_sizes/5/quantity", "invalid_pack_quantity"},
      {"pack_sizes/6/quantity", "invalid_pack_quantity"},
  };
  std::vector<std::pair<std::string, std::string>> actual;
  for (const FieldError& error : status.errors()) actual.emplace_back(error.field, error.code);
  EXPECT_EQ(actual, kExpected);
}

TEST(UnitConversions, ValidateReportsUomAndQuantityOfOnePack) {
  const Status status = UnitConversions::Validate("EA", {{"", 1}});
  ASSERT_EQ(status.errors().size(), 2u);
  EXPECT_EQ(status.errors()[0].field, "pack_sizes/0/uom");
  EXPECT_EQ(status.errors()[1].field, "pack_sizes/0/quantity");
}

TEST(UnitConversions, ValidateRejectsPackBeyondRange) {
  EXPECT_TRUE(UnitConversions::Validate("EA", {{"CS", 1'000'000'000'000}}).ok());
  const Status status = UnitConversions::Validate("EA", {{"CS", 1'000'000'000'001}});
  EXPECT_EQ(FieldCode(status), "out_of_range");
}

TEST(UnitConversions, ValidateRejectsBadBaseUom) {
  const Status status = UnitConversions::Validate("ea", {{"CS", 12}});
  ASSERT_EQ(status.errors().size(), 1u);
  EXPECT_EQ(status.errors()[0],
            (FieldError{"base_uom", "invalid_uom", status.errors()[0].message}));
}

}  // namespace
}  // namespace ordo
