#include "configurator/model_json.h"

namespace ordo::configurator {
namespace {

using nlohmann::json;

json ValueJson(const Value& v) {
  return {{"code", v.code}, {"label", v.label}, {"price_adjustment", v.price_adjustment.Format(2)}};
}

}  // namespace

json ToJson(const Model& m) {
  json questions = json::array();
  for (const auto& q : m.questions) {
    json values = json::array();
    for (const auto& v : q.values) values.push_back(ValueJson(v));
    questions.push_back(
        {{"code", q.code}, {"label", q.label}, {"required", q.required}, {"values", values}});
  }
  json constraints = json::array();
  for (const auto& c : m.constraints) {
    constraints.push_back({{"when", {{"question", c.when_question}, {"value", c.when_value}}},
                           {"kind", KindName(c.kind)},
                           {"then", {{"question", c.then_question}, {"values", c.then_values}}}});
  }
  json rules = json::array();
  for (const auto& r : m.sku_rules) {
    rules.push_back({{"sku", r.sku}, {"when", json(r.when)}});
  }
  return {{"id", m.id},
          {"code", m.code},
          {"name", m.name},
          {"active", m.active},
          {"version", m.version},
          {"questions", std::move(questions)},
          {"constraints", std::move(constraints)},
          {"sku_rules", std::move(rules)}};
}

json ToJson(const Model& m, const Evaluation& e) {
  json answers = json::array();
  for (const auto& a : e.answers) {
    answers.push_back(
        {{"question", a.question->code},
         {"question_label", a.question->label},
         {"value", a.value ? json(a.value->code) : json(nullptr)},
         {"value_label", a.value ? json(a.value->label) : json(nullptr)},
         {"price_adjustment", a.value ? a.value->price_adjustment.Format(2) : Money().Format(2)}});
  }
  json next = nullptr;
  if (e.next) {
    json choices = json::array();
    for (const Value* v : e.next->choices) choices.push_back(ValueJson(*v));
    next = {{"code", e.next->question->code},
            {"label", e.next->question->label},
            {"required", e.next->question->required},
            {"none_allowed", e.next->none_allowed},
            {"choices", std::move(choices)}};
  }
  json result = nullptr;
  if (e.result) {
    result = {{"sku", e.result->sku},
              {"price_adjustment", e.result->price_adjustment.Format(2)},
              {"description", e.result->description}};
  }
  return {{"configurator", m.code},
          {"complete", e.result.has_value()},
          {"answers", std::move(answers)},
          {"next_question", std::move(next)},
          {"result", std::move(result)}};
}

std::string LineConfigurationJson(const LineConfiguration& line) {
  json doc = {{"configurator", line.configurator_code},
              {"answers", json::parse(line.answers_json)},
              {"description", line.description}};
  return doc.dump();
}

json AnswersJson(const Answers& answers) {
  json out = json::object();
  for (const auto& [question, value] : answers) {
    out[question] = value ? json(*value) : json(nullptr);
  }
  return out;
}

}  // namespace ordo::configurator
