#include "invoicing/sales_tax.h"

#include "invoicing/tax_rates.h"
#include "store/query.h"

namespace ordo::invoicing {

int64_t TaxRule::RateFor(std::string_view tax_class) const {
  if (exemption) return 0;
  auto found = rate_by_class.find(std::string(tax_class));
  return found == rate_by_class.end() ? 0 : found->second;
}

TaxRule LoadTaxRule(store::Connection& conn, CustomerId customer, bool exempt_everywhere,
                    std::string_view region, Date on) {
  TaxRule rule;
  if (exempt_everywhere) {
    rule.exemption = "customer";
    return rule;
  }
  // Both halves are index lookups: tax_rates (region, tax_class) and
  // tax_exemptions_customer_region. A certificate row has a NULL class.
  store::Query q(conn,
                 "SELECT tax_class, rate_ppm, NULL FROM tax_rates WHERE region = ? "
                 "UNION ALL SELECT NULL, 0, certificate_number FROM tax_exemptions "
                 "WHERE customer_id = ? AND region = ? AND expires_on >= ?",
                 region, customer, region, on);
  while (q.Next()) {
    if (q.IsNull(0)) {
      if (!rule.exemption) rule.exemption = q.Text(2);
    } else {
      rule.rate_by_class.emplace(q.Text(0), q.Int(1));
    }
  }
  return rule;
}

std::vector<LineTax> TaxLines(const TaxRule& rule, std::span<const TaxableLine> lines,
                              const Currency& currency) {
  std::vector<LineTax> out;
  out.reserve(lines.size());
  for (const auto& l : lines) {
    const int64_t rate = rule.RateFor(l.tax_class);
    out.push_back({rate, TaxOn(l.through, rate, currency) - TaxOn(l.before, rate, currency)});
  }
  return out;
}

}  // namespace ordo::invoicing
