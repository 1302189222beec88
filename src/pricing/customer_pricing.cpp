#include "pricing/customer_pricing.h"

#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "pricing/rule_checks.h"
#include "pricing/rule_json.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::pricing {
namespace {

nlohmann::json Image(const CustomerPricing& p) {
  return {{"price_list", p.price_list.empty() ? nlohmann::json() : nlohmann::json(p.price_list)},
          {"pricing_group",
           p.pricing_group.empty() ? nlohmann::json() : nlohmann::json(p.pricing_group)}};
}

}  // namespace

CustomerPricing FindCustomerPricing(store::Connection& conn, CustomerId customer) {
  CustomerPricing out{customer, "", ""};
  store::Query q(conn,
                 "SELECT l.code, p.pricing_group FROM customer_pricing p "
                 "LEFT JOIN price_lists l ON l.id = p.price_list_id WHERE p.customer_id = ?",
                 customer);
  if (q.Next()) {
    store::RowReader r(q);
    out.price_list = r.OptText().value_or("");
    out.pricing_group = r.OptText().value_or("");
  }
  return out;
}

Result<CustomerPricing> SetCustomerPricing(store::Connection& conn, const CommandContext& ctx,
                                           const CustomerPricing& in) {
  std::vector<FieldError> errors;
  if (!in.pricing_group.empty()) CheckGroupCode(in.pricing_group, "pricing_group", errors);
  std::optional<int64_t> list_id;
  if (!in.price_list.empty()) {
    store::Query q(conn, "SELECT id FROM price_lists WHERE code = ?", in.price_list);
    if (q.Next()) {
      list_id = q.Int(0);
    } else {
      errors.push_back({"price_list", "unknown_price_list", "no price list " + in.price_list});
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid customer pricing", errors);
  CustomerPricing before = FindCustomerPricing(conn, in.customer);
  store::Exec(conn,
              "INSERT INTO customer_pricing (customer_id, price_list_id, pricing_group) "
              "VALUES (?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET "
              "price_list_id = excluded.price_list_id, pricing_group = excluded.pricing_group",
              in.customer, list_id, OptCode(in.pricing_group));
  audit::Record(conn, ctx, "customer_pricing.update", "customer", in.customer.value(),
                Image(before), Image(in));
  return in;
}

}  // namespace ordo::pricing
