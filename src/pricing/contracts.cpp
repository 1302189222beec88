#include "pricing/contracts.h"

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
    "SELECT id, code, customer_id, start_date, end_date, note, version, created_at, updated_at "
    "FROM contracts ";

Contract ReadHeader(store::RowReader& r) {
  Contract c;
  c.id = r.Int();
  c.code = r.Text();
  c.customer = r.Id<CustomerId>();
  c.start = r.OptDate().value_or(Date{});
  c.end = r.OptDate().value_or(Date{});
  c.note = r.Text();
  c.version = r.Int();
  c.created_at = r.Time();
  c.updated_at = r.Time();
  return c;
}

void LoadTerms(store::Connection& conn, Contract& c) {
  store::Query q(conn,
                 "SELECT item_id, product_line, unit_price, discount_bp FROM contract_prices "
                 "WHERE contract_id = ? ORDER BY id",
                 c.id);
  while (q.Next()) {
    store::RowReader r(q);
    ContractPriceTerm t;
    t.scope = ReadRuleScope(r);
    t.adjustment = ReadFixedOrPercent(r);
    c.terms.push_back(std::move(t));
  }
}

void WriteTerms(store::Connection& conn, const Contract& c) {
  store::Exec(conn, "DELETE FROM contract_prices WHERE contract_id = ?", c.id);
  for (const auto& t : c.terms) {
    store::Exec(conn,
                "INSERT INTO contract_prices (contract_id, item_id, product_line, unit_price, "
                "discount_bp) VALUES (?, ?, ?, ?, ?)",
                c.id, t.scope.item, OptCode(t.scope.product_line), FixedPriceOf(t.adjustment),
                PercentOf(t.adjustment));
  }
}

}  // namespace

Status ValidateContract(const Contract& c) {
  std::vector<FieldError> errors;
  CheckRuleCode(c.code, "code", errors);
  CheckDateOrder(c.start, c.end, "end_date", errors);
  if (auto problem = CheckText(c.note, kContractNote, "note")) {
    errors.push_back(std::move(*problem));
  }
  if (c.terms.size() > kMaxRuleRows) {
    errors.push_back({"terms", "too_many", "a contract has at most 10000 terms"});
  }
  std::set<int64_t> items;
  std::set<std::string> lines;
  for (size_t i = 0; i < c.terms.size(); ++i) {
    const std::string at = ElementPath("terms", i);
    const ContractPriceTerm& t = c.terms[i];
    if (t.adjustment.kind == Adjustment::Kind::kAmountOff) {
      errors.push_back({FieldPath(at, "amount_off"), "unknown_field",
                        "a contract term is a unit_price or a discount_percent"});
    }
    CheckAdjustment(t.adjustment, at, errors);
    if (t.scope.item && !items.insert(t.scope.item->value()).second) {
      errors.push_back({FieldPath(at, "sku"), "duplicate", "the item already has a term"});
    }
    if (!t.scope.item) {
      CheckGroupCode(t.scope.product_line, FieldPath(at, "product_line"), errors);
      if (!lines.insert(t.scope.product_line).second) {
        errors.push_back(
            {FieldPath(at, "product_line"), "duplicate", "the product line already has a term"});
      }
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid contract", std::move(errors));
  return Status::Ok();
}

Result<Contract> CreateContract(store::Connection& conn, const CommandContext& ctx,
                                const Contract& in) {
  if (Status st = ValidateContract(in); !st.ok()) return st;
  if (FindContract(conn, std::nullopt, in.code)) {
    return Status(ErrorCode::kConflict, "a contract " + in.code + " exists",
                  {{"code", "duplicate", "contract code " + in.code + " is taken"}});
  }
  Contract c = in;
  c.version = 1;
  c.created_at = ctx.now;
  c.updated_at = ctx.now;
  {
    store::Query q(conn,
                   "INSERT INTO contracts (code, customer_id, start_date, end_date, note, version, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                   c.code, c.customer, c.start, c.end, c.note, ctx.now, ctx.now);
    q.Next();
    c.id = q.Int(0);
  }
  WriteTerms(conn, c);
  audit::Record(conn, ctx, "contract.create", "contract", c.id, nullptr, AuditJson(c));
  return c;
}

Result<Contract> ReplaceContract(store::Connection& conn, const CommandContext& ctx, int64_t id,
                                 const Contract& in, std::optional<int64_t> expected) {
  auto before = FindContract(conn, id, "");
  if (!before) return Status::NotFound("no contract " + std::to_string(id));
  if (Status st = CheckVersion(expected, before->version, "contract", before->code); !st.ok()) {
    return st;
  }
  Contract c = in;
  c.id = id;
  c.code = before->code;
  if (Status st = ValidateContract(c); !st.ok()) return st;
  c.version = before->version + 1;
  c.created_at = before->created_at;
  c.updated_at = ctx.now;
  store::Exec(conn,
              "UPDATE contracts SET customer_id = ?, start_date = ?, end_date = ?, note = ?, "
              "version = ?, updated_at = ? WHERE id = ?",
              c.customer, c.start, c.end, c.note, c.version, ctx.now, id);
  WriteTerms(conn, c);
  audit::Record(conn, ctx, "contract.update", "contract", id, AuditJson(*before), AuditJson(c));
  return c;
}

Status SetContractTerm(store::Connection& conn, const CommandContext& ctx, const std::string& code,
                       const ContractPriceTerm& term) {
  std::vector<FieldError> errors;
  CheckAdjustment(term.adjustment, "", errors);
  if (!term.scope.item) CheckGroupCode(term.scope.product_line, "product_line", errors);
  if (!errors.empty()) return Status::InvalidArgument("invalid contract term", std::move(errors));
  std::optional<int64_t> id;
  {
    store::Query q(conn, "SELECT id FROM contracts WHERE code = ?", code);
    if (q.Next()) id = q.Int(0);
  }
  if (!id) return Status::NotFound("no contract " + code);
  if (term.scope.item) {
    store::Exec(conn, "DELETE FROM contract_prices WHERE contract_id = ? AND item_id = ?", *id,
                *term.scope.item);
  } else {
    store::Exec(conn, "DELETE FROM contract_prices WHERE contract_id = ? AND product_line = ?", *id,
                term.scope.product_line);
  }
  store::Exec(conn,
              "INSERT INTO contract_prices (contract_id, item_id, product_line, unit_price, "
              "discount_bp) VALUES (?, ?, ?, ?, ?)",
              *id, term.scope.item, OptCode(term.scope.product_line), FixedPriceOf(term.adjustment),
              PercentOf(term.adjustment));
  store::Exec(conn, "UPDATE contracts SET version = version + 1, updated_at = ? WHERE id = ?",
              ctx.now, *id);
  nlohmann::json image = RuleScopeJson(term.scope);
  AddAdjustmentJson(image, term.adjustment);
  audit::Record(conn, ctx, "contract.set_term", "contract", *id, nullptr, image);
  return Status::Ok();
}

std::optional<Contract> FindContract(store::Connection& conn, std::optional<int64_t> id,
                                     const std::string& code) {
  auto read = [](store::RowReader& r) { return ReadHeader(r); };
  std::optional<Contract> c =
      id ? store::FindOne(conn, std::string(kSelect) + "WHERE id = ?", *id, read)
         : store::FindOne(conn, std::string(kSelect) + "WHERE code = ?", code, read);
  if (c) LoadTerms(conn, *c);
  return c;
}

std::vector<Contract> ListContracts(store::Connection& conn, std::optional<CustomerId> customer,
                                    int64_t after, int limit) {
  std::vector<Contract> out;
  {
    store::Query q(conn, customer ? std::string(kSelect) +
                                        "WHERE customer_id = ? AND id > ? ORDER BY id LIMIT ?"
                                  : std::string(kSelect) + "WHERE id > ? ORDER BY id LIMIT ?");
    if (customer) q.BindMore(*customer);
    q.BindMore(after, limit);
    while (q.Next()) {
      store::RowReader r(q);
      out.push_back(ReadHeader(r));
    }
  }
  for (auto& c : out) LoadTerms(conn, c);
  return out;
}

nlohmann::json AuditJson(const Contract& c) {
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : c.terms) {
    nlohmann::json j = RuleScopeJson(t.scope);
    AddAdjustmentJson(j, t.adjustment);
    terms.push_back(std::move(j));
  }
  return {{"id", c.id},
          {"code", c.code},
          {"customer_id", c.customer.value()},
          {"start_date", FormatDate(c.start)},
          {"end_date", FormatDate(c.end)},
          {"note", c.note},
          {"terms", std::move(terms)},
          {"version", c.version}};
}

}  // namespace ordo::pricing
