// The property the configurator promises, checked exhaustively over the demo's models: it
// never offers a choice that leads nowhere, and every valid configuration can be reached.
//
// An oracle written here, independent of the solver, enumerates every complete answer set and
// decides each one directly from the constraints and the SKU rules. The walk then follows the
// solver from no answers through every offered choice ("none" included): each step must offer
// exactly the choices the oracle can complete, every path must end in a product, the products
// reached must be exactly the oracle's valid set, and every invalid complete set is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "configurator/model_rules.h"
#include "configurator/solver.h"
#include "demo/demo_configurators.h"

namespace ordo::configurator {
namespace {

// The oracle: whether a complete answer set is a product.
bool Valid(const Model& m, const ActiveSkus& active, const Answers& a) {
  auto answer = [&a](const std::string& q) -> std::optional<std::string> { return a.at(q); };
  for (const Constraint& c : m.constraints) {
    if (answer(c.when_question) != c.when_value) continue;
    auto then = answer(c.then_question);
    bool listed = then && std::count(c.then_values.begin(), c.then_values.end(), *then) > 0;
    if (c.kind == ConstraintKind::kRequires ? !listed : listed) return false;
  }
  for (const SkuRule& r : m.sku_rules) {
    bool match = true;
    for (const auto& [q, v] : r.when) match = match && answer(q) == v;
    if (match) return active.contains(r.sku);
  }
  return false;
}

// Every complete answer set of `m`, each with the oracle's verdict.
void Enumerate(const Model& m, size_t q, Answers& a, std::vector<std::pair<Answers, bool>>& out,
               const ActiveSkus& active) {
  if (q == m.questions.size()) {
    out.emplace_back(a, Valid(m, active, a));
    return;
  }
  const Question& question = m.questions[q];
  for (const Value& v : question.values) {
    a[question.code] = v.code;
    Enumerate(m, q + 1, a, out, active);
  }
  if (!question.required) {
    a[question.code] = std::nullopt;
    Enumerate(m, q + 1, a, out, active);
  }
  a.erase(question.code);
}

// Whether `partial` extends to a valid set of `all`.
bool Completable(const std::vector<std::pair<Answers, bool>>& all, const Answers& partial) {
  for (const auto& [complete, valid] : all) {
    if (!valid) continue;
    bool extends = true;
    for (const auto& [q, v] : partial) extends = extends && complete.at(q) == v;
    if (extends) return true;
  }
  return false;
}

// Follows every offered choice from `a`; adds each product reached to `reached` and returns
// how many paths ended in one.
int Walk(const Model& m, const ActiveSkus& active, const std::vector<std::pair<Answers, bool>>& all,
         Answers& a, std::set<Answers>& reached) {
  auto e = Evaluate(m, active, a);
  EXPECT_TRUE(e.ok()) << e.status().message();
  if (!e.ok()) return 0;
  if (e->result) {
    EXPECT_TRUE(Valid(m, active, a));
    reached.insert(a);
    return 1;
  }
  const Question& q = *e->next->question;
  std::set<std::optional<std::string>> offered;
  for (const Value* v : e->next->choices) offered.insert(v->code);
  if (e->next->none_allowed) offered.insert(std::nullopt);
  std::vector<std::optional<std::string>> options;
  for (const Value& v : q.values) options.push_back(v.code);
  if (!q.required) options.push_back(std::nullopt);
  int products = 0;
  for (const auto& option : options) {
    a[q.code] = option;
    bool viable = Completable(all, a);
    EXPECT_EQ(offered.contains(option), viable)
        << m.code << ": " << q.code << " = " << option.value_or("none");
    if (offered.contains(option)) {
      int below = Walk(m, active, all, a, reached);
      EXPECT_GT(below, 0) << m.code << ": " << q.code << " = " << option.value_or("none")
                          << " was offered and leads nowhere";
      products += below;
    }
    a.erase(q.code);
  }
  return products;
}

TEST(DemoModelsTest, NoOfferedChoiceLeadsNowhereAndEveryValidConfigurationIsReached) {
  for (const auto& demo : demo::DemoConfigurators()) {
    const Model& m = demo.model;
    SCOPED_TRACE(m.code);
    EXPECT_TRUE(CheckModel(m).empty());
    ActiveSkus active;
    for (const auto& item : demo.items) {
      if (item.active) active.insert(item.sku);
    }
    std::vector<std::pair<Answers, bool>> all;
    Answers scratch;
    Enumerate(m, 0, scratch, all, active);
    std::set<Answers> valid;
    for (const auto& [answers, ok] : all) {
      if (ok) valid.insert(answers);
    }
    // A model whose constraints decide nothing would make this test vacuous.
    ASSERT_GT(valid.size(), 1u);
    ASSERT_LT(valid.size(), all.size());

    std::set<Answers> reached;
    Answers a;
    EXPECT_EQ(Walk(m, active, all, a, reached), static_cast<int>(valid.size()));
    EXPECT_EQ(reached, valid);

    for (const auto& [answers, ok] : all) {
      if (!ok) EXPECT_FALSE(Evaluate(m, active, answers).ok());
    }
  }
}

// The same walk when one SKU is no longer sold: the choices that led only to it disappear.
TEST(DemoModelsTest, ASkuThatIsNotSoldTakesItsChoicesAway) {
  for (const auto& demo : demo::DemoConfigurators()) {
    const Model& m = demo.model;
    SCOPED_TRACE(m.code);
    ActiveSkus active;
    for (const auto& item : demo.items) active.insert(item.sku);
    active.erase(demo.items.front().sku);
    std::vector<std::pair<Answers, bool>> all;
    Answers scratch;
    Enumerate(m, 0, scratch, all, active);
    std::set<Answers> valid;
    for (const auto& [answers, ok] : all) {
      if (ok) valid.insert(answers);
    }
    std::set<Answers> reached;
    Answers a;
    Walk(m, active, all, a, reached);
    EXPECT_EQ(reached, valid);
  }
}

}  // namespace
}  // namespace ordo::configurator
