// The configurator's commands on a real SQLite file: a model stored and read back whole, its
// SKUs checked against the catalog, replaced with its version, audited.
#include "configurator/configurator_commands.h"

#include <gtest/gtest.h>

#include "audit/audit_log.h"
#include "configurator/configurator_repository.h"
#include "configurator/model_json.h"
#include "support/test_db.h"

namespace ordo::configurator {
namespace {

class ConfiguratorCommandsTest : public ::testing::Test {
 protected:
  ConfiguratorCommandsTest() {
    db_.AddItem("BIN-S", "10.00");
    db_.AddItem("BIN-L", "14.00");
    db_.AddItem("BIN-X", "20.00", {}, /*active=*/false);
  }

  static Model Bin() {
    Model m;
    m.code = "BIN";
    m.name = "Bin";
    m.questions = {
        {"size", "Size", true, {{"S", "Small", Money()}, {"L", "Large", *Money::Parse("1.25")}}},
        {"lid", "Lid", false, {{"yes", "Lid", *Money::Parse("3.00")}}}};
    m.constraints = {{"size", "S", ConstraintKind::kExcludes, "lid", {"yes"}}};
    m.sku_rules = {{"BIN-S", {{"size", "S"}}}, {"BIN-L", {{"size", "L"}}}};
    return m;
  }

  Result<Model> Create(const Model& m) {
    Result<Model> out = Status::Internal("not run");
    Status st = db_.executor().Run([&](store::Connection& c) {
      out = CreateModel(c, db_.Context(test_support::kManager), m);
      return out.status();
    });
    (void)st;
    return out;
  }

  Result<Model> Replace(const Model& m, std::optional<int64_t> expected) {
    Result<Model> out = Status::Internal("not run");
    Status st = db_.executor().Run([&](store::Connection& c) {
      out = ReplaceModel(c, db_.Context(test_support::kManager), m, expected);
      return out.status();
    });
    (void)st;
    return out;
  }

  test_support::TestDb db_;
};

TEST_F(ConfiguratorCommandsTest, AModelIsStoredAndReadBackWhole) {
  auto created = Create(Bin());
  ASSERT_TRUE(created.ok()) << created.status().message();
  EXPECT_EQ(created->version, 1);
  auto found = FindModel(db_.reader(), std::nullopt, "BIN");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(ToJson(*found), ToJson(*created));
  auto by_id = FindModel(db_.reader(), created->id, "");
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->code, "BIN");
  EXPECT_EQ(audit::ForEntity(db_.reader(), "configurator", created->id).size(), 1u);
}

TEST_F(ConfiguratorCommandsTest, UnknownSkusAreRefusedAndNothingIsStored) {
  Model m = Bin();
  m.sku_rules[1].sku = "NOPE-1";
  auto created = Create(m);
  ASSERT_FALSE(created.ok());
  ASSERT_EQ(created.status().errors().size(), 1u);
  EXPECT_EQ(created.status().errors()[0].field, "sku_rules/1/sku");
  EXPECT_EQ(created.status().errors()[0].code, "unknown_sku");
  EXPECT_EQ(db_.Count("configurators"), 0);
}

TEST_F(ConfiguratorCommandsTest, AnActiveModelMustMakeAProduct) {
  Model m = Bin();
  m.sku_rules = {{"BIN-X", {}}};
  auto created = Create(m);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().errors().at(0).code, "no_valid_configuration");
  m.active = false;  // an inactive model may wait for its SKUs
  EXPECT_TRUE(Create(m).ok());
}

TEST_F(ConfiguratorCommandsTest, AnAllDigitCodeIsFoundWhenNoModelHasThatId) {
  Model m = Bin();
  m.code = "2024";
  auto created = Create(m);
  ASSERT_TRUE(created.ok()) << created.status().message();
  auto found = FindModel(db_.reader(), 2024, "2024");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code, "2024");
  auto by_id = FindModel(db_.reader(), created->id, std::to_string(created->id));
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->code, "2024");
}

TEST_F(ConfiguratorCommandsTest, CodesAreUnique) {
  ASSERT_TRUE(Create(Bin()).ok());
  EXPECT_EQ(Create(Bin()).status().code(), ErrorCode::kConflict);
}

TEST_F(ConfiguratorCommandsTest, ReplacingChecksTheVersionAndBumpsIt) {
  ASSERT_TRUE(Create(Bin()).ok());
  Model changed = Bin();
  changed.name = "Stacking bin";
  changed.constraints.clear();
  changed.questions[1].values.push_back({"vent", "Vented lid", *Money::Parse("4.00")});
  EXPECT_EQ(Replace(changed, 7).status().code(), ErrorCode::kPreconditionFailed);
  auto replaced = Replace(changed, 1);
  ASSERT_TRUE(replaced.ok()) << replaced.status().message();
  EXPECT_EQ(replaced->version, 2);
  auto found = FindModel(db_.reader(), std::nullopt, "BIN");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(ToJson(*found), ToJson(*replaced));
  EXPECT_TRUE(found->constraints.empty());
  EXPECT_EQ(found->questions[1].values.size(), 2u);
  Model missing = Bin();
  missing.code = "CRATE";
  EXPECT_EQ(Replace(missing, std::nullopt).status().code(), ErrorCode::kNotFound);
}

TEST_F(ConfiguratorCommandsTest, ActiveSkusAreTheRulesItemsStillSold) {
  Model m = Bin();
  m.sku_rules.push_back({"BIN-X", {}});
  EXPECT_EQ(ActiveSkusOf(db_.reader(), m), (ActiveSkus{"BIN-S", "BIN-L"}));
}

}  // namespace
}  // namespace ordo::configurator
