// Commands of the configurator module: a model created or replaced as a whole, checked as a
// whole (model_rules.h, then its SKUs against the catalog), audited. Each runs inside a unit of
// work given by the caller.
#pragma once

#include <optional>
#include <string>

#include "configurator/model.h"
#include "core/command_context.h"
#include "store/database.h"

namespace ordo::configurator {

// Creates `model` at version 1. Errors: invalid_argument (every broken rule; unknown_sku at
// "sku_rules/<i>/sku" for a SKU that is not a catalog item; no_valid_configuration at
// "sku_rules" for an active model that makes no product), conflict (code taken).
Result<Model> CreateModel(store::Connection& conn, const CommandContext& ctx, Model model);

// Replaces the model with `model.code` (its name, active flag, questions, constraints and
// rules) and bumps its version. Errors: not_found, precondition_failed (`expected` is not the
// stored version), and those of CreateModel.
Result<Model> ReplaceModel(store::Connection& conn, const CommandContext& ctx, Model model,
                           std::optional<int64_t> expected);

// The SKUs of `model`'s rules that are active catalog items: one catalog query.
ActiveSkus ActiveSkusOf(store::Connection& conn, const Model& model);

}  // namespace ordo::configurator
