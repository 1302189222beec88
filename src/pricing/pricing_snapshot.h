// Every pricing rule in memory, for one reference version: what LoadCandidates reads per basket
// (pricing_candidates.h), read once for all baskets instead.
//
// Why: the rules are reference data that change rarely (an edit bumps the reference version,
// migration 0021's triggers), while every order and quote reads them. Five indexed queries per
// basket cost more than the rest of an order's preparation; looking them up in memory costs
// almost nothing. Candidates() gives exactly what LoadCandidates gives for the same data.
//
// Contract: a snapshot is built through one connection in six full reads (a savepoint keeps them
// consistent) and kept with that connection (store::Connection::Attached) under the reference
// version its caller read before. The data may be newer than that version, never older; an order
// prepared on it is checked by the writer against the version then, as any prepared order is.
// Nothing is kept by a connection in a write transaction (what it reads may be rolled back and
// its version number given to another change), nor above kMaxSnapshotRows rows: those baskets
// are read by LoadCandidates.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "pricing/price_resolution.h"
#include "pricing/pricing_candidates.h"
#include "store/database.h"

namespace ordo::pricing {

inline constexpr int64_t kMaxSnapshotRows = 1'000'000;

class PricingSnapshot {
 public:
  // Reads every pricing table; nullptr when they hold more than kMaxSnapshotRows rows.
  static std::shared_ptr<const PricingSnapshot> Build(store::Connection& conn);

  // What LoadCandidates(conn, customer, items, date) would read from the same data.
  BasketCandidates Candidates(CustomerId customer, const std::vector<BasketItem>& items,
                              Date date) const;

 private:
  struct List {
    PriceListTerms header;  // without unit_price and breaks
    std::unordered_map<ItemId, Money> prices;
    std::unordered_map<ItemId, std::vector<QuantityBreak>> item_breaks;
    std::unordered_map<std::string, std::vector<QuantityBreak>> line_breaks;
  };
  struct Customer {
    std::string group;
    std::optional<int64_t> list;
    std::unordered_map<ItemId, std::vector<ContractTerm>> item_contracts;
    std::unordered_map<std::string, std::vector<ContractTerm>> line_contracts;
  };
  struct Promo {
    int64_t id = 0;
    Promotion rule;
  };

  std::unordered_map<int64_t, List> lists_;
  std::unordered_map<CustomerId, Customer> customers_;
  std::unordered_map<ItemId, std::vector<Promo>> item_promotions_;
  std::unordered_map<std::string, std::vector<Promo>> line_promotions_;
  std::unordered_map<std::string, std::vector<Promo>> group_promotions_;
};

// The basket's candidates: from the snapshot kept with `conn` for `reference_version` (built
// when there is none for it yet), or by LoadCandidates when the rules are too many to keep.
BasketCandidates CandidatesAt(store::Connection& conn, int64_t reference_version,
                              CustomerId customer, const std::vector<BasketItem>& items, Date date);

}  // namespace ordo::pricing
