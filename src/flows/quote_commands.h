// Quotes (issue 14): a quote is an order prepared (validated, priced, taxed by PrepareOrder)
// and stored rather than placed; accepting it places the order at the quoted prices.
//
// Each command is one unit of work on the writer: the quote's rows, its audit record and its
// event (quote.created, quote.revised, quote.accepted, quote.cancelled) commit together, and
// an accepted quote commits with its order or not at all.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "flows/order_limits.h"
#include "flows/order_placement.h"
#include "flows/place_order_request.h"
#include "quotes/quote.h"
#include "store/database.h"

namespace ordo::flows {

// What a channel gives to make or revise a quote: the order's customer, ship-to and lines
// (its po_number, channel and dates are not used), the expiry date and notes.
struct SalesQuoteRequest {
  PlaceOrderRequest order;
  std::optional<std::string> expires_on;  // YYYY-MM-DD; see quotes::ExpiryFor
  std::string notes;
};

// A quote with the version shown and the list of all its versions (lines of the shown only).
struct QuoteDocument {
  quotes::Quote quote;
  quotes::QuoteVersion shown;
  std::vector<quotes::QuoteVersion> versions;
};

// The read side, on any connection: the request validated and priced as PrepareOrder does on
// `today`, with the notes and a given expiry checked too, every problem at once. A revision's
// expiry is checked again by the writer against the stored quote.
Result<PreparedOrder> PrepareQuote(store::Connection& conn, const SalesQuoteRequest& request,
                                   const OrderLimits& limits, Date today);

// Stores a new quote (version 1) from a request prepared by PrepareQuote, preparing it again
// when the reference data or the day changed since.
Result<QuoteDocument> CreateQuote(store::Connection& conn, const CommandContext& ctx,
                                  const SalesQuoteRequest& request, const PreparedOrder& prepared);

// Revises an open (or expired) quote: a new version priced as of today with the request's
// lines, the expiry given or else kept while valid (quotes::ExpiryFor). Errors: not_found;
// precondition_failed when `expected` is not the current version; invalid_state once accepted
// or cancelled; invalid_argument at "customer" when the request names another customer.
Result<QuoteDocument> ReviseQuote(store::Connection& conn, const CommandContext& ctx,
                                  const std::string& number, const SalesQuoteRequest& request,
                                  const PreparedOrder& prepared, std::optional<int64_t> expected);

struct AcceptQuoteRequest {
  std::string po_number;
  std::optional<std::string> requested_date;
  std::string channel = "api";
};

struct AcceptedQuote {
  QuoteDocument quote;
  PlacedOrder order;
};

// Places the order of the quote's current version at its quoted prices (each line's
// AgreedPrice: source "quote:<number>/<version>", explanation "quote <number> v<version>:
// <the quoted reason>", a manual price's reason kept), taxed as of today, with approval
// rules evaluated as for any order; and marks the quote accepted with the order's number, in
// the same unit of work. Errors: not_found; invalid_state when accepted or cancelled, or
// expired (one field error "quote_expired" at expires_on: quotes::IsExpiredProblem); the
// order's validation errors (an item no longer sold...) with their line paths. Nothing is
// written on any error.
Result<AcceptedQuote> AcceptQuote(store::Connection& conn, const CommandContext& ctx,
                                  const std::string& number, const AcceptQuoteRequest& request,
                                  const OrderLimits& limits = {});

// Cancels an open (or expired) quote. Errors: not_found, invalid_state, precondition_failed.
Result<QuoteDocument> CancelQuote(store::Connection& conn, const CommandContext& ctx,
                                  const std::string& number, const std::string& reason,
                                  std::optional<int64_t> expected);

// A quote with one of its versions (nullopt: the current one). not_found for an unknown
// number or version.
Result<QuoteDocument> LoadQuote(store::Connection& conn, const std::string& number,
                                std::optional<int> version = std::nullopt);

}  // namespace ordo::flows
