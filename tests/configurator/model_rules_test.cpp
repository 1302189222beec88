// A model's rules, checked as a whole: each broken rule with its path.
#include "configurator/model_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ordo::configurator {
namespace {

Model Good() {
  Model m;
  m.code = "BIN";
  m.name = "Bin";
  m.questions = {{"size", "Size", true, {{"S", "Small", Money()}, {"L", "Large", Money()}}},
                 {"lid", "Lid", false, {{"yes", "Lid", Money()}}}};
  m.constraints = {{"size", "S", ConstraintKind::kExcludes, "lid", {"yes"}}};
  m.sku_rules = {{"BIN-S", {{"size", "S"}}}, {"BIN-L", {{"size", "L"}}}};
  return m;
}

std::vector<std::string> Problems(const Model& m) {
  std::vector<std::string> out;
  for (const auto& e : CheckModel(m)) out.push_back(e.field + " " + e.code);
  return out;
}

TEST(ModelRulesTest, AGoodModelHasNoProblem) {
  EXPECT_TRUE(CheckModel(Good()).empty());
}

TEST(ModelRulesTest, EachBrokenRuleAtItsPath) {
  struct Case {
    std::string name;
    void (*change)(Model&);
    std::vector<std::string> problems;
  };
  const std::vector<Case> cases = {
      {"bad model code", [](Model& m) { m.code = "a b"; }, {"code invalid_code"}},
      {"no name", [](Model& m) { m.name = ""; }, {"name required"}},
      {"no questions",
       [](Model& m) {
         m.questions.clear();
         m.constraints.clear();
         m.sku_rules = {{"BIN-S", {}}};
       },
       {"questions required"}},
      {"duplicate question",
       [](Model& m) { m.questions[1].code = "size"; },
       {"questions/1/code duplicate", "constraints/0/then/question unknown_question"}},
      {"question without values",
       [](Model& m) { m.questions[1].values.clear(); },
       {"questions/1/values required", "constraints/0/then/values/0 unknown_value"}},
      {"duplicate value",
       [](Model& m) { m.questions[0].values[1].code = "S"; },
       {"questions/0/values/1/code duplicate", "sku_rules/1/when/size unknown_value"}},
      {"negative adjustment",
       [](Model& m) { m.questions[0].values[0].price_adjustment = Money::FromUnits(-1); },
       {"questions/0/values/0/price_adjustment out_of_range"}},
      {"empty label",
       [](Model& m) { m.questions[0].values[0].label = ""; },
       {"questions/0/values/0/label required"}},
      {"constraint on an unknown question",
       [](Model& m) { m.constraints[0].when_question = "color"; },
       {"constraints/0/when/question unknown_question"}},
      {"constraint on an unknown value",
       [](Model& m) { m.constraints[0].when_value = "M"; },
       {"constraints/0/when/value unknown_value"}},
      {"constraint naming an unknown value",
       [](Model& m) {
         m.constraints[0].then_values = {"yes", "no"};
       },
       {"constraints/0/then/values/1 unknown_value"}},
      {"constraint naming no value",
       [](Model& m) { m.constraints[0].then_values.clear(); },
       {"constraints/0/then/values required"}},
      {"constraint on itself",
       [](Model& m) { m.constraints[0].then_question = "size"; },
       {"constraints/0/then/question same_question", "constraints/0/then/values/0 unknown_value"}},
      {"rule on an unknown question",
       [](Model& m) {
         m.sku_rules[0].when = {{"color", "red"}};
       },
       {"sku_rules/0/when/color unknown_question"}},
      {"rule without a SKU",
       [](Model& m) { m.sku_rules[1].sku = ""; },
       {"sku_rules/1/sku required"}},
      {"no rules", [](Model& m) { m.sku_rules.clear(); }, {"sku_rules required"}},
      {"too many combinations",
       [](Model& m) {
         m.questions.clear();
         m.constraints.clear();
         m.sku_rules = {{"BIN-S", {}}};
         for (int q = 0; q < 4; ++q) {
           Question question{"q" + std::to_string(q), "Q", true, {}};
           for (int v = 0; v < 30; ++v)
             question.values.push_back({"v" + std::to_string(v), "V", Money()});
           m.questions.push_back(std::move(question));
         }
       },
       {"questions too_large"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Model m = Good();
    c.change(m);
    EXPECT_EQ(Problems(m), c.problems);
  }
}

}  // namespace
}  // namespace ordo::configurator
