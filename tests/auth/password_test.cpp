// Password hashing: argon2id round trip, wrong passwords, distinct salts, malformed hashes.
#include "auth/password.h"

#include <gtest/gtest.h>

#include "auth/secrets.h"

namespace ordo::auth {
namespace {

TEST(PasswordTest, RoundTripAndWrongPassword) {
  std::string hash = HashPassword("correct horse", kTestPasswordCost);
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(VerifyPassword("correct horse", hash));
  EXPECT_FALSE(VerifyPassword("correct horsf", hash));
  EXPECT_FALSE(VerifyPassword("", hash));
}

TEST(PasswordTest, SaltMakesEveryHashDifferent) {
  EXPECT_NE(HashPassword("same password", kTestPasswordCost),
            HashPassword("same password", kTestPasswordCost));
}

TEST(PasswordTest, MalformedHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("anything", ""));
  EXPECT_FALSE(VerifyPassword("anything", "$argon2id$garbage"));
}

TEST(PasswordTest, DefaultCostIsTheDocumentedOne) {
  std::string hash = HashPassword("default cost");
  EXPECT_NE(hash.find("m=19456,t=2,p=1"), std::string::npos) << hash;
  EXPECT_TRUE(VerifyPassword("default cost", hash));
}

TEST(SecretsTest, RandomHexAndSha256) {
  std::string a = RandomHex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, RandomHex(32));
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace ordo::auth
