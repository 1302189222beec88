// Price lists: a currency, validity dates, a price per item and quantity breaks per item or
// product line. A customer gets one through customer_pricing.h. Items are named by id here;
// the API names them by SKU.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/command_context.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/status.h"
#include "pricing/price_resolution.h"
#include "store/database.h"

namespace ordo::pricing {

struct PriceListPrice {
  ItemId item;
  Money unit_price;  // per base unit
};

struct PriceList {
  int64_t id = 0;
  std::string code;
  std::string name;
  std::string currency = "USD";
  Date valid_from;
  std::optional<Date> valid_to;  // inclusive; none: open-ended
  std::vector<PriceListPrice> prices;
  std::vector<QuantityBreak> breaks;  // fixed price or percentage off the reference price
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

// Field checks that need no database (paths "code", "name", "currency", "valid_to",
// "prices/<i>/unit_price", "prices/<i>/sku" (duplicate), "breaks/<i>/...").
Status ValidatePriceList(const PriceList& list);

// Creates the list with its prices and breaks; conflict ("code"/"duplicate") when the code is
// taken. Audited ("price_list.create").
Result<PriceList> CreatePriceList(store::Connection& conn, const CommandContext& ctx,
                                  const PriceList& in);

// Replaces list `id`'s name, currency, dates, prices and breaks by `in`'s (its code stays),
// after checking `expected` against its version (412). Audited ("price_list.update").
Result<PriceList> ReplacePriceList(store::Connection& conn, const CommandContext& ctx, int64_t id,
                                   const PriceList& in, std::optional<int64_t> expected);

// Sets one item's price on list `code` (added or replaced), bumping the list's version: the
// CSV import's command. Not found when there is no such list; invalid_argument
// ("unit_price"/"out_of_range") for a negative price. Audited ("price_list.set_price").
Status SetPriceListPrice(store::Connection& conn, const CommandContext& ctx,
                         const std::string& code, ItemId item, Money unit_price);

// By id when `id` is set, else by code; with prices and breaks.
std::optional<PriceList> FindPriceList(store::Connection& conn, std::optional<int64_t> id,
                                       const std::string& code);

// Lists (headers only: no prices, no breaks) with id > after, by id, at most `limit`.
std::vector<PriceList> ListPriceLists(store::Connection& conn, int64_t after, int limit);

// The audit image (items by id).
nlohmann::json AuditJson(const PriceList& list);

}  // namespace ordo::pricing
