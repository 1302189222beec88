// Customer lists: the customers that match a filter, a page at a time in id order (the API's
// GET /customers). Reads only; safe on any read connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
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

// How many customers there are.
int64_t CountCustomers(store::Connection& conn);
// The sum of every customer's open receivables.
Money TotalOpenReceivables(store::Connection& conn);

// The code of each customer in `ids` that exists, by id; and the same for ship-tos. One query
// each for a whole page or document (read models name the customers and ship-tos other
// modules refer to by id). Repeated ids are read once.
std::unordered_map<CustomerId, std::string> CustomerCodes(store::Connection& conn,
                                                          const std::vector<CustomerId>& ids);
std::unordered_map<ShipToId, std::string> ShipToCodes(store::Connection& conn,
                                                      const std::vector<ShipToId>& ids);

// The code and name of each customer in `ids` that exists, by id, in one query: how the
// receivables reports (views/aging_view.h) head their rows. Repeated ids are read once.
struct CustomerLabel {
  std::string code;
  std::string name;
};
std::unordered_map<CustomerId, CustomerLabel> CustomerLabels(store::Connection& conn,
                                                             const std::vector<CustomerId>& ids);

}  // namespace ordo::customers
