#include "requests/customer_request_json.h"

#include <algorithm>

#include "core/field_path.h"
#include "jsonio/field_reader.h"

namespace ordo::requests {

using customers::Address;
using customers::AddressPatch;
using customers::CustomerPatch;
using customers::NewCustomer;
using customers::NewShipTo;
using customers::ShipToPatch;
using customers::ValidateNewCustomer;
namespace {

using jsonio::FieldReader;
using nlohmann::json;

// Whether `obj` has `key` set to null.
bool IsNull(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_null();
}

std::optional<Money> ReadMoney(FieldReader& r, const json& obj, const char* key,
                               const std::string& path) {
  std::optional<std::string> text = r.Decimal(obj, key, path, false);
  if (!text) return std::nullopt;
  Result<Money> money = Money::Parse(*text);
  if (money.ok()) return *money;
  const auto& errors = money.status().errors();
  r.Fail(path, errors.empty() ? "invalid_amount" : errors.front().code,
         std::string(key) + ": " + (errors.empty() ? "not an amount" : errors.front().message));
  return std::nullopt;
}

AddressPatch ReadAddress(FieldReader& r, const json& obj, std::string_view parent) {
  AddressPatch a;
  a.line1 = r.OptionalString(obj, "line1", FieldPath(parent, "line1"));
  a.city = r.OptionalString(obj, "city", FieldPath(parent, "city"));
  a.region = r.OptionalString(obj, "region", FieldPath(parent, "region"));
  a.postal_code = r.OptionalString(obj, "postal_code", FieldPath(parent, "postal_code"));
  a.country = r.OptionalString(obj, "country", FieldPath(parent, "country"));
  return a;
}

Address Filled(const AddressPatch& a) {
  return Address{a.line1.value_or(""), a.city.value_or(""), a.region.value_or(""),
                 a.postal_code.value_or(""), a.country.value_or("")};
}

// The bill_to object's fields; nullptr when absent or not an object (reported).
const json* BillTo(FieldReader& r, const json& doc) {
  const json* bill_to = r.Object(doc, "bill_to", "bill_to", false);
  if (bill_to) {
    r.OnlyKnown(*bill_to, {"line1", "city", "region", "postal_code", "country"}, "bill_to");
  }
  return bill_to;
}

// Calls `read(ship_to, path)` for each element of the "ship_to" array, with nullptr for
// an element that is not an object (reported here), so that indexes stay those of the request.
template <typename Read>
void ForEachShipTo(FieldReader& r, const json& doc, Read read) {
  const json* ship_tos = r.Array(doc, "ship_to", "ship_to", false);
  if (!ship_tos) return;
  for (size_t i = 0; i < ship_tos->size(); ++i) {
    const json& s = (*ship_tos)[i];
    const std::string path = ElementPath("ship_to", i);
    if (!s.is_object()) {
      r.Fail(path, "invalid_type", "a ship-to must be an object");
      read(nullptr, path);
      continue;
    }
    r.OnlyKnown(s,
                {"code", "name", "line1", "city", "region", "postal_code", "country",
                 "preferred_warehouse"},
                path);
    read(&s, path);
  }
}

}  // namespace

Result<NewCustomer> ParseNewCustomerJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  FieldReader r(errors);
  r.OnlyKnown(doc,
              {"code", "name", "bill_to", "ship_to", "payment_terms", "credit_limit", "price_tier",
               "tax_exempt", "salesperson", "on_hold"},
              "");
  NewCustomer c;
  c.code = r.String(doc, "code", "code", true);
  c.name = r.String(doc, "name", "name", true);
  if (const json* bill_to = BillTo(r, doc)) {
    c.bill_to = Filled(ReadAddress(r, *bill_to, "bill_to"));
  }
  ForEachShipTo(r, doc, [&](const json* object, const std::string& p) {
    if (!object) {
      c.ship_tos.emplace_back();  // a placeholder, so later ship-tos keep their indexes
      return;
    }
    const json& s = *object;
    NewShipTo ship_to;
    ship_to.code = r.String(s, "code", FieldPath(p, "code"), true);
    ship_to.name = r.String(s, "name", FieldPath(p, "name"), false);
    ship_to.address = Filled(ReadAddress(r, s, p));
    ship_to.preferred_warehouse =
        r.OptionalString(s, "preferred_warehouse", FieldPath(p, "preferred_warehouse"));
    c.ship_tos.push_back(std::move(ship_to));
  });
  if (auto terms = r.OptionalString(doc, "payment_terms", "payment_terms")) {
    c.payment_terms = *terms;
  }
  if (auto limit = ReadMoney(r, doc, "credit_limit", "credit_limit")) c.credit_limit = *limit;
  c.price_tier = r.OptionalString(doc, "price_tier", "price_tier");
  c.tax_exempt = r.Bool(doc, "tax_exempt", "tax_exempt", false).value_or(false);
  c.salesperson = r.String(doc, "salesperson", "salesperson", false);
  c.on_hold = r.Bool(doc, "on_hold", "on_hold", false).value_or(false);
  if (errors.empty()) return c;
  // The rules of ValidateNewCustomer for the fields that were readable, so that one answer
  // lists every problem of the request; a field already reported (or inside one) is skipped.
  const Status rules = ValidateNewCustomer(c);
  for (const FieldError& e : rules.errors()) {
    bool reported = std::any_of(errors.begin(), errors.end(), [&](const FieldError& x) {
      return e.field == x.field || e.field.starts_with(x.field + "/");
    });
    if (!reported) errors.push_back(e);
  }
  return Status::InvalidArgument("the customer has invalid fields", std::move(errors));
}

Result<CustomerPatch> ParseCustomerPatchJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  FieldReader r(errors);
  r.OnlyKnown(doc,
              {"name", "bill_to", "ship_to", "payment_terms", "credit_limit", "price_tier",
               "tax_exempt", "salesperson", "on_hold"},
              "");
  r.RefuseNulls(doc,
                {"name", "bill_to", "ship_to", "payment_terms", "credit_limit", "tax_exempt",
                 "salesperson", "on_hold"},
                "");
  CustomerPatch patch;
  patch.name = r.OptionalString(doc, "name", "name");
  if (const json* bill_to = BillTo(r, doc)) {
    r.RefuseNulls(*bill_to, {"line1", "city", "region", "postal_code", "country"}, "bill_to");
    patch.bill_to = ReadAddress(r, *bill_to, "bill_to");
  }
  ForEachShipTo(r, doc, [&](const json* object, const std::string& p) {
    if (!object) return;
    const json& s = *object;
    r.RefuseNulls(s, {"name", "line1", "city", "region", "postal_code", "country"}, p);
    ShipToPatch ship_to;
    ship_to.code = r.String(s, "code", FieldPath(p, "code"), true);
    ship_to.name = r.OptionalString(s, "name", FieldPath(p, "name"));
    ship_to.address = ReadAddress(r, s, p);
    if (IsNull(s, "preferred_warehouse")) {
      ship_to.preferred_warehouse.emplace();
    } else if (auto w = r.OptionalString(s, "preferred_warehouse",
                                         FieldPath(p, "preferred_warehouse"))) {
      ship_to.preferred_warehouse.emplace(*w);
    }
    patch.ship_tos.push_back(std::move(ship_to));
  });
  patch.payment_terms = r.OptionalString(doc, "payment_terms", "payment_terms");
  patch.credit_limit = ReadMoney(r, doc, "credit_limit", "credit_limit");
  if (IsNull(doc, "price_tier")) {
    patch.price_tier.emplace();
  } else if (auto tier = r.OptionalString(doc, "price_tier", "price_tier")) {
    patch.price_tier.emplace(*tier);
  }
  patch.tax_exempt = r.Bool(doc, "tax_exempt", "tax_exempt", false);
  patch.salesperson = r.OptionalString(doc, "salesperson", "salesperson");
  patch.on_hold = r.Bool(doc, "on_hold", "on_hold", false);
  if (!errors.empty()) {
    return Status::InvalidArgument("the customer change has invalid fields", std::move(errors));
  }
  return patch;
}

}  // namespace ordo::requests
