// Promotions: a percentage or an amount off, between two dates, for an item, a product line
// and/or a customer pricing group, with a stacking rule ("stacks" on the best non-promotional
// price, or "exclusive": off the reference price instead of it; price_resolution.h).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/command_context.h"
#include "core/status.h"
#include "pricing/price_resolution.h"
#include "store/database.h"

namespace ordo::pricing {

struct PromotionRecord {
  int64_t id = 0;
  std::string name;
  Promotion rule;  // code, dates, conditions, adjustment, stacking
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

// Field checks ("code", "name", "end_date", "customer_group", "product_line", "sku" (required:
// no condition), "discount_percent", "amount_off").
Status ValidatePromotion(const PromotionRecord& p);

// Conflict ("code"/"duplicate") when the code is taken. Audited ("promotion.create").
Result<PromotionRecord> CreatePromotion(store::Connection& conn, const CommandContext& ctx,
                                        const PromotionRecord& in);

// Replaces everything but the code after the version check. Audited ("promotion.update").
Result<PromotionRecord> ReplacePromotion(store::Connection& conn, const CommandContext& ctx,
                                         int64_t id, const PromotionRecord& in,
                                         std::optional<int64_t> expected);

std::optional<PromotionRecord> FindPromotion(store::Connection& conn, std::optional<int64_t> id,
                                             const std::string& code);

std::vector<PromotionRecord> ListPromotions(store::Connection& conn, int64_t after, int limit);

nlohmann::json AuditJson(const PromotionRecord& p);

}  // namespace ordo::pricing
