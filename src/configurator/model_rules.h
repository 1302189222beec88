// The rules a configurator model keeps, checked as a whole before it is stored: every code
// well formed and unique where it must be, every constraint and SKU rule naming questions and
// values the model has, and the model small enough for the solver to search exhaustively.
// Whether the SKUs are catalog items is the command's check (configurator_commands.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "configurator/model.h"
#include "core/status.h"
#include "core/text_limits.h"

namespace ordo::configurator {

// Text limits of the model's fields (their maxLength in the OpenAPI document).
inline constexpr TextLimit kModelCode{32};
inline constexpr TextLimit kModelName{200};
inline constexpr TextLimit kQuestionCode{32};
inline constexpr TextLimit kValueCode{32};
inline constexpr TextLimit kLabel{100};

inline constexpr size_t kMaxQuestions = 20;
inline constexpr size_t kMaxValues = 50;
inline constexpr size_t kMaxConstraints = 500;
inline constexpr size_t kMaxSkuRules = 2000;
// The number of complete answer sets (the product of each question's choices, "none"
// counted) a model may have: the solver's search is exhaustive, and this bounds it.
inline constexpr int64_t kMaxCombinations = 200'000;

// Whether `code` may be a model, question or value code: letters, digits, '-', '_' and '.',
// so that it reads well in a field path ("answers/finish").
bool IsValidCode(std::string_view code);

// Every broken rule of `model`, with paths as the API names its fields ("questions/2/code",
// "constraints/0/then/values/1", "sku_rules/3/when/finish"). Codes: required, invalid_code,
// duplicate, too_many, out_of_range, unknown_question, unknown_value, same_question, too_large.
std::vector<FieldError> CheckModel(const Model& model);

}  // namespace ordo::configurator
