#include "demo/demo_tax_exemptions.h"

#include <string>

#include "customers/customer_repository.h"
#include "invoicing/tax_exemptions.h"

namespace ordo::demo {

void AddDemoTaxExemptions(CommandBatch& batch, const std::vector<DemoCustomer>& customers,
                          const HistoryWindow& window) {
  const Date recorded{window.first.days - 7};
  const Date expiries[] = {Date{window.first.days + window.days + 365},  // valid
                           Date{window.first.days + window.days / 2}};   // expired
  size_t next = 0;
  // From the last customer back, so the first ones (which the browser tests use) stay taxed.
  for (auto d = customers.rbegin(); d != customers.rend(); ++d) {
    if (next == std::size(expiries)) break;
    const customers::NewCustomer& a = d->account;
    if (a.tax_exempt || a.ship_tos.empty() || a.ship_tos.front().address.region.empty()) continue;
    invoicing::TaxExemption e;
    e.region = a.ship_tos.front().address.region;
    e.certificate_number = "RESALE-" + e.region + "-" + a.code.substr(2);
    e.expires_on = expiries[next++];
    CommandContext ctx{"user:ar.clerk", "", At(recorded, 11 * kHour)};
    batch.Add("tax exemption of " + a.code, [e, code = a.code, ctx](store::Connection& c) mutable {
      auto customer = customers::FindCustomerByCode(c, code);
      if (!customer) return Status::NotFound("no customer " + code);
      e.customer = customer->id;
      return invoicing::AddTaxExemption(c, ctx, e).status();
    });
  }
}

}  // namespace ordo::demo
