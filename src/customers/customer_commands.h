// Commands of the customers module.
#pragma once

#include "core/command_context.h"
#include "customers/customer.h"
#include "customers/customer_repository.h"
#include "store/database.h"

namespace ordo::customers {

// Creates a customer with its ship-tos. Errors: invalid_argument (every bad field, including
// an unknown price tier or preferred warehouse), conflict (code taken).
Result<Customer> CreateCustomer(store::Connection& conn, const CommandContext& ctx,
                                const NewCustomer& c);

// Creates or changes a price tier. Errors: invalid_argument.
Status SavePriceTier(store::Connection& conn, const CommandContext& ctx, const PriceTier& tier);

}  // namespace ordo::customers
