// Customer accounts: who buys, where it ships, on which terms and with how much credit.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/status.h"

namespace ordo::customers {

struct Address {
  std::string line1;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;
};

struct ShipTo {
  ShipToId id;
  std::string code;
  std::string name;
  Address address;
  std::optional<WarehouseId> preferred_warehouse;
  std::string preferred_warehouse_code;  // its code, as requests name it; "" when none
};

struct Customer {
  CustomerId id;
  std::string code;
  std::string name;
  Address bill_to;
  std::vector<ShipTo> ship_tos;
  std::string payment_terms;  // NET30, NET60, 2/10NET30, DUE_ON_RECEIPT
  Money credit_limit;
  std::optional<std::string> price_tier;
  bool tax_exempt = false;
  std::string salesperson;
  bool on_hold = false;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;

  const ShipTo* FindShipTo(std::string_view code) const;
};

struct NewShipTo {
  std::string code;
  std::string name;
  Address address;
  std::optional<std::string> preferred_warehouse;  // warehouse code
};

struct NewCustomer {
  std::string code;
  std::string name;
  Address bill_to;
  std::vector<NewShipTo> ship_tos;
  std::string payment_terms = "NET30";
  Money credit_limit;
  std::optional<std::string> price_tier;
  bool tax_exempt = false;
  std::string salesperson;
  bool on_hold = false;
};

bool IsKnownPaymentTerms(std::string_view terms);
// Field-level checks that need no database.
Status ValidateNewCustomer(const NewCustomer& c);
// The address's text fields against core/text_limits.h, at `parent`/line1 and so on.
void CheckAddressText(const Address& a, std::string_view parent, std::vector<FieldError>& errors);

nlohmann::json ToJson(const Address& a);
nlohmann::json ToJson(const Customer& c);

}  // namespace ordo::customers
