// The one way a basket's lines are priced: order placement (PrepareOrder, and the writer when
// it prepares again) and the price quote (POST /api/v1/pricing/quote) both price through a
// BasketPricer, so a basket priced by quote and then placed as an order on the same date gets
// the same prices, sources and explanations while the rules do not change.
//
// Construction reads, on the caller's connection: the customer's price tier (one lookup) and
// the basket's pricing candidates (from the connection's snapshot of the rules for the
// reference version, pricing::CandidatesAt, or pricing::LoadCandidates: a fixed number of
// indexed queries, whatever the number of lines). Price() reads nothing.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "catalog/item.h"
#include "core/clock.h"
#include "core/status.h"
#include "customers/customer.h"
#include "pricing/price_resolution.h"
#include "pricing/pricing_candidates.h"
#include "store/database.h"

namespace ordo::flows {

// The product line pricing rules name an item by ("" when it has none).
std::string ProductLineOf(const catalog::Item& item);

class BasketPricer {
 public:
  // `items` are the basket's known items by SKU (catalog::FindItemsBySku). With the reference
  // version the caller read (before the data), the rules come from the connection's snapshot of
  // that version (pricing/pricing_snapshot.h); without, they are read for the basket.
  BasketPricer(store::Connection& conn, const customers::Customer& customer,
               const std::unordered_map<std::string, catalog::Item>& items, Date date,
               std::string currency, std::optional<int64_t> reference_version = std::nullopt);

  // The price of `base_quantity` base units of `item` (pricing::ResolvePrice's errors for a
  // manual price without a reason or below zero).
  Result<pricing::PriceDecision> Price(const catalog::Item& item, int64_t base_quantity,
                                       std::optional<Money> manual_price = std::nullopt,
                                       const std::string& override_reason = "") const;

  const std::optional<pricing::TierDiscount>& tier() const { return tier_; }
  const pricing::BasketCandidates& candidates() const { return candidates_; }
  Date date() const { return date_; }

 private:
  Date date_;
  std::string currency_;
  std::optional<pricing::TierDiscount> tier_;
  pricing::BasketCandidates candidates_;
};

}  // namespace ordo::flows
