// A configurable product: the model that the configurator walks (configurator/solver.h).
//
// A model asks its questions in order. Each question offers values; a required question takes
// exactly one of them, an optional one (an add-on) one of them or none. Constraints tie one
// answer to another:
//
//   when <question> is <value>, <then question> requires one of <values>   (kRequires)
//   when <question> is <value>, <then question> excludes all of <values>   (kExcludes)
//
// An optional question left unanswered ("none") fails a requires and passes an excludes. SKU
// rules map a complete answer set to a catalog item: the first rule whose every condition
// (question = value) holds names the SKU; a configuration no rule matches, or whose SKU is not
// an active item, is no product. The unit price is the SKU's own price plus the price
// adjustment of every chosen value (each zero or more).
//
// Plain values, no I/O: storage (configurator_repository.h) and the API fill and read them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/money.h"

namespace ordo::configurator {

struct Value {
  std::string code;
  std::string label;
  Money price_adjustment;  // added to the SKU's unit price when chosen; never negative
};

struct Question {
  std::string code;
  std::string label;
  bool required = true;
  std::vector<Value> values;
};

enum class ConstraintKind { kRequires, kExcludes };

struct Constraint {
  std::string when_question;
  std::string when_value;
  ConstraintKind kind = ConstraintKind::kRequires;
  std::string then_question;
  std::vector<std::string> then_values;
};

struct SkuRule {
  std::string sku;
  std::map<std::string, std::string> when;  // question code → value code; none: matches all
};

struct Model {
  int64_t id = 0;
  std::string code;
  std::string name;
  bool active = true;
  int64_t version = 0;
  std::vector<Question> questions;
  std::vector<Constraint> constraints;
  std::vector<SkuRule> sku_rules;
};

// The answers given so far: question code → value code, or nullopt for an optional question
// answered "none". A question absent from the map is not answered yet.
using Answers = std::map<std::string, std::optional<std::string>>;

// The SKUs that are active catalog items, which rules may map to (the catalog decides).
using ActiveSkus = std::set<std::string>;

std::string_view KindName(ConstraintKind kind);
std::optional<ConstraintKind> KindFromName(std::string_view name);

}  // namespace ordo::configurator
