#include "customers/customer_commands.h"

#include "audit/audit_log.h"
#include "core/field_path.h"
#include "core/text_check.h"
#include "events/outbox.h"
#include "inventory/warehouse_repository.h"

namespace ordo::customers {

Result<Customer> CreateCustomer(store::Connection& conn, const CommandContext& ctx,
                                const NewCustomer& in) {
  Status st = ValidateNewCustomer(in);
  std::vector<FieldError> errors = st.errors();
  if (in.price_tier && !FindPriceTier(conn, *in.price_tier)) {
    errors.push_back({"price_tier", "unknown_price_tier", "no price tier " + *in.price_tier});
  }
  std::vector<std::optional<WarehouseId>> preferred;
  for (size_t i = 0; i < in.ship_tos.size(); ++i) {
    const auto& code = in.ship_tos[i].preferred_warehouse;
    if (!code) {
      preferred.emplace_back();
      continue;
    }
    auto w = inventory::FindWarehouseByCode(conn, *code);
    if (!w) {
      errors.push_back({FieldPath("ship_to", i, "preferred_warehouse"), "unknown_warehouse",
                        "no warehouse " + *code});
      preferred.emplace_back();
    } else {
      preferred.emplace_back(w->id);
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the customer has invalid fields", std::move(errors));
  }
  if (FindCustomerByCode(conn, in.code)) {
    return Status(ErrorCode::kConflict, "a customer with code " + in.code + " exists",
                  {{"code", "duplicate", "customer code " + in.code + " is taken"}});
  }
  Customer c = InsertCustomer(conn, in, preferred, ctx.now);
  audit::Record(conn, ctx, "customer.create", "customer", c.id.value(), nullptr, ToJson(c));
  events::Publish(conn, ctx, "customer.created", "customer", c.id.value(),
                  {{"id", c.id.value()}, {"code", c.code}});
  return c;
}

Status SavePriceTier(store::Connection& conn, const CommandContext& ctx, const PriceTier& tier) {
  std::vector<FieldError> errors;
  if (tier.code.empty()) {
    errors.push_back({"code", "required", "a tier code of 1 to 16 characters is required"});
  } else {
    CheckText(tier.code, text_limits::kPriceTierCode, "code", errors);
  }
  if (tier.discount_bp < 0 || tier.discount_bp > 10000) {
    errors.push_back({"discount_bp", "out_of_range", "a discount is 0 to 10000 basis points"});
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid price tier", std::move(errors));
  auto before = FindPriceTier(conn, tier.code);
  UpsertPriceTier(conn, tier);
  auto to_json = [](const PriceTier& t) {
    return nlohmann::json{{"code", t.code}, {"name", t.name}, {"discount_bp", t.discount_bp}};
  };
  audit::Record(conn, ctx, "price_tier.save", "price_tier", 0,
                before ? to_json(*before) : nlohmann::json(), to_json(tier));
  events::Publish(conn, ctx, "price_tier.saved", "price_tier", 0, to_json(tier));
  return Status::Ok();
}

}  // namespace ordo::customers
