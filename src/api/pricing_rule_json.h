// What the pricing routes (price lists, contracts, promotions) share: reading a rule's dates,
// scope (an item by "sku" or a "product_line") and adjustment ("unit_price",
// "discount_percent", "amount_off") from a body, resolving SKUs to items on the writer, and
// writing them back with SKUs.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "jsonio/field_reader.h"
#include "pricing/price_resolution.h"
#include "store/database.h"

namespace ordo::api {

// A date "YYYY-MM-DD" at `key` ("invalid_date" otherwise; "required" when required and absent).
std::optional<Date> ReadDateField(jsonio::FieldReader& r, const nlohmann::json& obj,
                                  const char* key, const std::string& path, bool required);

// Exactly one of the adjustment keys the rule allows: "unit_price" (allow_fixed),
// "discount_percent", "amount_off" (allow_amount). Reported at FieldPath(path, key).
std::optional<pricing::Adjustment> ReadAdjustment(jsonio::FieldReader& r, const nlohmann::json& obj,
                                                  const std::string& path, bool allow_fixed,
                                                  bool allow_amount);

// "sku" and "product_line" of a rule row (either may be absent): the SKU to resolve later and
// the scope's product line.
struct ScopeText {
  std::string sku;
  std::string product_line;
};
ScopeText ReadScopeText(jsonio::FieldReader& r, const nlohmann::json& obj, const std::string& path);

// Resolves `skus[i]` (skipping "") to items on `conn` in one lookup, calling set(i, id) for
// each found and reporting "unknown_sku" at FieldPath(array, i, "sku") for the others.
void ResolveSkus(store::Connection& conn, const std::vector<std::string>& skus,
                 const std::string& array, const std::function<void(size_t, ItemId)>& set,
                 std::vector<FieldError>& errors);

// Reports "unknown_product_line" at FieldPath(array, i, "product_line") (or "product_line"
// when `array` is "") for each of `lines[i]` (skipping "") that the catalog does not have.
void CheckProductLines(store::Connection& conn, const std::vector<std::string>& lines,
                       const std::string& array, std::vector<FieldError>& errors);

// Adds "sku" and "product_line" (null when not that kind) to `j`.
void AddScopeJson(nlohmann::json& j, const pricing::RuleScope& scope,
                  const std::unordered_map<ItemId, std::string>& skus);
// Adds "unit_price", "discount_percent" and "amount_off" (null when not that kind) to `j`;
// only the keys listed in `keys` ("unit_price", "discount_percent", "amount_off").
void AddAdjustmentJson(nlohmann::json& j, const pricing::Adjustment& a,
                       std::initializer_list<const char*> keys);

nlohmann::json DateJson(std::optional<Date> d);

}  // namespace ordo::api
