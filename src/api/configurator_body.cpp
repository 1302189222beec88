#include "api/configurator_body.h"

#include <nlohmann/json.hpp>

#include "configurator/model_rules.h"
#include "core/field_path.h"
#include "core/text_check.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

using nlohmann::json;
namespace cf = configurator;

// The array at `key` of `obj` as its elements that are objects; others are reported.
std::vector<std::pair<std::string, const json*>> Objects(jsonio::FieldReader& r, const json& obj,
                                                         const char* key, const std::string& path,
                                                         bool required) {
  std::vector<std::pair<std::string, const json*>> out;
  const json* array = r.Array(obj, key, path, required);
  for (size_t i = 0; array && i < array->size(); ++i) {
    const std::string at = ElementPath(path, i);
    if ((*array)[i].is_object()) {
      out.emplace_back(at, &(*array)[i]);
    } else {
      r.Fail(at, "invalid_type", "an element of " + std::string(key) + " is an object");
      out.emplace_back(at, nullptr);
    }
  }
  return out;
}

// An array of codes at `key`.
std::vector<std::string> Codes(jsonio::FieldReader& r, const json& obj, const char* key,
                               const std::string& path) {
  std::vector<std::string> out;
  const json* array = r.Array(obj, key, path, true);
  for (size_t i = 0; array && i < array->size(); ++i) {
    const json& v = (*array)[i];
    if (!v.is_string()) {
      r.Fail(ElementPath(path, i), "invalid_type", "a value code is a string");
      out.emplace_back();
    } else {
      out.push_back(v.get<std::string>());
    }
  }
  return out;
}

cf::Question ReadQuestion(jsonio::FieldReader& r, const json& q, const std::string& at) {
  cf::Question out;
  r.OnlyKnown(q, {"code", "label", "required", "values"}, at);
  out.code = r.String(q, "code", FieldPath(at, "code"), cf::kQuestionCode, true);
  out.label = r.String(q, "label", FieldPath(at, "label"), cf::kLabel, true);
  out.required = r.Bool(q, "required", FieldPath(at, "required"), false).value_or(true);
  for (const auto& [vat, v] : Objects(r, q, "values", FieldPath(at, "values"), true)) {
    cf::Value value;
    if (v) {
      r.OnlyKnown(*v, {"code", "label", "price_adjustment"}, vat);
      value.code = r.String(*v, "code", FieldPath(vat, "code"), cf::kValueCode, true);
      value.label = r.String(*v, "label", FieldPath(vat, "label"), cf::kLabel, true);
      value.price_adjustment =
          r.Amount(*v, "price_adjustment", FieldPath(vat, "price_adjustment"), false)
              .value_or(Money());
    }
    out.values.push_back(std::move(value));
  }
  return out;
}

cf::Constraint ReadConstraint(jsonio::FieldReader& r, const json& c, const std::string& at) {
  cf::Constraint out;
  r.OnlyKnown(c, {"when", "kind", "then"}, at);
  const std::string when_at = FieldPath(at, "when");
  if (const json* when = r.Object(c, "when", when_at, true)) {
    r.OnlyKnown(*when, {"question", "value"}, when_at);
    out.when_question =
        r.String(*when, "question", FieldPath(when_at, "question"), cf::kQuestionCode, true);
    out.when_value = r.String(*when, "value", FieldPath(when_at, "value"), cf::kValueCode, true);
  }
  std::string kind = r.String(c, "kind", FieldPath(at, "kind"), true);
  if (auto k = cf::KindFromName(kind)) {
    out.kind = *k;
  } else if (!kind.empty()) {
    r.Fail(FieldPath(at, "kind"), "invalid_value", "kind is requires or excludes");
  }
  const std::string then_at = FieldPath(at, "then");
  if (const json* then = r.Object(c, "then", then_at, true)) {
    r.OnlyKnown(*then, {"question", "values"}, then_at);
    out.then_question =
        r.String(*then, "question", FieldPath(then_at, "question"), cf::kQuestionCode, true);
    out.then_values = Codes(r, *then, "values", FieldPath(then_at, "values"));
  }
  return out;
}

cf::SkuRule ReadRule(jsonio::FieldReader& r, const json& rule, const std::string& at) {
  cf::SkuRule out;
  r.OnlyKnown(rule, {"sku", "when"}, at);
  out.sku = r.String(rule, "sku", FieldPath(at, "sku"), text_limits::kSku, true);
  const std::string when_at = FieldPath(at, "when");
  if (const json* when = r.Object(rule, "when", when_at, false)) {
    for (const auto& [question, value] : when->items()) {
      if (!value.is_string()) {
        r.Fail(FieldPath(when_at, question), "invalid_type", "a condition's value is a string");
      } else {
        out.when[question] = value.get<std::string>();
      }
    }
  }
  return out;
}

}  // namespace

Result<cf::Model> ParseConfiguratorJson(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc,
              {"id", "version", "code", "name", "active", "questions", "constraints", "sku_rules"},
              "");
  cf::Model m;
  m.code = r.String(*doc, "code", "code", cf::kModelCode, true);
  m.name = r.String(*doc, "name", "name", cf::kModelName, true);
  m.active = r.Bool(*doc, "active", "active", false).value_or(true);
  for (const auto& [at, q] : Objects(r, *doc, "questions", "questions", true)) {
    m.questions.push_back(q ? ReadQuestion(r, *q, at) : cf::Question{});
  }
  for (const auto& [at, c] : Objects(r, *doc, "constraints", "constraints", false)) {
    m.constraints.push_back(c ? ReadConstraint(r, *c, at) : cf::Constraint{});
  }
  for (const auto& [at, rule] : Objects(r, *doc, "sku_rules", "sku_rules", true)) {
    m.sku_rules.push_back(rule ? ReadRule(r, *rule, at) : cf::SkuRule{});
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid configurator", std::move(errors));
  return m;
}

Result<cf::Answers> ParseAnswersJson(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body.empty() ? "{}" : body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"answers"}, "");
  cf::Answers answers;
  if (const json* given = r.Object(*doc, "answers", "answers", false)) {
    if (given->size() > cf::kMaxQuestions) {
      r.Fail("answers", "too_many", "a configurator asks at most 20 questions");
    } else {
      for (const auto& [question, value] : given->items()) {
        const std::string path = FieldPath("answers", question);
        if (value.is_null()) {
          answers[question] = std::nullopt;
        } else if (!value.is_string()) {
          r.Fail(path, "invalid_type", "an answer is a value code or null");
        } else {
          std::string text = value.get<std::string>();
          if (text.empty()) {
            r.Fail(path, "required", "an answer is a value code, or null for none");
          } else if (CheckText(text, cf::kValueCode, path, errors)) {
            answers[question] = std::move(text);
          }
        }
      }
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid answers", std::move(errors));
  return answers;
}

}  // namespace ordo::api
