// The password policy (length in characters, the shipped list of common passwords) and the
// equal work for unknown users.
#include "auth/password_policy.h"

#include <gtest/gtest.h>

#include <string>

#include "auth/common_passwords.h"
#include "auth/password.h"
#include "auth/tokens.h"

namespace ordo::auth {
namespace {

TEST(PasswordPolicy, AtLeastTwelveCharactersCountedAsCharacters) {
  EXPECT_TRUE(CheckPasswordPolicy("river-stone-9", "password").ok());
  Status short_one = CheckPasswordPolicy("river-stone", "password");
  EXPECT_EQ(short_one.code(), ErrorCode::kWeakPassword);
  ASSERT_EQ(short_one.errors().size(), 1u);
  EXPECT_EQ(short_one.errors()[0].field, "password");
  EXPECT_EQ(short_one.errors()[0].code, "weak_password");
  std::string u_umlaut = "\xC3\xBC";  // two bytes, one character
  std::string twelve;
  for (int i = 0; i < 12; ++i) twelve += u_umlaut;
  std::string eleven_umlauts;
  for (int i = 0; i < 11; ++i) eleven_umlauts += u_umlaut;  // 22 bytes
  EXPECT_EQ(CheckPasswordPolicy(eleven_umlauts, "p").code(), ErrorCode::kWeakPassword);
  EXPECT_TRUE(CheckPasswordPolicy(twelve, "p").ok());
  EXPECT_EQ(CheckPasswordPolicy(std::string(257, 'q') + "z", "p").code(),
            ErrorCode::kInvalidArgument);
}

TEST(PasswordPolicy, CommonPasswordsAreRefusedWhateverTheirCase) {
  for (const char* common : {"password1234", "Password1234", "QWERTYUIOP12", "123456789012",
                             "welcome2025!", "aaaaaaaaaaaa", "1qaz2wsx3edc"}) {
    Status st = CheckPasswordPolicy(common, "new_password");
    EXPECT_EQ(st.code(), ErrorCode::kWeakPassword) << common;
    ASSERT_EQ(st.errors().size(), 1u);
    EXPECT_EQ(st.errors()[0].field, "new_password");
  }
}

TEST(PasswordPolicy, TheShippedListHasThousandsOfEntriesAllLongEnough) {
  std::string_view text = CommonPasswordsText();
  size_t entries = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;
    ++entries;
    EXPECT_GE(line.size(), kMinPasswordLength) << line;
    EXPECT_TRUE(IsCommonPassword(line)) << line;
  }
  EXPECT_GT(entries, 2000u);
}

TEST(PasswordPolicy, DemoPasswordsSatisfyIt) {
  for (const char* demo : {"admin-demo-1", "sales-demo-1", "manager-demo-1", "arclerk-demo-1",
                           "warehouse-demo-1", "portal-demo-1", "integration-demo-1"}) {
    EXPECT_TRUE(CheckPasswordPolicy(demo, "password").ok()) << demo;
  }
}

TEST(DummyPassword, HasTheDefaultCost) {
  std::string fresh = HashPassword("anything-at-all", PasswordCost{});
  std::string_view dummy = kDummyPasswordHash;
  // "$argon2id$v=19$m=...,t=...,p=...$": everything before the salt.
  auto params = [](std::string_view h) { return h.substr(0, h.find('$', h.find("m="))); };
  EXPECT_EQ(params(dummy), params(fresh));
}

TEST(DummyPassword, AnUnknownUserCostsOneVerificationLikeAWrongPassword) {
  uint64_t before = PasswordVerificationCount();
  EXPECT_EQ(CheckPassword(std::nullopt, "whatever-it-is").status().code(),
            ErrorCode::kUnauthenticated);
  EXPECT_EQ(PasswordVerificationCount(), before + 1);
  UserRecord user;
  user.password_hash = HashPassword("the-right-one-1", kTestPasswordCost);
  EXPECT_FALSE(CheckPassword(user, "whatever-it-is").ok());
  EXPECT_EQ(PasswordVerificationCount(), before + 2);
}

}  // namespace
}  // namespace ordo::auth
