#include "pricing/price_lists.h"

#include <set>

#include "audit/audit_log.h"
#include "core/field_path.h"
#include "core/text_check.h"
#include "core/version_check.h"
#include "pricing/rule_checks.h"
#include "pricing/rule_json.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::pricing {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, code, name, currency, valid_from, valid_to, version, created_at, updated_at "
    "FROM price_lists ";

PriceList ReadHeader(store::RowReader& r) {
  PriceList l;
  l.id = r.Int();
  l.code = r.Text();
  l.name = r.Text();
  l.currency = r.Text();
  l.valid_from = r.OptDate().value_or(Date{});
  l.valid_to = r.OptDate();
  l.version = r.Int();
  l.created_at = r.Time();
  l.updated_at = r.Time();
  return l;
}

void LoadRows(store::Connection& conn, PriceList& l) {
  {
    store::Query q(conn,
                   "SELECT item_id, unit_price FROM price_list_prices WHERE price_list_id = ? "
                   "ORDER BY item_id",
                   l.id);
    while (q.Next()) l.prices.push_back({ItemId(q.Int(0)), Money::FromUnits(q.Int(1))});
  }
  store::Query q(conn,
                 "SELECT item_id, product_line, min_quantity, unit_price, discount_bp "
                 "FROM price_breaks WHERE price_list_id = ? ORDER BY id",
                 l.id);
  while (q.Next()) {
    store::RowReader r(q);
    QuantityBreak b;
    b.scope = ReadRuleScope(r);
    b.min_quantity = r.Int();
    b.adjustment = ReadFixedOrPercent(r);
    l.breaks.push_back(std::move(b));
  }
}

void WriteRows(store::Connection& conn, const PriceList& l) {
  store::Exec(conn, "DELETE FROM price_list_prices WHERE price_list_id = ?", l.id);
  store::Exec(conn, "DELETE FROM price_breaks WHERE price_list_id = ?", l.id);
  for (const auto& p : l.prices) {
    store::Exec(conn,
                "INSERT INTO price_list_prices (price_list_id, item_id, unit_price) "
                "VALUES (?, ?, ?)",
                l.id, p.item, p.unit_price);
  }
  for (const auto& b : l.breaks) {
    store::Exec(conn,
                "INSERT INTO price_breaks (price_list_id, item_id, product_line, min_quantity, "
                "unit_price, discount_bp) VALUES (?, ?, ?, ?, ?, ?)",
                l.id, b.scope.item, OptCode(b.scope.product_line), b.min_quantity,
                FixedPriceOf(b.adjustment), PercentOf(b.adjustment));
  }
}

}  // namespace

Status ValidatePriceList(const PriceList& l) {
  std::vector<FieldError> errors;
  CheckRuleCode(l.code, "code", errors);
  if (auto problem = CheckText(l.name, kPricingName, "name")) {
    errors.push_back(std::move(*problem));
  } else if (l.name.empty()) {
    errors.push_back({"name", "required", "a price list needs a name"});
  }
  if (l.currency != "USD") {
    errors.push_back({"currency", "unsupported_currency", "price lists are in USD"});
  }
  CheckDateOrder(l.valid_from, l.valid_to, "valid_to", errors);
  if (l.prices.size() > kMaxRuleRows) {
    errors.push_back({"prices", "too_many", "a price list has at most 10000 prices"});
  }
  if (l.breaks.size() > kMaxRuleRows) {
    errors.push_back({"breaks", "too_many", "a price list has at most 10000 breaks"});
  }
  std::set<int64_t> seen;
  for (size_t i = 0; i < l.prices.size(); ++i) {
    const std::string at = ElementPath("prices", i);
    CheckAdjustment(Adjustment::Fixed(l.prices[i].unit_price), at, errors);
    if (!seen.insert(l.prices[i].item.value()).second) {
      errors.push_back({FieldPath(at, "sku"), "duplicate", "the item already has a price"});
    }
  }
  for (size_t i = 0; i < l.breaks.size(); ++i) {
    const std::string at = ElementPath("breaks", i);
    const QuantityBreak& b = l.breaks[i];
    if (b.min_quantity < 1) {
      errors.push_back(
          {FieldPath(at, "min_quantity"), "out_of_range", "a break starts at 1 or more"});
    }
    if (!b.scope.product_line.empty())
      CheckGroupCode(b.scope.product_line, FieldPath(at, "product_line"), errors);
    CheckAdjustment(b.adjustment, at, errors);
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid price list", std::move(errors));
  return Status::Ok();
}

Result<PriceList> CreatePriceList(store::Connection& conn, const CommandContext& ctx,
                                  const PriceList& in) {
  if (Status st = ValidatePriceList(in); !st.ok()) return st;
  if (FindPriceList(conn, std::nullopt, in.code)) {
    return Status(ErrorCode::kConflict, "a price list " + in.code + " exists",
                  {{"code", "duplicate", "price list code " + in.code + " is taken"}});
  }
  PriceList l = in;
  l.version = 1;
  l.created_at = ctx.now;
  l.updated_at = ctx.now;
  {
    store::Query q(conn,
                   "INSERT INTO price_lists (code, name, currency, valid_from, valid_to, version, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                   l.code, l.name, l.currency, l.valid_from, l.valid_to, ctx.now, ctx.now);
    q.Next();
    l.id = q.Int(0);
  }
  WriteRows(conn, l);
  audit::Record(conn, ctx, "price_list.create", "price_list", l.id, nullptr, AuditJson(l));
  return l;
}

Result<PriceList> ReplacePriceList(store::Connection& conn, const CommandContext& ctx, int64_t id,
                                   const PriceList& in, std::optional<int64_t> expected) {
  auto before = FindPriceList(conn, id, "");
  if (!before) return Status::NotFound("no price list " + std::to_string(id));
  if (Status st = CheckVersion(expected, before->version, "price list", before->code); !st.ok()) {
    return st;
  }
  PriceList l = in;
  l.id = id;
  l.code = before->code;
  if (Status st = ValidatePriceList(l); !st.ok()) return st;
  l.version = before->version + 1;
  l.created_at = before->created_at;
  l.updated_at = ctx.now;
  store::Exec(conn,
              "UPDATE price_lists SET name = ?, currency = ?, valid_from = ?, valid_to = ?, "
              "version = ?, updated_at = ? WHERE id = ?",
              l.name, l.currency, l.valid_from, l.valid_to, l.version, ctx.now, id);
  WriteRows(conn, l);
  audit::Record(conn, ctx, "price_list.update", "price_list", id, AuditJson(*before), AuditJson(l));
  return l;
}

Status SetPriceListPrice(store::Connection& conn, const CommandContext& ctx,
                         const std::string& code, ItemId item, Money unit_price) {
  if (unit_price.is_negative()) {
    return Status::InvalidArgument("invalid price",
                                   {{"unit_price", "out_of_range", "a price cannot be negative"}});
  }
  std::optional<int64_t> id;
  {
    store::Query q(conn, "SELECT id FROM price_lists WHERE code = ?", code);
    if (q.Next()) id = q.Int(0);
  }
  if (!id) return Status::NotFound("no price list " + code);
  store::Exec(conn,
              "INSERT INTO price_list_prices (price_list_id, item_id, unit_price) VALUES (?, ?, ?) "
              "ON CONFLICT (price_list_id, item_id) DO UPDATE SET unit_price = excluded.unit_price",
              *id, item, unit_price);
  store::Exec(conn, "UPDATE price_lists SET version = version + 1, updated_at = ? WHERE id = ?",
              ctx.now, *id);
  audit::Record(conn, ctx, "price_list.set_price", "price_list", *id, nullptr,
                {{"item_id", item.value()}, {"unit_price", unit_price.Format(4)}});
  return Status::Ok();
}

std::optional<PriceList> FindPriceList(store::Connection& conn, std::optional<int64_t> id,
                                       const std::string& code) {
  auto read = [](store::RowReader& r) { return ReadHeader(r); };
  std::optional<PriceList> l =
      id ? store::FindOne(conn, std::string(kSelect) + "WHERE id = ?", *id, read)
         : store::FindOne(conn, std::string(kSelect) + "WHERE code = ?", code, read);
  if (l) LoadRows(conn, *l);
  return l;
}

std::vector<PriceList> ListPriceLists(store::Connection& conn, int64_t after, int limit) {
  std::vector<PriceList> out;
  store::Query q(conn, std::string(kSelect) + "WHERE id > ? ORDER BY id LIMIT ?", after, limit);
  while (q.Next()) {
    store::RowReader r(q);
    out.push_back(ReadHeader(r));
  }
  return out;
}

nlohmann::json AuditJson(const PriceList& l) {
  nlohmann::json prices = nlohmann::json::array();
  for (const auto& p : l.prices) {
    prices.push_back({{"item_id", p.item.value()}, {"unit_price", p.unit_price.Format(4)}});
  }
  nlohmann::json breaks = nlohmann::json::array();
  for (const auto& b : l.breaks) {
    nlohmann::json j = RuleScopeJson(b.scope);
    j["min_quantity"] = b.min_quantity;
    AddAdjustmentJson(j, b.adjustment);
    breaks.push_back(std::move(j));
  }
  return {{"id", l.id},
          {"code", l.code},
          {"name", l.name},
          {"currency", l.currency},
          {"valid_from", FormatDate(l.valid_from)},
          {"valid_to", l.valid_to ? nlohmann::json(FormatDate(*l.valid_to)) : nlohmann::json()},
          {"prices", std::move(prices)},
          {"breaks", std::move(breaks)},
          {"version", l.version}};
}

}  // namespace ordo::pricing
