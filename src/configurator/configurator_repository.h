// The configurator module's rows: models with their questions, values, constraints and SKU
// rules, and the answers of configured order lines. Runs inside the caller's unit of work.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "configurator/model.h"
#include "core/clock.h"
#include "store/database.h"

namespace ordo::configurator {

// The model by id (when `id` is given) or else by code (an all-digit code is found when no
// model has that id), with everything it holds; nullopt when none.
std::optional<Model> FindModel(store::Connection& conn, std::optional<int64_t> id,
                               const std::string& code);

// The models with an id above `after_id`, by id, at most `limit`, each whole.
std::vector<Model> ListModels(store::Connection& conn, int64_t after_id, int limit);

// Inserts `model` at version 1; returns its id.
int64_t InsertModel(store::Connection& conn, const Model& model, Timestamp now);

// Replaces the stored model `model.id` whole (name, active, questions, constraints, rules) and
// sets its version to `model.version`.
void StoreReplacement(store::Connection& conn, const Model& model, Timestamp now);

// A configured order line's answers (a JSON object) and their description.
struct LineConfiguration {
  int line_no = 0;
  int64_t configurator_id = 0;
  std::string configurator_code;
  std::string answers_json;
  std::string description;
};

void InsertLineConfiguration(store::Connection& conn, int64_t order_id,
                             const LineConfiguration& line);

// The configured lines of an order by line number: one query.
std::map<int, LineConfiguration> LineConfigurations(store::Connection& conn, int64_t order_id);

}  // namespace ordo::configurator
