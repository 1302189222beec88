#include "customers/customer_update.h"

#include <set>

#include "audit/audit_log.h"
#include "core/field_path.h"
#include "core/text_check.h"
#include "core/version_check.h"
#include "customers/customer_repository.h"
#include "events/outbox.h"
#include "inventory/warehouse_repository.h"
#include "store/query.h"

namespace ordo::customers {
namespace {

// The patch's given address fields against their limits, at `parent`/line1 and so on.
void CheckAddressText(const AddressPatch& p, std::string_view parent,
                      std::vector<FieldError>& errors) {
  auto check = [&](const std::optional<std::string>& v, TextLimit limit, const char* name) {
    if (v) CheckText(*v, limit, FieldPath(parent, name), errors);
  };
  check(p.line1, text_limits::kAddressLine, "line1");
  check(p.city, text_limits::kCity, "city");
  check(p.region, text_limits::kRegion, "region");
  check(p.postal_code, text_limits::kPostalCode, "postal_code");
  check(p.country, text_limits::kCountry, "country");
}

void Apply(const AddressPatch& p, Address& a) {
  if (p.line1) a.line1 = *p.line1;
  if (p.city) a.city = *p.city;
  if (p.region) a.region = *p.region;
  if (p.postal_code) a.postal_code = *p.postal_code;
  if (p.country) a.country = *p.country;
}

// Applies the ship-to patches to `c`, adding ship-tos for new codes; reports bad fields.
void ApplyShipTos(store::Connection& conn, const std::vector<ShipToPatch>& patches, Customer& c,
                  std::vector<FieldError>& errors) {
  std::set<std::string> seen;
  for (size_t i = 0; i < patches.size(); ++i) {
    const ShipToPatch& p = patches[i];
    const std::string ship_to_path = ElementPath("ship_to", i);
    if (p.code.empty()) {
      errors.push_back(
          {FieldPath(ship_to_path, "code"), "required", "a ship-to code of 1 to 32 characters"});
      continue;
    }
    if (!CheckText(p.code, text_limits::kShipToCode, FieldPath(ship_to_path, "code"), errors)) {
      continue;
    }
    if (p.name)
      CheckText(*p.name, text_limits::kShipToName, FieldPath(ship_to_path, "name"), errors);
    CheckAddressText(p.address, ship_to_path, errors);
    if (!seen.insert(p.code).second) {
      errors.push_back({FieldPath(ship_to_path, "code"), "duplicate",
                        "ship-to code " + p.code + " appears twice"});
      continue;
    }
    size_t at = 0;
    while (at < c.ship_tos.size() && c.ship_tos[at].code != p.code) ++at;
    if (at == c.ship_tos.size()) c.ship_tos.push_back(ShipTo{ShipToId(), p.code, "", {}, {}, ""});
    ShipTo& s = c.ship_tos[at];
    if (p.name) s.name = *p.name;
    Apply(p.address, s.address);
    if (!p.preferred_warehouse) continue;
    if (!*p.preferred_warehouse) {
      s.preferred_warehouse.reset();
      s.preferred_warehouse_code.clear();
    } else if (auto w = inventory::FindWarehouseByCode(conn, **p.preferred_warehouse)) {
      s.preferred_warehouse = w->id;
      s.preferred_warehouse_code = w->code;
    } else {
      errors.push_back({FieldPath(ship_to_path, "preferred_warehouse"), "unknown_warehouse",
                        "no warehouse " + **p.preferred_warehouse});
    }
  }
}

// The patched customer, or every bad field. Reads price tiers and warehouses, writes nothing.
Result<Customer> Patched(store::Connection& conn, const Customer& before,
                         const CustomerPatch& patch) {
  Customer c = before;
  std::vector<FieldError> errors;
  if (patch.name) {
    c.name = *patch.name;
    if (c.name.empty()) {
      errors.push_back({"name", "required", "a name of 1 to 200 characters is required"});
    } else {
      CheckText(c.name, text_limits::kCustomerName, "name", errors);
    }
  }
  CheckAddressText(patch.bill_to, "bill_to", errors);
  Apply(patch.bill_to, c.bill_to);
  if (patch.payment_terms) {
    c.payment_terms = *patch.payment_terms;
    if (!IsKnownPaymentTerms(c.payment_terms)) {
      errors.push_back({"payment_terms", "unknown_terms",
                        "payment terms are NET15, NET30, NET60, 2/10NET30 or DUE_ON_RECEIPT"});
    }
  }
  if (patch.credit_limit) {
    c.credit_limit = *patch.credit_limit;
    if (c.credit_limit.is_negative()) {
      errors.push_back({"credit_limit", "out_of_range", "the credit limit cannot be negative"});
    }
  }
  if (patch.price_tier) {
    c.price_tier = *patch.price_tier;
    if (c.price_tier && !FindPriceTier(conn, *c.price_tier)) {
      errors.push_back({"price_tier", "unknown_price_tier", "no price tier " + *c.price_tier});
    }
  }
  if (patch.tax_exempt) c.tax_exempt = *patch.tax_exempt;
  if (patch.salesperson) {
    c.salesperson = *patch.salesperson;
    CheckText(c.salesperson, text_limits::kSalesperson, "salesperson", errors);
  }
  if (patch.on_hold) c.on_hold = *patch.on_hold;
  ApplyShipTos(conn, patch.ship_tos, c, errors);
  if (!errors.empty()) {
    return Status::InvalidArgument("the customer change has invalid fields", std::move(errors));
  }
  return c;
}

// Writes the customer's row at the next version; false when it is no longer at `version`.
bool WriteCustomer(store::Connection& conn, const Customer& c, int64_t version, Timestamp now) {
  return store::Exec(conn,
                     "UPDATE customers SET name = ?, bill_line1 = ?, bill_city = ?, "
                     "bill_region = ?, bill_postal_code = ?, bill_country = ?, payment_terms = ?, "
                     "credit_limit = ?, price_tier = ?, tax_exempt = ?, salesperson = ?, "
                     "on_hold = ?, version = version + 1, updated_at = ? "
                     "WHERE id = ? AND version = ?",
                     c.name, c.bill_to.line1, c.bill_to.city, c.bill_to.region,
                     c.bill_to.postal_code, c.bill_to.country, c.payment_terms, c.credit_limit,
                     c.price_tier, c.tax_exempt, c.salesperson, c.on_hold, now, c.id, version) == 1;
}

bool SameShipTo(const ShipTo& a, const ShipTo& b) {
  return a.name == b.name && a.address.line1 == b.address.line1 &&
         a.address.city == b.address.city && a.address.region == b.address.region &&
         a.address.postal_code == b.address.postal_code && a.address.country == b.address.country &&
         a.preferred_warehouse == b.preferred_warehouse;
}

// Inserts the new ship-tos of `c` (giving them ids) and updates those that differ from
// `before`, whose ship-tos are a prefix of c's in the same order.
void WriteShipTos(store::Connection& conn, const Customer& before, Customer& c) {
  for (size_t i = 0; i < c.ship_tos.size(); ++i) {
    ShipTo& s = c.ship_tos[i];
    if (i < before.ship_tos.size()) {
      if (SameShipTo(s, before.ship_tos[i])) continue;
      store::Exec(conn,
                  "UPDATE ship_tos SET name = ?, line1 = ?, city = ?, region = ?, "
                  "postal_code = ?, country = ?, preferred_warehouse_id = ? WHERE id = ?",
                  s.name, s.address.line1, s.address.city, s.address.region, s.address.postal_code,
                  s.address.country, s.preferred_warehouse, s.id);
      continue;
    }
    store::Query q(conn,
                   "INSERT INTO ship_tos (customer_id, code, name, line1, city, region, "
                   "postal_code, country, preferred_warehouse_id) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   c.id, s.code, s.name, s.address.line1, s.address.city, s.address.region,
                   s.address.postal_code, s.address.country, s.preferred_warehouse);
    q.Next();
    s.id = ShipToId(q.Int(0));
  }
}

}  // namespace

Result<Customer> UpdateCustomer(store::Connection& conn, const CommandContext& ctx, CustomerId id,
                                const CustomerPatch& patch,
                                std::optional<int64_t> expected_version) {
  std::optional<Customer> before = FindCustomerById(conn, id);
  if (!before) return Status::NotFound("no customer " + std::to_string(id.value()));
  if (Status st = CheckVersion(expected_version, before->version, "customer", before->code);
      !st.ok()) {
    return st;
  }
  Result<Customer> patched = Patched(conn, *before, patch);
  if (!patched.ok()) return patched.status();
  Customer after = std::move(patched).value();
  const nlohmann::json before_json = ToJson(*before);
  if (ToJson(after) == before_json) return *before;

  if (!WriteCustomer(conn, after, before->version, ctx.now)) {
    return Status(ErrorCode::kPreconditionFailed, "customer " + before->code + " changed");
  }
  WriteShipTos(conn, *before, after);
  after.version = before->version + 1;
  after.updated_at = ctx.now;
  nlohmann::json after_json = ToJson(after);
  nlohmann::json changed = nlohmann::json::array();
  for (const auto& [key, value] : after_json.items()) {
    auto was = before_json.find(key);
    if (key != "version" && (was == before_json.end() || *was != value)) changed.push_back(key);
  }
  audit::Record(conn, ctx, "customer.update", "customer", id.value(), before_json, after_json);
  events::Publish(conn, ctx, "customer.updated", "customer", id.value(),
                  {{"id", id.value()},
                   {"code", after.code},
                   {"version", after.version},
                   {"changed", std::move(changed)}});
  return after;
}

}  // namespace ordo::customers
