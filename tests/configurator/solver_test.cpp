// The solver, table-driven over a small model that has each feature: a constraint that
// excludes, one that requires an optional question's value, a SKU that is not active (so a
// value that breaks no constraint still leads nowhere), price adjustments and answers given out
// of order.
#include "configurator/solver.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ordo::configurator {
namespace {

Money Amount(const char* text) {
  return *Money::Parse(text);
}

Model Tub() {
  Model m;
  m.code = "TUB";
  m.name = "Storage tub";
  m.questions = {
      {"size",
       "Size",
       true,
       {{"S", "Small", Money()}, {"M", "Medium", Amount("2.00")}, {"L", "Large", Money()}}},
      {"color", "Color", true, {{"red", "Red", Money()}, {"blue", "Blue", Amount("1.50")}}},
      {"extra", "Extra", false, {{"lid", "Lid", Amount("5.00")}}},
  };
  m.constraints = {
      {"size", "S", ConstraintKind::kExcludes, "color", {"blue"}},
      {"color", "blue", ConstraintKind::kRequires, "extra", {"lid"}},
  };
  m.sku_rules = {
      {"TUB-S", {{"size", "S"}}}, {"TUB-M", {{"size", "M"}}}, {"TUB-L", {{"size", "L"}}}};
  return m;
}

// TUB-L is not an active item.
const ActiveSkus kActive = {"TUB-S", "TUB-M"};

struct Case {
  std::string name;
  Answers answers;
  // A next question: its code, choices and whether "none" is offered.
  std::string next;
  std::vector<std::string> choices;
  bool none_allowed = false;
  // A product: its SKU, adjustment and description.
  std::string sku;
  std::string adjustment;
  std::string description;
  // A refusal: the one field error.
  std::string error_field;
  std::string error_code;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {.name = "nothing answered offers only sizes with an active SKU",
       .answers = {},
       .next = "size",
       .choices = {"S", "M"}},
      {.name = "small excludes blue",
       .answers = {{"size", "S"}},
       .next = "color",
       .choices = {"red"}},
      {.name = "medium offers both colors",
       .answers = {{"size", "M"}},
       .next = "color",
       .choices = {"red", "blue"}},
      {.name = "blue requires the lid, so none is not offered",
       .answers = {{"size", "M"}, {"color", "blue"}},
       .next = "extra",
       .choices = {"lid"},
       .none_allowed = false},
      {.name = "red leaves the optional extra open",
       .answers = {{"size", "M"}, {"color", "red"}},
       .next = "extra",
       .choices = {"lid"},
       .none_allowed = true},
      {.name = "a later answer narrows an earlier question",
       .answers = {{"color", "blue"}},
       .next = "size",
       .choices = {"M"}},
      {.name = "complete with adjustments",
       .answers = {{"size", "M"}, {"color", "blue"}, {"extra", "lid"}},
       .sku = "TUB-M",
       .adjustment = "8.50",
       .description = "Size: Medium; Color: Blue; Extra: Lid"},
      {.name = "complete without the optional extra",
       .answers = {{"size", "S"}, {"color", "red"}, {"extra", std::nullopt}},
       .sku = "TUB-S",
       .adjustment = "0.00",
       .description = "Size: Small; Color: Red"},
      {.name = "a value whose SKU is not sold",
       .answers = {{"size", "L"}},
       .error_field = "answers/size",
       .error_code = "not_available"},
      {.name = "an excluded value",
       .answers = {{"size", "S"}, {"color", "blue"}},
       .error_field = "answers/color",
       .error_code = "not_available"},
      {.name = "none where a constraint requires a value",
       .answers = {{"color", "blue"}, {"extra", std::nullopt}},
       .error_field = "answers/extra",
       .error_code = "not_available"},
      {.name = "an unknown question",
       .answers = {{"weight", "10"}},
       .error_field = "answers/weight",
       .error_code = "unknown_question"},
      {.name = "an unknown value",
       .answers = {{"size", "XL"}},
       .error_field = "answers/size",
       .error_code = "unknown_value"},
      {.name = "none for a required question",
       .answers = {{"size", std::nullopt}},
       .error_field = "answers/size",
       .error_code = "required"},
  };
  return cases;
}

TEST(SolverTest, Cases) {
  const Model model = Tub();
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    auto e = Evaluate(model, kActive, c.answers);
    if (!c.error_code.empty()) {
      ASSERT_FALSE(e.ok());
      ASSERT_EQ(e.status().errors().size(), 1u);
      EXPECT_EQ(e.status().errors()[0].field, c.error_field);
      EXPECT_EQ(e.status().errors()[0].code, c.error_code);
      continue;
    }
    ASSERT_TRUE(e.ok()) << e.status().message();
    EXPECT_EQ(e->answers.size(), c.answers.size());
    if (!c.next.empty()) {
      ASSERT_TRUE(e->next.has_value());
      EXPECT_FALSE(e->result.has_value());
      EXPECT_EQ(e->next->question->code, c.next);
      std::vector<std::string> choices;
      for (const Value* v : e->next->choices) choices.push_back(v->code);
      EXPECT_EQ(choices, c.choices);
      EXPECT_EQ(e->next->none_allowed, c.none_allowed);
    } else {
      ASSERT_TRUE(e->result.has_value());
      EXPECT_FALSE(e->next.has_value());
      EXPECT_EQ(e->result->sku, c.sku);
      EXPECT_EQ(e->result->price_adjustment.Format(2), c.adjustment);
      EXPECT_EQ(e->result->description, c.description);
    }
  }
}

TEST(SolverTest, EveryProblemOfTheAnswersAtOnce) {
  auto e = Evaluate(Tub(), kActive, {{"size", "XL"}, {"weight", "1"}, {"color", std::nullopt}});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().errors().size(), 3u);
}

TEST(SolverTest, AModelWhoseSkusAreNotSoldMakesNoProduct) {
  EXPECT_FALSE(HasValidConfiguration(Tub(), {}));
  EXPECT_TRUE(HasValidConfiguration(Tub(), kActive));
  auto e = Evaluate(Tub(), {}, {});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().errors().at(0).field, "answers");
  EXPECT_EQ(e.status().errors().at(0).code, "no_valid_configuration");
}

TEST(SolverTest, TheFirstMatchingRuleDecidesEvenWhenItsSkuIsNotSold) {
  Model m = Tub();
  // A catch-all after the specific rules: size L still matches TUB-L first.
  m.sku_rules.push_back({"TUB-ANY", {}});
  ActiveSkus active = kActive;
  active.insert("TUB-ANY");
  auto e = Evaluate(m, active, {{"size", "L"}});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().errors().at(0).code, "not_available");
}

}  // namespace
}  // namespace ordo::configurator
