// Journal entries: how every financial event reaches the general ledger.
//
// A flow that causes a financial event (an invoice, a shipment's cost, a payment, a credit
// memo, a scrap) builds one JournalEntry and posts it in its own unit of work, so the ledger
// changes exactly when the documents do. Post() refuses an entry whose debits and credits
// differ, or that names an account outside the chart: the ledger balances by construction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/command_context.h"
#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::ledger {

struct JournalLine {
  std::string_view account;  // a code of ChartOfAccounts()
  Money debit;               // exactly one of debit and credit is non-zero, and positive
  Money credit;
  std::optional<CustomerId> customer;  // set on receivables lines: the customer sub-ledger
};

struct JournalEntry {
  Date date;
  std::string kind;    // invoice, shipment_cost, payment, credit_memo, refund, scrap, restock
  std::string source;  // the entity that caused it: invoice, shipment, payment, credit_memo...
  int64_t source_id = 0;
  std::string reference;  // the document's number ("IN-000001"), as statements show it
  std::string memo;
  std::vector<JournalLine> lines;

  // Adds a debit or credit line; a zero amount adds nothing, a negative one books the other
  // side (so callers can pass signed differences).
  void Debit(std::string_view account, Money amount,
             std::optional<CustomerId> customer = std::nullopt);
  void Credit(std::string_view account, Money amount,
              std::optional<CustomerId> customer = std::nullopt);
};

// Writes the entry and its lines; returns the entry id, or 0 when it has no lines (nothing to
// post). Throws std::logic_error when debits differ from credits, an account is unknown, or a
// line is not one-sided: a flow that builds such an entry has a bug, and its command must
// roll back.
int64_t Post(store::Connection& conn, const CommandContext& ctx, const JournalEntry& entry);

}  // namespace ordo::ledger
