// The demo distributor's sales tax table: a state-level rate per ship-to region for the
// "standard" and "reduced" item tax classes (the demo catalog uses both). Rates are
// illustrative round figures, not a tax authority's table.
#pragma once

#include <vector>

#include "invoicing/tax_rates.h"

namespace ordo::demo {

std::vector<invoicing::TaxRate> DemoTaxRates();

}  // namespace ordo::demo
