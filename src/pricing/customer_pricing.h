// A customer's price list and pricing group (the group promotions may target). One row per
// customer that has either; none means the item's list price and no group.
#pragma once

#include <optional>
#include <string>

#include "core/command_context.h"
#include "core/ids.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::pricing {

struct CustomerPricing {
  CustomerId customer;
  std::string price_list;     // code; "" when none
  std::string pricing_group;  // "" when none
};

// Never absent: a customer without a row has neither.
CustomerPricing FindCustomerPricing(store::Connection& conn, CustomerId customer);

// Sets both (an unknown price list is "price_list"/"unknown_price_list", a malformed group
// "pricing_group"/"invalid_code"). Audited ("customer_pricing.update", entity "customer").
Result<CustomerPricing> SetCustomerPricing(store::Connection& conn, const CommandContext& ctx,
                                           const CustomerPricing& in);

}  // namespace ordo::pricing
