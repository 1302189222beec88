// Customers' own part numbers: a customer may order one of our items by the number in its own
// system, in one unit (the item's base unit or one of its pack sizes). The catalog keeps the
// mapping (customer_part_numbers); order entry resolves it (ResolvePartNumbers, one query per
// order) and the line keeps the number to print it on the customer's documents.
//
// The customer is named by id: whoever calls has found it (customers module) already.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/command_context.h"
#include "core/ids.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::catalog {

struct CustomerPartNumber {
  std::string part_number;
  std::string sku;  // our item
  std::string uom;  // the unit the customer's number stands for
};

// What an order line given by part number becomes: our SKU and the mapping's unit.
using PartNumberMap = std::unordered_map<std::string, CustomerPartNumber>;

// A part number is 1 to 64 characters of single-line text (core/text_check.h); the problem at
// `path`, if any.
std::optional<FieldError> CheckPartNumberText(std::string_view part_number,
                                              const std::string& path);

nlohmann::json ToJson(const CustomerPartNumber& p);

// Every part number of `customer`, by part number.
std::vector<CustomerPartNumber> ListCustomerPartNumbers(store::Connection& conn,
                                                        CustomerId customer);

// The mappings of `customer` for `part_numbers` (unknown ones are absent), in one query.
PartNumberMap ResolvePartNumbers(store::Connection& conn, CustomerId customer,
                                 const std::vector<std::string>& part_numbers);

// Creates or replaces `customer`'s mapping of `part_number` to item `sku` in `uom` (empty: the
// item's base unit); audit "customer_part_number.save" (before and after) and event
// "customer_part_number.saved". Errors: invalid_argument with fields "part_number"
// (invalid_text, too_long, required), "sku" (unknown_sku) and "uom" (unknown_uom: the item is
// not sold in it).
Result<CustomerPartNumber> SaveCustomerPartNumber(store::Connection& conn,
                                                  const CommandContext& ctx, CustomerId customer,
                                                  const std::string& part_number,
                                                  const std::string& sku, const std::string& uom);

// Removes the mapping; audit "customer_part_number.delete". Errors: not_found.
Status DeleteCustomerPartNumber(store::Connection& conn, const CommandContext& ctx,
                                CustomerId customer, const std::string& part_number);

}  // namespace ordo::catalog
