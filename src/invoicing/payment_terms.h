// Payment terms: when an invoice falls due and whether paying early earns a discount.
//
// Codes: "NET<n>" (due n days after the invoice date), "<p>/<d>NET<n>" (p percent off when
// paid within d days, else due in n days; p may have up to two decimals, "1.5/10NET30"), and
// "DUE_ON_RECEIPT" (due on the invoice date). Customers are limited to the codes
// customers::IsKnownPaymentTerms accepts; this parser is general so the list can grow.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace ordo::invoicing {

struct PaymentTerms {
  std::string code;
  int net_days = 0;
  int discount_days = 0;  // 0 with discount_bp 0: no early-pay discount
  int discount_bp = 0;    // basis points (1/100 of a percent) off the invoice total

  Date DueDate(Date invoice_date) const { return Date{invoice_date.days + net_days}; }
  // The last day the discount may be taken; nullopt when the terms have none.
  std::optional<Date> DiscountDate(Date invoice_date) const;
};

// nullopt for a code that is not one of the forms above (or has days beyond 3650).
std::optional<PaymentTerms> ParsePaymentTerms(std::string_view code);

}  // namespace ordo::invoicing
