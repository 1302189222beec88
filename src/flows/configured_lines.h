// Configured order lines: a line that gives `configuration` {configurator, answers} instead
// of a SKU is resolved by the configurator's solver to the SKU its answers map to, and priced
// at that SKU's price plus the answers' price adjustments (price source "configured"). The
// answers and their description are kept with the line (configurator's
// order_line_configurations) and shown on the order, its packing slip and its invoice.
//
// Read side of order placement: one model load per distinct configurator named in the order
// (a few indexed reads each) and one catalog read of its SKUs; nothing for an order without
// configured lines.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "configurator/configurator_repository.h"
#include "core/money.h"
#include "core/status.h"
#include "flows/place_order_request.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

struct ConfiguredLine {
  std::string sku;                         // what the answers map to
  Money price_adjustment;                  // per base unit, added to the SKU's resolved price
  configurator::LineConfiguration stored;  // line_no set by placement
};

// One entry per line of `lines` (nullopt for a line without a configuration). Problems go to
// `errors` under "lines/<i>/configuration/...": configurator (unknown_configurator,
// inactive_configurator), answers/<question> (the solver's codes, incomplete for a question
// not answered yet), sku (a line gives a SKU and a configuration).
std::vector<std::optional<ConfiguredLine>> ResolveConfigurations(
    store::Connection& conn, const std::vector<PlaceOrderLine>& lines, size_t count,
    std::vector<FieldError>& errors);

// What a configured line's documents (packing slip, invoice, quote) print under it, as the
// table row's detail (documents::Table::details): its answers' description, "Capacity: 30 gal;
// Doors: Self-closing; ...". `configuration` is the line's {"configurator", "answers",
// "description"} JSON; empty for none.
std::string PrintedConfiguration(const std::optional<std::string>& configuration);
std::string PrintedConfiguration(const orders::OrderLine* line);

// The explanation of a configured line's price: its SKU's, then what the answers add
// ("contract K-17 until 2027-03-31, then the configuration's +45.00"); unchanged for none.
std::string ConfiguredExplanation(const std::string& base, Money adjustment);

// A priced line `out` made from a configured line: adds the adjustment to its unit price
// (unless the price was set by hand or agreed), names the source "configured", extends again and
// keeps the configuration for display; returns the row to store with the line. Errors: out_of_range
// at "lines/<i>/quantity" when the value grows past what a line may hold.
configurator::LineConfiguration ApplyConfiguration(const ConfiguredLine& configured,
                                                   const PlaceOrderLine& in, size_t i,
                                                   Currency currency, orders::OrderLine& out,
                                                   std::vector<FieldError>& errors);

}  // namespace ordo::flows
