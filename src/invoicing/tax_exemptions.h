// Sales tax exemption certificates: a customer's certificate for one region, valid through its
// expiry date (invoicing/sales_tax.h applies it to a document dated on or before that day; a
// later document is taxed again). The invoicing module owns `tax_exemptions`; the customer is
// named by id only. Adding and removing one is audited ("tax_exemption.add",
// "tax_exemption.delete").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/command_context.h"
#include "core/ids.h"
#include "core/status.h"
#include "core/text_limits.h"
#include "store/database.h"

namespace ordo::invoicing {

inline constexpr TextLimit kCertificateNumberLimit{64};

struct TaxExemption {
  int64_t id = 0;
  CustomerId customer;
  std::string region;
  std::string certificate_number;
  Date expires_on{};
  std::string created_by;
  Timestamp created_at;

  // Valid for a document dated `on`: on or before the expiry date.
  bool ValidOn(Date on) const { return on <= expires_on; }
};

// The customer's certificates, by region, then expiry date, then id.
std::vector<TaxExemption> ListTaxExemptions(store::Connection& conn, CustomerId customer);

// Records a certificate (id, created_by and created_at are set here). Errors: invalid_argument
// (region or certificate_number empty, not acceptable text or too long), conflict (the
// customer already has that certificate number for that region).
Result<TaxExemption> AddTaxExemption(store::Connection& conn, const CommandContext& ctx,
                                     TaxExemption exemption);

// Removes the customer's certificate `id`. Errors: not_found (no such certificate of that
// customer).
Status DeleteTaxExemption(store::Connection& conn, const CommandContext& ctx, CustomerId customer,
                          int64_t id);

// {"id", "region", "certificate_number", "expires_on", "created_by", "created_at"} with
// "valid" as of `today`.
nlohmann::json ToJson(const TaxExemption& e, Date today);

}  // namespace ordo::invoicing
