// How a customer's documents (invoice, packing slip) print a line entered with the customer's
// own part number: beside the item's name, so the customer finds the line by its own number.
#pragma once

#include <string>

#include "orders/order.h"

namespace ordo::flows {

// "Hex bolt M8 (your part no. 88-1043)" for a line entered by part number; the name alone
// otherwise (or when the order line is unknown).
inline std::string WithCustomerPart(std::string name, const orders::OrderLine* line) {
  if (line == nullptr || !line->customer_part_number) return name;
  return name + " (your part no. " + *line->customer_part_number + ")";
}

}  // namespace ordo::flows
