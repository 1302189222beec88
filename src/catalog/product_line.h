// Product lines: groups of items for pricing, promotions and reports. Each carries the least
// margin a price of its items may leave (catalog/floor_price.h gives the floor price it implies).
// The code names a line for good; its name, margin and active flag change (UpdateProductLine).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/command_context.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::catalog {

struct ProductLine {
  std::string code;
  std::string name;
  int min_margin_bp = 0;  // basis points of the price, 0 to 9999
  bool active = true;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

// What a caller gives to create a product line.
struct NewProductLine {
  std::string code;
  std::string name;
  int min_margin_bp = 0;
  bool active = true;
};

// The fields to change; an absent field keeps its value.
struct ProductLinePatch {
  std::optional<std::string> name;
  std::optional<int> min_margin_bp;
  std::optional<bool> active;
};

// Every problem of `line`: code (1 to 16 letters, digits, '-', '_' or '.'), name (1 to 200
// characters), min_margin_bp (0 to 9999: a margin of 100% has no finite floor).
Status ValidateNewProductLine(const NewProductLine& line);

// Basis points as a percentage with two decimals: 1250 → "12.50".
std::string PercentFromBasisPoints(int bp);

nlohmann::json ToJson(const ProductLine& line);

// An item's product line must exist: the error for `code` at `path` ("product_line") when no
// product line has it, nullopt when it exists or is absent (no product line).
std::optional<FieldError> CheckItemProductLine(store::Connection& conn,
                                               const std::optional<std::string>& code,
                                               const std::string& path);

std::optional<ProductLine> FindProductLine(store::Connection& conn, std::string_view code);
// Every product line, by code (a distributor has tens of them, not thousands).
std::vector<ProductLine> ListProductLines(store::Connection& conn);

// Creates a product line; audit "product_line.create", event "product_line.created".
// Errors: invalid_argument (every bad field), conflict (the code is taken).
Result<ProductLine> CreateProductLine(store::Connection& conn, const CommandContext& ctx,
                                      const NewProductLine& line);

// Applies `patch`: when it changes something the version goes up by one and an audit row
// (before and after) and a "product_line.updated" event are written; otherwise nothing is.
// Errors: not_found; precondition_failed (expected_version given and stale); invalid_argument.
Result<ProductLine> UpdateProductLine(store::Connection& conn, const CommandContext& ctx,
                                      std::string_view code, const ProductLinePatch& patch,
                                      std::optional<int64_t> expected_version);

}  // namespace ordo::catalog
