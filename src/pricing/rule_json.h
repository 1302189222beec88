// How the pricing tables store a rule's scope and adjustment (item_id | product_line;
// unit_price | discount_bp | amount_off) and how audit images show them. Shared by the
// repositories of price lists, contracts and promotions and by the candidates' loader.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "pricing/price_resolution.h"
#include "store/row_reader.h"

namespace ordo::pricing {

// Reads (item_id, product_line).
RuleScope ReadRuleScope(store::RowReader& r);
// Reads (unit_price, discount_bp): a fixed price when unit_price is set, else a percentage.
Adjustment ReadFixedOrPercent(store::RowReader& r);
// Reads a contract term as the candidates' queries select it: (contracts.code, start_date,
// end_date, item_id, product_line, unit_price, discount_bp).
ContractTerm ReadContractTerm(store::RowReader& r);
// Reads a promotion as the candidates' queries select it, after its id: (code, start_date,
// end_date, item_id, product_line, customer_group, discount_bp, amount_off, stacking).
Promotion ReadPromotion(store::RowReader& r);

// NULL for "".
std::optional<std::string> OptCode(const std::string& code);
// The unit_price / discount_bp / amount_off column of an adjustment (NULL when another kind).
std::optional<Money> FixedPriceOf(const Adjustment& a);
std::optional<int64_t> PercentOf(const Adjustment& a);
std::optional<Money> AmountOffOf(const Adjustment& a);

// {"item_id"} or {"product_line"} (audit images name items by id).
nlohmann::json RuleScopeJson(const RuleScope& s);
// Adds "unit_price", "discount_percent" or "amount_off" to `j`.
void AddAdjustmentJson(nlohmann::json& j, const Adjustment& a);

}  // namespace ordo::pricing
