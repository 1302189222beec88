#include "pricing/promotions.h"

#include "audit/audit_log.h"
#include "core/text_check.h"
#include "core/version_check.h"
#include "pricing/rule_checks.h"
#include "pricing/rule_json.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::pricing {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, code, name, start_date, end_date, item_id, product_line, customer_group, "
    "discount_bp, amount_off, stacking, version, created_at, updated_at FROM promotions ";

PromotionRecord Read(store::RowReader& r) {
  PromotionRecord p;
  p.id = r.Int();
  p.rule.code = r.Text();
  p.name = r.Text();
  p.rule.start = r.OptDate().value_or(Date{});
  p.rule.end = r.OptDate().value_or(Date{});
  p.rule.item = r.OptId<ItemId>();
  p.rule.product_line = r.OptText().value_or("");
  p.rule.customer_group = r.OptText().value_or("");
  std::optional<int64_t> bp = r.OptInt();
  std::optional<int64_t> amount = r.OptInt();
  p.rule.adjustment = bp ? Adjustment::PercentOff(static_cast<int>(*bp))
                         : Adjustment::AmountOff(Money::FromUnits(amount.value_or(0)));
  p.rule.exclusive = r.Text() == "exclusive";
  p.version = r.Int();
  p.created_at = r.Time();
  p.updated_at = r.Time();
  return p;
}

const char* StackingName(bool exclusive) {
  return exclusive ? "exclusive" : "stacks";
}

}  // namespace

Status ValidatePromotion(const PromotionRecord& p) {
  std::vector<FieldError> errors;
  const Promotion& r = p.rule;
  CheckRuleCode(r.code, "code", errors);
  if (auto problem = CheckText(p.name, kPricingName, "name")) {
    errors.push_back(std::move(*problem));
  }
  CheckDateOrder(r.start, r.end, "end_date", errors);
  if (!r.item && r.product_line.empty() && r.customer_group.empty()) {
    errors.push_back(
        {"sku", "required", "a promotion names an item (sku), a product_line or a customer_group"});
  }
  if (!r.product_line.empty()) CheckGroupCode(r.product_line, "product_line", errors);
  if (!r.customer_group.empty()) CheckGroupCode(r.customer_group, "customer_group", errors);
  if (r.adjustment.kind == Adjustment::Kind::kFixedPrice) {
    errors.push_back(
        {"discount_percent", "required", "a promotion is a discount_percent or an amount_off"});
  }
  CheckAdjustment(r.adjustment, "", errors);
  if (!errors.empty()) return Status::InvalidArgument("invalid promotion", std::move(errors));
  return Status::Ok();
}

Result<PromotionRecord> CreatePromotion(store::Connection& conn, const CommandContext& ctx,
                                        const PromotionRecord& in) {
  if (Status st = ValidatePromotion(in); !st.ok()) return st;
  if (FindPromotion(conn, std::nullopt, in.rule.code)) {
    return Status(ErrorCode::kConflict, "a promotion " + in.rule.code + " exists",
                  {{"code", "duplicate", "promotion code " + in.rule.code + " is taken"}});
  }
  PromotionRecord p = in;
  p.version = 1;
  p.created_at = ctx.now;
  p.updated_at = ctx.now;
  const Promotion& r = p.rule;
  {
    store::Query q(conn,
                   "INSERT INTO promotions (code, name, start_date, end_date, item_id, "
                   "product_line, customer_group, discount_bp, amount_off, stacking, version, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) "
                   "RETURNING id",
                   r.code, p.name, r.start, r.end, r.item, OptCode(r.product_line),
                   OptCode(r.customer_group), PercentOf(r.adjustment), AmountOffOf(r.adjustment),
                   StackingName(r.exclusive), ctx.now, ctx.now);
    q.Next();
    p.id = q.Int(0);
  }
  audit::Record(conn, ctx, "promotion.create", "promotion", p.id, nullptr, AuditJson(p));
  return p;
}

Result<PromotionRecord> ReplacePromotion(store::Connection& conn, const CommandContext& ctx,
                                         int64_t id, const PromotionRecord& in,
                                         std::optional<int64_t> expected) {
  auto before = FindPromotion(conn, id, "");
  if (!before) return Status::NotFound("no promotion " + std::to_string(id));
  if (Status st = CheckVersion(expected, before->version, "promotion", before->rule.code);
      !st.ok()) {
    return st;
  }
  PromotionRecord p = in;
  p.id = id;
  p.rule.code = before->rule.code;
  if (Status st = ValidatePromotion(p); !st.ok()) return st;
  p.version = before->version + 1;
  p.created_at = before->created_at;
  p.updated_at = ctx.now;
  const Promotion& r = p.rule;
  store::Exec(conn,
              "UPDATE promotions SET name = ?, start_date = ?, end_date = ?, item_id = ?, "
              "product_line = ?, customer_group = ?, discount_bp = ?, amount_off = ?, "
              "stacking = ?, version = ?, updated_at = ? WHERE id = ?",
              p.name, r.start, r.end, r.item, OptCode(r.product_line), OptCode(r.customer_group),
              PercentOf(r.adjustment), AmountOffOf(r.adjustment), StackingName(r.exclusive),
              p.version, ctx.now, id);
  audit::Record(conn, ctx, "promotion.update", "promotion", id, AuditJson(*before), AuditJson(p));
  return p;
}

std::optional<PromotionRecord> FindPromotion(store::Connection& conn, std::optional<int64_t> id,
                                             const std::string& code) {
  auto read = [](store::RowReader& r) { return Read(r); };
  return id ? store::FindOne(conn, std::string(kSelect) + "WHERE id = ?", *id, read)
            : store::FindOne(conn, std::string(kSelect) + "WHERE code = ?", code, read);
}

std::vector<PromotionRecord> ListPromotions(store::Connection& conn, int64_t after, int limit) {
  std::vector<PromotionRecord> out;
  store::Query q(conn, std::string(kSelect) + "WHERE id > ? ORDER BY id LIMIT ?", after, limit);
  while (q.Next()) {
    store::RowReader r(q);
    out.push_back(Read(r));
  }
  return out;
}

nlohmann::json AuditJson(const PromotionRecord& p) {
  const Promotion& r = p.rule;
  nlohmann::json j = {{"id", p.id},
                      {"code", r.code},
                      {"name", p.name},
                      {"start_date", FormatDate(r.start)},
                      {"end_date", FormatDate(r.end)},
                      {"item_id", r.item ? nlohmann::json(r.item->value()) : nlohmann::json()},
                      {"product_line", OptCode(r.product_line).value_or("")},
                      {"customer_group", OptCode(r.customer_group).value_or("")},
                      {"stacking", StackingName(r.exclusive)},
                      {"version", p.version}};
  AddAdjustmentJson(j, r.adjustment);
  return j;
}

}  // namespace ordo::pricing
