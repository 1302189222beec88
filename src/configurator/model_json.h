// The configurator's documents as JSON: the model as the API shows it, an evaluation (the
// next question with its choices, or the configured product), and answers as stored with an
// order line.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "configurator/configurator_repository.h"
#include "configurator/model.h"
#include "configurator/solver.h"

namespace ordo::configurator {

// {"id", "code", "name", "active", "version", "questions": [{"code", "label", "required",
// "values": [{"code", "label", "price_adjustment"}]}], "constraints": [{"when": {"question",
// "value"}, "kind", "then": {"question", "values"}}], "sku_rules": [{"sku", "when": {...}}]}
nlohmann::json ToJson(const Model& model);

// {"configurator", "complete", "answers": [{"question", "question_label", "value",
// "value_label", "price_adjustment"}], "next_question": {"code", "label", "required",
// "none_allowed", "choices": [...]} | null, "result": {"sku", "price_adjustment",
// "description"} | null}
nlohmann::json ToJson(const Model& model, const Evaluation& evaluation);

// Answers as a JSON object: question code → value code, or null for "none".
nlohmann::json AnswersJson(const Answers& answers);

// A configured order line's configuration as the order shows it: {"configurator", "answers",
// "description"}, as JSON text.
std::string LineConfigurationJson(const LineConfiguration& line);

}  // namespace ordo::configurator
