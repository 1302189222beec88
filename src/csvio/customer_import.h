// Importing customers and their ship-to addresses from CSV.
//
// Columns (header names, any order and letter case), * required:
//   customer: code*, name*, bill_line1, bill_city, bill_region, bill_postal_code,
//     bill_country, payment_terms (default NET30), credit_limit (default 0), price_tier,
//     tax_exempt (true/false/yes/no/1/0, default false), salesperson, on_hold (default false)
//   ship-to: ship_to_code*, ship_to_name, ship_line1, ship_city, ship_region,
//     ship_postal_code, ship_country, preferred_warehouse (a warehouse code)
// Each row is one ship-to. A customer with several ship-tos repeats its code on consecutive
// rows, and its customer columns must be the same on each of them ("inconsistent_customer").
// A code that comes back after another customer's rows, or that already exists in the
// database, is an error; so are unknown price tiers and warehouses. Each customer is created
// with customers::CreateCustomer.
#pragma once

#include <string_view>

#include "core/command_context.h"
#include "csvio/import_unit.h"
#include "store/command_executor.h"

namespace ordo::csvio {

// Reads and checks `csv`; its command creates every customer with its ship-tos.
PreparedImport PrepareCustomers(std::string_view csv);

// Reads `csv` and, when it has no problem, creates all its customers in one unit of work.
// The report counts customers, not rows.
ImportReport ImportCustomers(store::CommandExecutor& executor, const CommandContext& ctx,
                             std::string_view csv);

}  // namespace ordo::csvio
