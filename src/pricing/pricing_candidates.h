// The pricing rules that may apply to a basket (an order's or a quote's lines), read once per
// basket and then handed line by line to ResolvePrice (price_resolution.h).
//
// Cost contract (order placement is the hot path): LoadCandidates runs a fixed number of
// indexed queries whatever the number of lines — the customer's pricing row, its price list
// and that list's prices and breaks for the basket's items and product lines, the customer's
// contract terms valid on the date for them, and the promotions valid on the date for them or
// the customer's group — never one per line and never a scan. It reads; it writes nothing.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "pricing/price_resolution.h"
#include "store/database.h"

namespace ordo::pricing {

struct BasketItem {
  ItemId item;
  std::string product_line;  // "" when the item has none
};

class BasketCandidates {
 public:
  // Fills the line's candidates into `in` (price list terms for its item, contract terms and
  // promotions for its item or product line, the customer's group). `in.item` and
  // `in.product_line` must be set.
  void FillLine(PriceInputs& in) const;

  const std::string& customer_group() const { return customer_group_; }
  // The customer's price list code, "" when none.
  std::string price_list_code() const { return list_ ? list_->code : ""; }

 private:
  friend BasketCandidates LoadCandidates(store::Connection&, CustomerId,
                                         const std::vector<BasketItem>&, Date);
  friend class PricingSnapshot;  // the same candidates from the rules in memory
  std::string customer_group_;
  std::optional<PriceListTerms> list_;  // header only: unit_price and breaks are per line
  std::unordered_map<ItemId, Money> list_prices_;
  std::unordered_map<ItemId, std::vector<QuantityBreak>> item_breaks_;
  std::unordered_map<std::string, std::vector<QuantityBreak>> line_breaks_;
  std::unordered_map<ItemId, std::vector<ContractTerm>> item_contracts_;
  std::unordered_map<std::string, std::vector<ContractTerm>> line_contracts_;
  std::vector<Promotion> promotions_;  // few: filtered by FillLine
};

// Everything that may price `items` for the customer on `date` (see the cost contract above).
BasketCandidates LoadCandidates(store::Connection& conn, CustomerId customer,
                                const std::vector<BasketItem>& items, Date date);

}  // namespace ordo::pricing
