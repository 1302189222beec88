#include "customers/customer.h"

#include <array>
#include <set>

#include "core/field_path.h"
#include "core/text_check.h"

namespace ordo::customers {

const ShipTo* Customer::FindShipTo(std::string_view code) const {
  for (const auto& s : ship_tos) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

bool IsKnownPaymentTerms(std::string_view terms) {
  static constexpr std::array<std::string_view, 5> kTerms = {"NET30", "NET60", "2/10NET30", "NET15",
                                                             "DUE_ON_RECEIPT"};
  for (auto t : kTerms) {
    if (t == terms) return true;
  }
  return false;
}

void CheckAddressText(const Address& a, std::string_view parent, std::vector<FieldError>& errors) {
  CheckText(a.line1, text_limits::kAddressLine, FieldPath(parent, "line1"), errors);
  CheckText(a.city, text_limits::kCity, FieldPath(parent, "city"), errors);
  CheckText(a.region, text_limits::kRegion, FieldPath(parent, "region"), errors);
  CheckText(a.postal_code, text_limits::kPostalCode, FieldPath(parent, "postal_code"), errors);
  CheckText(a.country, text_limits::kCountry, FieldPath(parent, "country"), errors);
}

Status ValidateNewCustomer(const NewCustomer& c) {
  std::vector<FieldError> errors;
  if (c.code.empty()) {
    errors.push_back({"code", "required", "a customer code of 1 to 32 characters is required"});
  } else {
    CheckText(c.code, text_limits::kCustomerCode, "code", errors);
  }
  if (c.name.empty()) {
    errors.push_back({"name", "required", "a name of 1 to 200 characters is required"});
  } else {
    CheckText(c.name, text_limits::kCustomerName, "name", errors);
  }
  CheckAddressText(c.bill_to, "bill_to", errors);
  CheckText(c.salesperson, text_limits::kSalesperson, "salesperson", errors);
  if (c.price_tier) CheckText(*c.price_tier, text_limits::kPriceTierCode, "price_tier", errors);
  if (!IsKnownPaymentTerms(c.payment_terms)) {
    errors.push_back({"payment_terms", "unknown_terms",
                      "payment terms are NET15, NET30, NET60, 2/10NET30 or DUE_ON_RECEIPT"});
  }
  if (c.credit_limit.is_negative()) {
    errors.push_back({"credit_limit", "out_of_range", "the credit limit cannot be negative"});
  }
  if (c.ship_tos.empty()) {
    errors.push_back({"ship_to", "required", "at least one ship-to address is required"});
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < c.ship_tos.size(); ++i) {
    const auto& s = c.ship_tos[i];
    const std::string path = FieldPath("ship_to", i, "code");
    if (s.code.empty()) {
      errors.push_back({path, "required", "a ship-to code of 1 to 32 characters is required"});
    } else if (CheckText(s.code, text_limits::kShipToCode, path, errors) &&
               !seen.insert(s.code).second) {
      errors.push_back({path, "duplicate", "ship-to code " + s.code + " appears twice"});
    }
    const std::string at = ElementPath("ship_to", i);
    CheckText(s.name, text_limits::kShipToName, FieldPath(at, "name"), errors);
    CheckAddressText(s.address, at, errors);
    if (s.preferred_warehouse) {
      CheckText(*s.preferred_warehouse, text_limits::kWarehouseCode,
                FieldPath(at, "preferred_warehouse"), errors);
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("the customer has invalid fields", std::move(errors));
}

nlohmann::json ToJson(const Address& a) {
  return {{"line1", a.line1},
          {"city", a.city},
          {"region", a.region},
          {"postal_code", a.postal_code},
          {"country", a.country}};
}

nlohmann::json ToJson(const Customer& c) {
  nlohmann::json ship_tos = nlohmann::json::array();
  for (const auto& s : c.ship_tos) {
    nlohmann::json j = ToJson(s.address);
    j["code"] = s.code;
    j["name"] = s.name;
    if (s.preferred_warehouse) {
      j["preferred_warehouse"] = s.preferred_warehouse_code;  // the code requests take
      j["preferred_warehouse_id"] = s.preferred_warehouse->value();
    }
    ship_tos.push_back(std::move(j));
  }
  return {{"id", c.id.value()},
          {"code", c.code},
          {"name", c.name},
          {"bill_to", ToJson(c.bill_to)},
          {"ship_to", ship_tos},
          {"payment_terms", c.payment_terms},
          {"credit_limit", c.credit_limit.Format(2)},
          {"price_tier", c.price_tier ? nlohmann::json(*c.price_tier) : nlohmann::json()},
          {"tax_exempt", c.tax_exempt},
          {"salesperson", c.salesperson},
          {"on_hold", c.on_hold},
          {"version", c.version}};
}

}  // namespace ordo::customers
