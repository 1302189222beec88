// The order as it is shown (API answers, audit images, the CLI): the orders module's document
// with the codes of the customer, ship-to, items and warehouses it refers to by id.
#pragma once

#include <optional>
#include <string_view>

#include "core/ids.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::views {

// Fills the order's display names (customer and ship-to codes, each line's SKU, each
// allocation's warehouse code) and puts each line's allocations in the order they are shown
// and given back: the warehouses' allocation rank, then id. Four queries, whatever the size of
// the order.
void NameOrder(store::Connection& conn, orders::Order& order);

// orders::LoadOrder / LoadOrderByNumber, named by NameOrder.
std::optional<orders::Order> LoadOrder(store::Connection& conn, OrderId id);
std::optional<orders::Order> LoadOrderByNumber(store::Connection& conn, std::string_view number);

}  // namespace ordo::views
