// The JSON form of an order, as the API, the CLI and audit records show it.
#pragma once

#include <nlohmann/json.hpp>

#include "orders/order.h"

namespace ordo::orders {

nlohmann::json ToJson(const Order& order);

}  // namespace ordo::orders
