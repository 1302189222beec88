// The quotes' rows: quotes, their versions and each version's lines. Writes run inside the
// caller's unit of work (flows/quote_commands.h); reads on any connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "quotes/quote.h"
#include "store/database.h"

namespace ordo::quotes {

// The next quote number ("Q-000001"), from the store's sequence "Q".
std::string NextQuoteNumber(store::Connection& conn);

// Inserts the quote's row (q.id is set) and updates every changeable column of an existing one.
void InsertQuote(store::Connection& conn, Quote& q);
void UpdateQuote(store::Connection& conn, const Quote& q);
// Inserts a version with its lines (v.id is set).
void InsertVersion(store::Connection& conn, int64_t quote_id, QuoteVersion& v);

std::optional<Quote> FindQuote(store::Connection& conn, const std::string& number);
// A version with its lines, by number; nullopt when the quote has no such version.
std::optional<QuoteVersion> LoadVersion(store::Connection& conn, int64_t quote_id, int version);
// Every version of a quote without its lines, oldest first.
std::vector<QuoteVersion> ListVersions(store::Connection& conn, int64_t quote_id);

struct QuoteFilter {
  std::optional<int64_t> customer_id;
  std::optional<QuoteStatus> status;  // kExpired and kOpen are told apart by `today`
  Date today;
};

struct QuoteSummary {
  int64_t id = 0;
  Quote quote;
  Money total;  // of the current version
};

// Quotes matching `filter`, newest first, with ids below `before` when given, at most `limit`.
std::vector<QuoteSummary> ListQuotes(store::Connection& conn, const QuoteFilter& filter,
                                     std::optional<int64_t> before, int limit);

}  // namespace ordo::quotes
