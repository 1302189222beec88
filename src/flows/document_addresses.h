// Address blocks of printed documents (packing slips, invoices, credit memos, statements),
// so every document prints a customer's and a warehouse's address the same way.
#pragma once

#include <string>
#include <vector>

#include "core/ids.h"
#include "customers/customer.h"
#include "documents/printed_document.h"
#include "inventory/warehouse.h"

namespace ordo::flows {

// "Springfield, IL 62701": the parts that are there.
std::string CityLine(const std::string& city, const std::string& region,
                     const std::string& postal_code);

// The customer's name over the ship-to's name (when it differs), street, city line, country;
// only the customer's name when `ship_to` is not one of its ship-tos. Empty lines are left out.
documents::AddressBlock ShipToBlock(const customers::Customer& customer, ShipToId ship_to);
// The customer's name over its bill-to address.
documents::AddressBlock BillToBlock(const customers::Customer& customer);
// The warehouse's name over its address, headed "Ship from".
documents::AddressBlock ShipFromBlock(const inventory::Warehouse& warehouse);

}  // namespace ordo::flows
