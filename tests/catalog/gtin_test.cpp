// catalog::IsValidGtin, table-driven: the four lengths with their check digit, and what is not
// a GTIN.
#include "catalog/gtin.h"

#include <gtest/gtest.h>

namespace ordo::catalog {
namespace {

TEST(GtinTest, TheTable) {
  struct Case {
    const char* gtin;
    bool valid;
  };
  const Case cases[] = {
      {"96385074", true},         // GTIN-8
      {"12345670", true},         // GTIN-8
      {"036000291452", true},     // UPC-A
      {"4006381333931", true},    // EAN-13
      {"5901234123457", true},    // EAN-13
      {"0012345678905", true},    // EAN-13 with leading zeros kept
      {"00012345600012", true},   // GTIN-14
      {"10012345678902", true},   // GTIN-14 of a case
      {"00000000000017", true},   // GTIN-14, nearly all zeros
      {"96385075", false},        // check digit off by one
      {"036000291453", false},    // check digit wrong
      {"4006381333932", false},   // check digit wrong
      {"10012345678901", false},  // check digit wrong
      {"306000291452", false},    // two digits swapped: the weights catch it
      {"", false},
      {"1234567", false},          // 7 digits
      {"123456789", false},        // 9 digits
      {"12345678901", false},      // 11 digits
      {"123456789012345", false},  // 15 digits
      {"03600029145A", false},     // a letter
      {" 36000291452", false},     // a blank
      {"-36000291452", false},     // a sign
  };
  for (const auto& c : cases) EXPECT_EQ(IsValidGtin(c.gtin), c.valid) << c.gtin;
}

}  // namespace
}  // namespace ordo::catalog
