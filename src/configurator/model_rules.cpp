#include "configurator/model_rules.h"

#include <set>
#include <string>

#include "core/field_path.h"

namespace ordo::configurator {
namespace {

const Question* FindQuestion(const Model& m, const std::string& code) {
  for (const auto& q : m.questions) {
    if (q.code == code) return &q;
  }
  return nullptr;
}

bool HasValue(const Question& q, const std::string& code) {
  for (const auto& v : q.values) {
    if (v.code == code) return true;
  }
  return false;
}

void CheckCode(const std::string& code, const std::string& path, std::vector<FieldError>& errors) {
  if (code.empty()) {
    errors.push_back({path, "required", "a code is required"});
  } else if (!IsValidCode(code)) {
    errors.push_back({path, "invalid_code", "a code has letters, digits, '-', '_' and '.' only"});
  }
}

void CheckLabel(const std::string& label, const std::string& path,
                std::vector<FieldError>& errors) {
  if (label.empty()) errors.push_back({path, "required", "a label is required"});
}

void CheckQuestions(const Model& m, std::vector<FieldError>& errors) {
  if (m.questions.empty()) {
    errors.push_back({"questions", "required", "a configurator asks at least one question"});
  } else if (m.questions.size() > kMaxQuestions) {
    errors.push_back({"questions", "too_many", "a configurator asks at most 20 questions"});
    return;
  }
  std::set<std::string> codes;
  int64_t combinations = 1;
  for (size_t i = 0; i < m.questions.size(); ++i) {
    const Question& q = m.questions[i];
    const std::string at = ElementPath("questions", i);
    CheckCode(q.code, FieldPath(at, "code"), errors);
    if (!q.code.empty() && !codes.insert(q.code).second) {
      errors.push_back({FieldPath(at, "code"), "duplicate", "another question has code " + q.code});
    }
    CheckLabel(q.label, FieldPath(at, "label"), errors);
    const std::string values = FieldPath(at, "values");
    if (q.values.empty()) {
      errors.push_back({values, "required", "a question offers at least one value"});
    } else if (q.values.size() > kMaxValues) {
      errors.push_back({values, "too_many", "a question offers at most 50 values"});
      continue;
    }
    std::set<std::string> value_codes;
    for (size_t j = 0; j < q.values.size(); ++j) {
      const Value& v = q.values[j];
      const std::string vat = ElementPath(values, j);
      CheckCode(v.code, FieldPath(vat, "code"), errors);
      if (!v.code.empty() && !value_codes.insert(v.code).second) {
        errors.push_back(
            {FieldPath(vat, "code"), "duplicate", "another value of " + q.code + " is " + v.code});
      }
      CheckLabel(v.label, FieldPath(vat, "label"), errors);
      if (v.price_adjustment.is_negative()) {
        errors.push_back({FieldPath(vat, "price_adjustment"), "out_of_range",
                          "a price adjustment is zero or more"});
      }
    }
    // Each factor is at most 51, so the product stays far from overflow before the check.
    combinations *= static_cast<int64_t>(q.values.size() + (q.required ? 0 : 1));
    if (combinations > kMaxCombinations) {
      errors.push_back({"questions", "too_large",
                        "a configurator has at most " + std::to_string(kMaxCombinations) +
                            " combinations of answers"});
      combinations = 1;
      break;
    }
  }
}

// A (question, value) reference at `question_path` and `value_path`.
void CheckReference(const Model& m, const std::string& question, const std::string& value,
                    const std::string& question_path, const std::string& value_path,
                    std::vector<FieldError>& errors) {
  const Question* q = FindQuestion(m, question);
  if (!q) {
    errors.push_back({question_path, "unknown_question", "no question " + question});
  } else if (!HasValue(*q, value)) {
    errors.push_back({value_path, "unknown_value", question + " has no value " + value});
  }
}

void CheckConstraints(const Model& m, std::vector<FieldError>& errors) {
  if (m.constraints.size() > kMaxConstraints) {
    errors.push_back({"constraints", "too_many", "a configurator has at most 500 constraints"});
    return;
  }
  for (size_t i = 0; i < m.constraints.size(); ++i) {
    const Constraint& c = m.constraints[i];
    const std::string at = ElementPath("constraints", i);
    const std::string when = FieldPath(at, "when");
    const std::string then = FieldPath(at, "then");
    CheckReference(m, c.when_question, c.when_value, FieldPath(when, "question"),
                   FieldPath(when, "value"), errors);
    const Question* target = FindQuestion(m, c.then_question);
    if (!target) {
      errors.push_back(
          {FieldPath(then, "question"), "unknown_question", "no question " + c.then_question});
    } else if (c.then_question == c.when_question) {
      errors.push_back({FieldPath(then, "question"), "same_question",
                        "a constraint ties two different questions"});
    }
    const std::string values = FieldPath(then, "values");
    if (c.then_values.empty()) {
      errors.push_back({values, "required", "a constraint names at least one value"});
    }
    for (size_t k = 0; target && k < c.then_values.size(); ++k) {
      if (!HasValue(*target, c.then_values[k])) {
        errors.push_back({ElementPath(values, k), "unknown_value",
                          c.then_question + " has no value " + c.then_values[k]});
      }
    }
  }
}

void CheckSkuRules(const Model& m, std::vector<FieldError>& errors) {
  if (m.sku_rules.empty()) {
    errors.push_back({"sku_rules", "required", "a configurator maps answers to at least one SKU"});
  } else if (m.sku_rules.size() > kMaxSkuRules) {
    errors.push_back({"sku_rules", "too_many", "a configurator has at most 2000 SKU rules"});
    return;
  }
  for (size_t i = 0; i < m.sku_rules.size(); ++i) {
    const SkuRule& r = m.sku_rules[i];
    const std::string at = ElementPath("sku_rules", i);
    if (r.sku.empty()) errors.push_back({FieldPath(at, "sku"), "required", "a SKU is required"});
    const std::string when = FieldPath(at, "when");
    for (const auto& [question, value] : r.when) {
      const std::string path = FieldPath(when, question);
      CheckReference(m, question, value, path, path, errors);
    }
  }
}

}  // namespace

bool IsValidCode(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::vector<FieldError> CheckModel(const Model& m) {
  std::vector<FieldError> errors;
  CheckCode(m.code, "code", errors);
  if (m.name.empty()) errors.push_back({"name", "required", "a name is required"});
  CheckQuestions(m, errors);
  CheckConstraints(m, errors);
  CheckSkuRules(m, errors);
  return errors;
}

}  // namespace ordo::configurator
