#include "catalog/customer_part_number.h"

#include <utility>

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "core/text_check.h"
#include "events/outbox.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::catalog {
namespace {

constexpr std::string_view kSelect =
    "SELECT c.part_number, i.sku, c.uom FROM customer_part_numbers c "
    "JOIN items i ON i.id = c.item_id WHERE c.customer_id = ?";

CustomerPartNumber ReadPart(store::Query& q) {
  store::RowReader r(q);
  CustomerPartNumber p;
  p.part_number = r.Text();
  p.sku = r.Text();
  p.uom = r.Text();
  return p;
}

std::optional<CustomerPartNumber> FindPart(store::Connection& conn, CustomerId customer,
                                           const std::string& part_number) {
  static const std::string sql = std::string(kSelect) + " AND c.part_number = ?";
  store::Query q(conn, sql, customer, part_number);
  if (!q.Next()) return std::nullopt;
  return ReadPart(q);
}

nlohmann::json AuditJson(CustomerId customer, const CustomerPartNumber& p) {
  nlohmann::json j = ToJson(p);
  j["customer_id"] = customer.value();
  return j;
}

}  // namespace

std::optional<FieldError> CheckPartNumberText(std::string_view part_number,
                                              const std::string& path) {
  if (part_number.empty()) {
    return FieldError{path, "required", "a part number of 1 to 64 characters is required"};
  }
  return CheckText(part_number, text_limits::kCustomerPartNumber, path);
}

nlohmann::json ToJson(const CustomerPartNumber& p) {
  return {{"part_number", p.part_number}, {"sku", p.sku}, {"uom", p.uom}};
}

std::vector<CustomerPartNumber> ListCustomerPartNumbers(store::Connection& conn,
                                                        CustomerId customer) {
  static const std::string sql = std::string(kSelect) + " ORDER BY c.part_number";
  store::Query q(conn, sql, customer);
  std::vector<CustomerPartNumber> out;
  while (q.Next()) out.push_back(ReadPart(q));
  return out;
}

PartNumberMap ResolvePartNumbers(store::Connection& conn, CustomerId customer,
                                 const std::vector<std::string>& part_numbers) {
  PartNumberMap out;
  if (part_numbers.empty()) return out;
  // The list travels as one JSON array (as store/id_list.h does for ids): one statement
  // whatever the number of lines, each part number an index lookup on the primary key.
  static const std::string sql =
      std::string(kSelect) + " AND c.part_number IN (SELECT value FROM json_each(?))";
  store::Query q(conn, sql, customer, nlohmann::json(part_numbers).dump());
  while (q.Next()) {
    CustomerPartNumber p = ReadPart(q);
    std::string key = p.part_number;
    out.emplace(std::move(key), std::move(p));
  }
  return out;
}

Result<CustomerPartNumber> SaveCustomerPartNumber(store::Connection& conn,
                                                  const CommandContext& ctx, CustomerId customer,
                                                  const std::string& part_number,
                                                  const std::string& sku, const std::string& uom) {
  std::vector<FieldError> errors;
  if (auto problem = CheckPartNumberText(part_number, "part_number")) errors.push_back(*problem);
  std::optional<Item> item = FindItemBySku(conn, sku);
  if (!item) errors.push_back({"sku", "unknown_sku", "no item " + sku});
  const std::string unit = uom.empty() && item ? item->uom : uom;
  if (item && item->Conversions().UnitsPer(unit) <= 0) {
    errors.push_back({"uom", "unknown_uom", "item " + sku + " is not sold in " + unit});
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("invalid customer part number", std::move(errors));
  }
  std::optional<CustomerPartNumber> before = FindPart(conn, customer, part_number);
  store::Exec(conn,
              "INSERT INTO customer_part_numbers (customer_id, part_number, item_id, uom, "
              "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
              "ON CONFLICT (customer_id, part_number) DO UPDATE SET item_id = excluded.item_id, "
              "uom = excluded.uom, updated_at = excluded.updated_at",
              customer, part_number, item->id, unit, ctx.now, ctx.now);
  CustomerPartNumber after{part_number, item->sku, unit};
  audit::Record(conn, ctx, "customer_part_number.save", "customer", customer.value(),
                before ? AuditJson(customer, *before) : nlohmann::json(),
                AuditJson(customer, after));
  events::Publish(conn, ctx, "customer_part_number.saved", "customer", customer.value(),
                  AuditJson(customer, after));
  return after;
}

Status DeleteCustomerPartNumber(store::Connection& conn, const CommandContext& ctx,
                                CustomerId customer, const std::string& part_number) {
  std::optional<CustomerPartNumber> before = FindPart(conn, customer, part_number);
  if (!before) return Status::NotFound("no part number " + part_number + " for this customer");
  store::Exec(conn, "DELETE FROM customer_part_numbers WHERE customer_id = ? AND part_number = ?",
              customer, part_number);
  audit::Record(conn, ctx, "customer_part_number.delete", "customer", customer.value(),
                AuditJson(customer, *before), nullptr);
  events::Publish(conn, ctx, "customer_part_number.deleted", "customer", customer.value(),
                  AuditJson(customer, *before));
  return Status::Ok();
}

}  // namespace ordo::catalog
