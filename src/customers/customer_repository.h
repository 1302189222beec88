// Reads and writes of customers, ship-tos, price tiers and credit balances.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "customers/customer.h"
#include "store/database.h"

namespace ordo::customers {

std::optional<Customer> FindCustomerByCode(store::Connection& conn, std::string_view code);
std::optional<Customer> FindCustomerById(store::Connection& conn, CustomerId id);
// How requests name a customer: an exact code first (codes may be all digits), then, for a
// text of digits only, an id.
std::optional<Customer> FindCustomerByRef(store::Connection& conn, std::string_view code_or_id);

// REQUIRES: validated; ship-to warehouses resolved to ids (same order as c.ship_tos).
Customer InsertCustomer(store::Connection& conn, const NewCustomer& c,
                        const std::vector<std::optional<WarehouseId>>& preferred, Timestamp now);

struct PriceTier {
  std::string code;
  std::string name;
  int discount_bp = 0;  // basis points off list price
};
std::optional<PriceTier> FindPriceTier(store::Connection& conn, std::string_view code);
// Every tier, by code (a distributor has a handful).
std::vector<PriceTier> ListPriceTiers(store::Connection& conn);
void UpsertPriceTier(store::Connection& conn, const PriceTier& tier);

}  // namespace ordo::customers
