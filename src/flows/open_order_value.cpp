#include "flows/open_order_value.h"

#include "invoicing/tax_rates.h"
#include "pricing/price_resolution.h"

namespace ordo::flows {

Money OpenOrderValue(const orders::OrderLine& line, const Currency& currency) {
  Money extension = pricing::ExtendedAmount(
      line.unit_price, line.quantity - line.quantity_cancelled - line.quantity_invoiced, currency);
  return extension + invoicing::TaxOn(extension, line.tax_rate_ppm, currency);
}

}  // namespace ordo::flows
