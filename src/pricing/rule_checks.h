// The checks every pricing rule shares (price lists, breaks, contracts, promotions), each
// reporting a field error at the path it is given, so a request's every problem is found in
// one pass. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "core/text_limits.h"
#include "pricing/price_resolution.h"

namespace ordo::pricing {

// A rule's code ("K-17", "SPRING-10", "PL-2026"): 1 to 32 characters of letters, digits, '-',
// '_' and '.'.
inline constexpr size_t kMaxRuleCode = 32;
// Text limits of the pricing rules' fields (as core/text_limits.h gives the others): the codes
// of price lists, contracts and promotions and the product line and pricing group a rule
// names; a price list's and a promotion's name; a contract's note.
inline constexpr TextLimit kPricingCode{kMaxRuleCode};
inline constexpr TextLimit kPricingName{200};
inline constexpr TextLimit kContractNote{500};
// The most rows (prices, breaks, contract terms) one document holds.
inline constexpr size_t kMaxRuleRows = 10'000;
void CheckRuleCode(const std::string& code, const std::string& field,
                   std::vector<FieldError>& errors);

// A product line code or a pricing group as rules name them (the same shape as a rule code).
void CheckGroupCode(const std::string& code, const std::string& field,
                    std::vector<FieldError>& errors);

// from <= to ("<to_field>"/"out_of_range" otherwise).
void CheckDateOrder(Date from, std::optional<Date> to, const std::string& to_field,
                    std::vector<FieldError>& errors);

// A fixed price or amount is >= 0 with at most four decimals; a percentage 0..100 % in
// whole basis points. `at` is the rule's path ("terms/3"); fields "unit_price",
// "discount_percent", "amount_off".
void CheckAdjustment(const Adjustment& a, const std::string& at, std::vector<FieldError>& errors);

// Exactly one of an item (by "sku") and a product line ("<at>/sku" "required" when neither,
// "<at>/product_line" "conflict" when both).
void CheckScope(bool has_item, bool has_line, const std::string& at,
                std::vector<FieldError>& errors);

// "12.5" → 1250 basis points; nullopt when not a percentage 0..100 with at most two decimals.
std::optional<int> ParsePercent(std::string_view text);

}  // namespace ordo::pricing
