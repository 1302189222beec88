// Approval rules created and changed on a real database: validation, codes, versions, audit,
// and the reference version that tells order placement its rules changed.
#include "approvals/rule_commands.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "approvals/rule_repository.h"
#include "audit/audit_log.h"
#include "flows/reference_version.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo::approvals {
namespace {

using test_support::FieldIs;
using ::testing::UnorderedElementsAre;

class RuleCommandsTest : public ::testing::Test {
 protected:
  Result<ApprovalRule> Create(const NewRule& in) {
    CommandContext ctx = db_.Context(test_support::kManager);
    return db_.executor().RunFor<ApprovalRule>(
        [&](store::Connection& c) { return CreateRule(c, ctx, in); });
  }
  Result<ApprovalRule> Change(const std::string& code, const RulePatch& patch,
                              std::optional<int64_t> version = std::nullopt) {
    CommandContext ctx = db_.Context(test_support::kManager);
    return db_.executor().RunFor<ApprovalRule>(
        [&](store::Connection& c) { return ChangeRule(c, ctx, code, patch, version); });
  }

  test_support::TestDb db_;
};

TEST_F(RuleCommandsTest, TheMigrationKeepsTheCreditCheckAndThePriceFloorAsRules) {
  auto rules = ListActiveRules(db_.reader());
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].code, "CREDIT-LIMIT");
  EXPECT_EQ(rules[0].kind, RuleKind::kCreditLimit);
  EXPECT_EQ(rules[0].hold_kind, "credit");
  EXPECT_EQ(rules[1].code, "PRICE-FLOOR");
  EXPECT_EQ(rules[1].hold_kind, "pricing");
}

TEST_F(RuleCommandsTest, CreatesARuleWithItsThresholdInItsUnit) {
  auto discount = Create({"DISC-20", "Discount over 20%", "discount_over", "20.5", {}, true});
  ASSERT_TRUE(discount.ok()) << discount.status().ToString();
  EXPECT_EQ(discount->threshold, 2050);
  EXPECT_EQ(discount->hold_kind, "approval");
  EXPECT_EQ(ToJson(*discount)["threshold"], "20.50");
  auto total = Create({"BIG", "Large order", "order_total_over", "25000", "credit", false});
  ASSERT_TRUE(total.ok()) << total.status().ToString();
  EXPECT_EQ(total->threshold, 25000 * Money::kScale);
  EXPECT_EQ(total->hold_kind, "credit");
  EXPECT_FALSE(total->active);
  EXPECT_EQ(ToJson(*total)["threshold"], "25000.00");
  auto stored = FindRule(db_.reader(), "DISC-20");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->threshold, 2050);
  EXPECT_EQ(audit::ForEntity(db_.reader(), "approval_rule", discount->id).size(), 1u);
}

TEST_F(RuleCommandsTest, RefusesEveryBadFieldAtOnceAndWritesNothing) {
  auto before = db_.Snapshot();
  auto bad = Create({"", "", "cheap", std::nullopt, "manual", true});
  ASSERT_EQ(bad.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(bad.status().errors(),
              UnorderedElementsAre(FieldIs("code", "required"), FieldIs("name", "required"),
                                   FieldIs("kind", "invalid_value"),
                                   FieldIs("hold_kind", "invalid_value")));
  const struct {
    const char* kind;
    std::optional<std::string> threshold;
    const char* code;
  } kThresholds[] = {
      {"discount_over", std::nullopt, "required"}, {"discount_over", "100.01", "out_of_range"},
      {"margin_under", "-1", "out_of_range"},      {"margin_under", "12.345", "out_of_range"},
      {"order_total_over", "abc", "out_of_range"}, {"order_total_over", "-5", "out_of_range"},
      {"first_order", "1", "not_allowed"},         {"credit_limit", "0", "not_allowed"},
  };
  for (const auto& t : kThresholds) {
    auto r = Create({"R", "Rule", t.kind, t.threshold, {}, true});
    EXPECT_THAT(r.status().errors(), UnorderedElementsAre(FieldIs("threshold", t.code)))
        << t.kind << " " << t.threshold.value_or("none");
  }
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(RuleCommandsTest, ACodeIsTakenOnce) {
  ASSERT_TRUE(Create({"NEW", "First order", "first_order", {}, {}, true}).ok());
  auto again = Create({"NEW", "Again", "first_order", {}, {}, true});
  EXPECT_EQ(again.status().code(), ErrorCode::kConflict);
  EXPECT_THAT(again.status().errors(), UnorderedElementsAre(FieldIs("code", "duplicate")));
}

TEST_F(RuleCommandsTest, ChangesBumpTheVersionAndTheReferenceVersion) {
  ASSERT_TRUE(Create({"DISC", "Discount", "discount_over", "20", {}, true}).ok());
  int64_t reference = flows::ReadReferenceVersion(db_.reader());
  RulePatch patch;
  patch.threshold = "25";
  patch.active = false;
  auto changed = Change("DISC", patch, 1);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->version, 2);
  EXPECT_EQ(changed->threshold, 2500);
  EXPECT_FALSE(changed->active);
  EXPECT_GT(flows::ReadReferenceVersion(db_.reader()), reference);
  EXPECT_EQ(Change("DISC", patch, 1).status().code(), ErrorCode::kPreconditionFailed);
  EXPECT_EQ(Change("NONE", patch).status().code(), ErrorCode::kNotFound);
  RulePatch bad;
  bad.hold_kind = "fraud";
  bad.name = "";
  EXPECT_THAT(
      Change("DISC", bad).status().errors(),
      UnorderedElementsAre(FieldIs("hold_kind", "invalid_value"), FieldIs("name", "required")));
  auto stored = FindRule(db_.reader(), "DISC");
  EXPECT_EQ(stored->version, 2);
}

}  // namespace
}  // namespace ordo::approvals
