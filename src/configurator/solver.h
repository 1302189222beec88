// The configurator's solver: given the answers so far, the next question and only the choices
// that still lead to a product, or the product a complete answer set makes.
//
// A choice is offered only when at least one complete configuration goes through it: every
// constraint holds and the first matching SKU rule names an active SKU. The search runs over
// the questions not answered yet, in order, and abandons a branch as soon as a constraint
// between two answered questions fails; models are kept small enough (model_rules.h:
// kMaxCombinations) for the search to be exhaustive.
//
// Pure: no I/O. The Evaluation points into the model, which must outlive it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "configurator/model.h"
#include "core/money.h"
#include "core/status.h"

namespace ordo::configurator {

struct ChosenValue {
  const Question* question = nullptr;
  const Value* value = nullptr;  // nullptr: an optional question answered "none"
};

struct NextQuestion {
  const Question* question = nullptr;
  std::vector<const Value*> choices;  // in the model's order
  bool none_allowed = false;          // optional, and "none" still leads to a product
};

struct Configured {
  std::string sku;
  Money price_adjustment;   // the sum of the chosen values' adjustments, per unit
  std::string description;  // "Beam length: 2,700 mm; Finish: Galvanized", in question order
};

struct Evaluation {
  std::vector<ChosenValue> answers;  // the answers given, in question order
  std::optional<NextQuestion> next;  // the first question not answered yet
  std::optional<Configured> result;  // when every question is answered
};

// The answers' next step. Errors (invalid_argument, every problem with its field
// "answers/<question code>"): unknown_question, unknown_value, required ("none" for a required
// question), not_available (the answer leads to no product together with the answers to the
// questions before it in the model's order); no_valid_configuration at "answers" when the
// model makes no product at all (e.g. its SKUs are no longer sold).
Result<Evaluation> Evaluate(const Model& model, const ActiveSkus& active, const Answers& answers);

// Whether at least one complete configuration of `model` is a product.
bool HasValidConfiguration(const Model& model, const ActiveSkus& active);

}  // namespace ordo::configurator
