#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace ordo::cli {

// `ordo import items|customers|stock|customer-part-numbers FILE.csv`: imports a CSV file as one
// unit of work. Prints "imported N items" (customers, stock receipts) on success. Otherwise nothing
// is imported, every problem is printed to stderr as one line,
//   items.csv:14:3: list_price: invalid_money: "12,50" is not a decimal amount
// (FILE:LINE[:COLUMN]: [FIELD: ]CODE: MESSAGE), and the exit status is 1.
void RegisterImportCommand(CLI::App& app, CliContext& ctx);

}  // namespace ordo::cli
