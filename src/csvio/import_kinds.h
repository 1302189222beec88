// The kinds of CSV import, in one table that the CLI (`ordo import <kind> FILE`) and the API
// (`POST /api/v1/imports/{kind}`) both read, so that the two always offer the same imports
// through the same code.
#pragma once

#include <span>
#include <string_view>

#include "csvio/import_unit.h"

namespace ordo::csvio {

struct ImportKind {
  std::string_view name;          // "items": the CLI's subcommand and the API's path segment
  std::string_view description;   // one line, for help texts
  std::string_view singular;      // "item"
  std::string_view plural;        // "items"
  std::string_view write_action;  // the permission (auth/permissions.cpp) to import it
  PreparedImport (*prepare)(std::string_view csv);
};

// Items, customers, stock, customer part numbers, price tiers, price list prices, contract
// prices.
std::span<const ImportKind> ImportKinds();

// The kind named `name`; nullptr when there is none.
const ImportKind* FindImportKind(std::string_view name);

}  // namespace ordo::csvio
