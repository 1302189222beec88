// The JSON form of an order, as the API, the CLI and audit records show it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "orders/order.h"

namespace ordo::orders {

// Compact JSON text; the hot path (audit records, API answers).
std::string OrderJson(const Order& order);
// The same document as a tree, for callers that inspect or combine it.
nlohmann::json ToJson(const Order& order);

}  // namespace ordo::orders
