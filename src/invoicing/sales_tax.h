// Sales tax of a document's lines: the one calculation that order entry, price quotes and
// invoicing share, so an order carries exactly the tax its invoices bill.
//
// What taxes a customer's document shipped to a region on a date (a TaxRule) is read in one
// query: every rate of the region (tax_rates) and whether an exemption certificate of the
// customer for that region is valid on that date (tax_exemptions). A customer whose
// `tax_exempt` flag is set is exempt everywhere without a certificate (nothing is read).
//
// Rounding: each line is taxed on its own, its extension times its class's rate rounded once,
// half-even, to the currency's minor unit (invoicing::TaxOn). A line billed in parts (partial
// shipments) is taxed cumulatively: a part's tax is the tax on everything billed of the line
// through this part less the tax on what was billed before it, so the parts of a line always
// add up to the tax of the whole line, never a cent more or less.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::invoicing {

struct TaxRule {
  // The region's rates by tax class (parts per million); a class with none is not taxed.
  std::unordered_map<std::string, int64_t> rate_by_class;
  // Why nothing is taxed, when something exempts the document: the certificate number, or
  // "customer" for a customer exempt everywhere.
  std::optional<std::string> exemption;

  int64_t RateFor(std::string_view tax_class) const;
};

// The tax rule for `customer` shipping to `region` on `on` (one indexed query; none when
// `exempt_everywhere`).
TaxRule LoadTaxRule(store::Connection& conn, CustomerId customer, bool exempt_everywhere,
                    std::string_view region, Date on);

struct TaxableLine {
  std::string_view tax_class;
  Money through;  // the line's extension billed up to and including this document
  Money before;   // the line's extension billed on earlier documents (0 on the order)
};

struct LineTax {
  int64_t rate_ppm = 0;
  Money tax;
};

// Each line's rate and tax under `rule`, in the lines' order: TaxOn(through) - TaxOn(before).
std::vector<LineTax> TaxLines(const TaxRule& rule, std::span<const TaxableLine> lines,
                              const Currency& currency);

}  // namespace ordo::invoicing
