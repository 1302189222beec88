// The one version check of every command that takes an expected version.
#include "core/version_check.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(VersionCheck, NoExpectedVersionAlwaysPasses) {
  EXPECT_TRUE(CheckVersion(std::nullopt, 7, "order", "SO-000001").ok());
}

TEST(VersionCheck, TheSameVersionPasses) {
  EXPECT_TRUE(CheckVersion(3, 3, "order", "SO-000001").ok());
}

TEST(VersionCheck, AnotherVersionIsPreconditionFailedNamingTheDocumentAndItsVersion) {
  Status st = CheckVersion(2, 5, "credit memo", "CM-000004");
  EXPECT_EQ(st.code(), ErrorCode::kPreconditionFailed);
  EXPECT_EQ(st.message(), "credit memo CM-000004 is at version 5");
  EXPECT_TRUE(st.errors().empty());
  EXPECT_EQ(CheckVersion(9, 5, "item", "WID-100").code(), ErrorCode::kPreconditionFailed);
}

}  // namespace
}  // namespace ordo
