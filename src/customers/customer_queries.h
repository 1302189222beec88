// Customer lists: the customers that match a filter, a page at a time in id order (the API's
// GET /customers). Reads only; safe on any read connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "customers/customer.h"
#include "store/database.h"

namespace ordo::customers {

struct CustomerFilter {
  std::optional<bool> on_hold;
  std::optional<std::string> salesperson;  // exact match
  // A substring of the code or the name, ASCII case-insensitive; empty matches every customer.
  std::string text;
  // Only this customer (a portal user's own account).
  std::optional<CustomerId> only;
};

// Up to `limit` customers matching `filter` with id > `after`, by id, with their ship-tos.
std::vector<Customer> ListCustomers(store::Connection& conn, const CustomerFilter& filter,
                                    int64_t after, int limit);

}  // namespace ordo::customers
