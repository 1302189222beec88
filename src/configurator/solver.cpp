#include "configurator/solver.h"

#include <cstddef>

#include "core/field_path.h"

namespace ordo::configurator {
namespace {

constexpr int kUnanswered = -2;
constexpr int kNone = -1;     // an optional question answered "none"
constexpr int kUnknown = -3;  // a code the model does not have (an invalid model's rule)

// The model as indexes: question i's answer is a value index, kNone or kUnanswered.
class Space {
 public:
  Space(const Model& model, const ActiveSkus& active) : model_(model) {
    for (const Question& q : model.questions) {
      std::vector<int> options;
      for (size_t v = 0; v < q.values.size(); ++v) options.push_back(static_cast<int>(v));
      if (!q.required) options.push_back(kNone);
      options_.push_back(std::move(options));
    }
    touching_.resize(model.questions.size());
    for (const Constraint& c : model.constraints) {
      Link link;
      link.when_question = QuestionIndex(c.when_question);
      link.then_question = QuestionIndex(c.then_question);
      if (link.when_question < 0 || link.then_question < 0) continue;  // not in a valid model
      link.when_value = ValueIndex(link.when_question, c.when_value);
      link.requiring = c.kind == ConstraintKind::kRequires;
      link.then_values.assign(model.questions[link.then_question].values.size(), false);
      for (const auto& v : c.then_values) {
        int index = ValueIndex(link.then_question, v);
        if (index >= 0) link.then_values[index] = true;
      }
      links_.push_back(std::move(link));
    }
    for (size_t i = 0; i < links_.size(); ++i) {
      touching_[links_[i].when_question].push_back(i);
      touching_[links_[i].then_question].push_back(i);
    }
    for (const SkuRule& r : model.sku_rules) {
      Rule rule;
      rule.available = active.contains(r.sku);
      for (const auto& [question, value] : r.when) {
        int q = QuestionIndex(question);
        rule.conditions.emplace_back(q, q < 0 ? kUnknown : ValueIndex(q, value));
      }
      rules_.push_back(std::move(rule));
    }
  }

  int QuestionIndex(const std::string& code) const {
    for (size_t i = 0; i < model_.questions.size(); ++i) {
      if (model_.questions[i].code == code) return static_cast<int>(i);
    }
    return kUnknown;
  }

  int ValueIndex(int question, const std::string& code) const {
    const auto& values = model_.questions[question].values;
    for (size_t v = 0; v < values.size(); ++v) {
      if (values[v].code == code) return static_cast<int>(v);
    }
    return kUnknown;
  }

  // Whether the constraints touching question `q` hold as far as `a` decides them.
  bool Consistent(const std::vector<int>& a, size_t q) const {
    for (size_t i : touching_[q]) {
      if (!Holds(links_[i], a)) return false;
    }
    return true;
  }

  bool AllConsistent(const std::vector<int>& a) const {
    for (const Link& l : links_) {
      if (!Holds(l, a)) return false;
    }
    return true;
  }

  // Whether some completion of `a` (its unanswered questions filled) is a product. `a` is
  // restored before returning. REQUIRES: AllConsistent(a).
  bool Completable(std::vector<int>& a) const {
    size_t q = 0;
    while (q < a.size() && a[q] != kUnanswered) ++q;
    if (q == a.size()) return MapsToProduct(a);
    for (int option : options_[q]) {
      a[q] = option;
      bool found = Consistent(a, q) && Completable(a);
      a[q] = kUnanswered;
      if (found) return true;
    }
    return false;
  }

  // The first rule matching the complete answers `a`; -1 when none does.
  int MatchingRule(const std::vector<int>& a) const {
    for (size_t r = 0; r < rules_.size(); ++r) {
      bool match = true;
      for (const auto& [q, v] : rules_[r].conditions) {
        if (q < 0 || a[q] != v) {
          match = false;
          break;
        }
      }
      if (match) return static_cast<int>(r);
    }
    return -1;
  }

  bool MapsToProduct(const std::vector<int>& a) const {
    int rule = MatchingRule(a);
    return rule >= 0 && rules_[rule].available;
  }

  const std::vector<int>& Options(size_t q) const { return options_[q]; }

 private:
  struct Link {
    int when_question = 0;
    int when_value = kUnknown;
    bool requiring = true;
    int then_question = 0;
    std::vector<bool> then_values;
  };
  struct Rule {
    std::vector<std::pair<int, int>> conditions;
    bool available = false;
  };

  static bool Holds(const Link& l, const std::vector<int>& a) {
    int when = a[l.when_question];
    int then = a[l.then_question];
    if (when == kUnanswered || then == kUnanswered || when != l.when_value) return true;
    bool listed = then >= 0 && l.then_values[then];
    return l.requiring ? listed : !listed;
  }

  const Model& model_;
  std::vector<std::vector<int>> options_;
  std::vector<Link> links_;
  std::vector<std::vector<size_t>> touching_;  // question → indexes into links_
  std::vector<Rule> rules_;
};

std::string AnswerPath(const std::string& question) {
  return FieldPath("answers", question);
}

Configured Product(const Model& model, const std::vector<int>& a, const Space& space) {
  Configured c;
  c.sku = model.sku_rules[space.MatchingRule(a)].sku;
  for (size_t q = 0; q < a.size(); ++q) {
    if (a[q] < 0) continue;
    const Value& v = model.questions[q].values[a[q]];
    c.price_adjustment += v.price_adjustment;
    if (!c.description.empty()) c.description += "; ";
    c.description += model.questions[q].label + ": " + v.label;
  }
  return c;
}

}  // namespace

Result<Evaluation> Evaluate(const Model& model, const ActiveSkus& active, const Answers& answers) {
  Space space(model, active);
  std::vector<FieldError> errors;
  std::vector<int> given(model.questions.size(), kUnanswered);
  for (const auto& [question, value] : answers) {
    int q = space.QuestionIndex(question);
    if (q < 0) {
      errors.push_back({AnswerPath(question), "unknown_question",
                        "configurator " + model.code + " has no question " + question});
    } else if (!value) {
      if (model.questions[q].required) {
        errors.push_back({AnswerPath(question), "required", question + " needs an answer"});
      } else {
        given[q] = kNone;
      }
    } else {
      given[q] = space.ValueIndex(q, *value);
      if (given[q] < 0) {
        errors.push_back(
            {AnswerPath(question), "unknown_value", question + " has no value " + *value});
      }
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("the answers are invalid", std::move(errors));

  // The answers are taken in the model's order, so a dead end is blamed on the first answer
  // that makes it.
  std::vector<int> a(model.questions.size(), kUnanswered);
  if (!space.Completable(a)) {
    return Status::InvalidArgument(
        "no configuration of " + model.code + " is a product",
        {{"answers", "no_valid_configuration",
          "configurator " + model.code + " has no configuration that can be sold"}});
  }
  Evaluation e;
  for (size_t q = 0; q < a.size(); ++q) {
    if (given[q] == kUnanswered) continue;
    a[q] = given[q];
    if (!space.AllConsistent(a) || !space.Completable(a)) {
      const Question& blamed = model.questions[q];
      return Status::InvalidArgument(
          "the answers lead to no product",
          {{AnswerPath(blamed.code), "not_available",
            given[q] == kNone ? "no product of " + model.code + " goes without " + blamed.code
                              : blamed.code + " " + blamed.values[given[q]].code +
                                    " is not available with the answers before it"}});
    }
    const Question& question = model.questions[q];
    e.answers.push_back({&question, given[q] >= 0 ? &question.values[given[q]] : nullptr});
  }
  size_t next = 0;
  while (next < a.size() && a[next] != kUnanswered) ++next;
  if (next == a.size()) {
    e.result = Product(model, a, space);
    return e;
  }
  NextQuestion n;
  n.question = &model.questions[next];
  for (int option : space.Options(next)) {
    a[next] = option;
    bool viable = space.Consistent(a, next) && space.Completable(a);
    a[next] = kUnanswered;
    if (!viable) continue;
    if (option == kNone) {
      n.none_allowed = true;
    } else {
      n.choices.push_back(&n.question->values[option]);
    }
  }
  e.next = std::move(n);
  return e;
}

bool HasValidConfiguration(const Model& model, const ActiveSkus& active) {
  Space space(model, active);
  std::vector<int> a(model.questions.size(), kUnanswered);
  return space.Completable(a);
}

}  // namespace ordo::configurator
