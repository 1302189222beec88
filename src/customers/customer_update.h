// Changing a customer account: a partial update (PATCH) of its name, bill-to address, terms,
// credit limit, price tier, tax status, salesperson, hold flag and ship-tos.
//
// Fields left unset keep their value. Ship-tos are matched by code: a code the customer has is
// changed field by field, a new code adds a ship-to. Ship-tos are never removed here, because
// orders refer to them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "customers/customer.h"
#include "store/database.h"

namespace ordo::customers {

struct AddressPatch {
  std::optional<std::string> line1;
  std::optional<std::string> city;
  std::optional<std::string> region;
  std::optional<std::string> postal_code;
  std::optional<std::string> country;
};

struct ShipToPatch {
  std::string code;
  std::optional<std::string> name;
  AddressPatch address;
  // Set: change the preferred warehouse to this warehouse code, or clear it (inner nullopt).
  std::optional<std::optional<std::string>> preferred_warehouse;
};

struct CustomerPatch {
  std::optional<std::string> name;
  AddressPatch bill_to;
  std::optional<std::string> payment_terms;
  std::optional<Money> credit_limit;
  std::optional<std::optional<std::string>> price_tier;  // inner nullopt: no tier
  std::optional<bool> tax_exempt;
  std::optional<std::string> salesperson;
  std::optional<bool> on_hold;
  std::vector<ShipToPatch> ship_tos;
};

// Applies `patch` to customer `id`: its version goes up by one, the audit log gets the before
// and after images and the outbox a "customer.updated" event naming the changed fields. A patch
// that changes nothing writes nothing and returns the customer as it is.
// Errors: not_found; precondition_failed when `expected_version` is given and the customer is
// at another version; invalid_argument with every bad field (field paths as in the request,
// "ship_to/1/preferred_warehouse"), including an unknown price tier or warehouse.
Result<Customer> UpdateCustomer(store::Connection& conn, const CommandContext& ctx, CustomerId id,
                                const CustomerPatch& patch,
                                std::optional<int64_t> expected_version);

}  // namespace ordo::customers
