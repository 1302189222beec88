#include "pricing/pricing_candidates.h"

#include <nlohmann/json.hpp>

#include "pricing/rule_json.h"
#include "store/id_list.h"
#include "store/row_reader.h"

namespace ordo::pricing {
namespace {

Date ReadDate(store::RowReader& r) {
  return r.OptDate().value_or(Date{});
}

}  // namespace

BasketCandidates LoadCandidates(store::Connection& conn, CustomerId customer,
                                const std::vector<BasketItem>& items, Date date) {
  BasketCandidates out;
  std::vector<ItemId> ids;
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& b : items) {
    ids.push_back(b.item);
    if (!b.product_line.empty()) lines.push_back(b.product_line);
  }
  const std::string item_list = store::IdListJson(ids);
  const std::string line_list = lines.dump();

  std::optional<int64_t> list_id;
  {
    store::Query q(conn,
                   "SELECT p.pricing_group, l.id, l.code, l.currency, l.valid_from, l.valid_to "
                   "FROM customer_pricing p LEFT JOIN price_lists l ON l.id = p.price_list_id "
                   "WHERE p.customer_id = ?",
                   customer);
    if (q.Next()) {
      store::RowReader r(q);
      out.customer_group_ = r.OptText().value_or("");
      list_id = r.OptInt();
      if (list_id) {
        PriceListTerms terms;
        terms.code = r.Text();
        terms.currency = r.Text();
        terms.valid_from = ReadDate(r);
        terms.valid_to = r.OptDate();
        out.list_ = std::move(terms);
      }
    }
  }
  if (list_id) {
    store::Query prices(conn,
                        "SELECT item_id, unit_price FROM price_list_prices "
                        "WHERE price_list_id = ? AND item_id IN (SELECT value FROM json_each(?))",
                        *list_id, item_list);
    while (prices.Next()) {
      out.list_prices_[ItemId(prices.Int(0))] = Money::FromUnits(prices.Int(1));
    }
    store::Query breaks(
        conn,
        "SELECT item_id, product_line, min_quantity, unit_price, discount_bp FROM price_breaks "
        "WHERE price_list_id = ?1 AND item_id IN (SELECT value FROM json_each(?2)) "
        "UNION ALL "
        "SELECT item_id, product_line, min_quantity, unit_price, discount_bp FROM price_breaks "
        "WHERE price_list_id = ?1 AND product_line IN (SELECT value FROM json_each(?3))",
        *list_id, item_list, line_list);
    while (breaks.Next()) {
      store::RowReader r(breaks);
      QuantityBreak b;
      b.scope = ReadRuleScope(r);
      b.min_quantity = r.Int();
      b.adjustment = ReadFixedOrPercent(r);
      if (b.scope.item) {
        out.item_breaks_[*b.scope.item].push_back(std::move(b));
      } else {
        out.line_breaks_[b.scope.product_line].push_back(std::move(b));
      }
    }
  }
  {
    // The customer's few contracts by index, then each one's terms by (contract, item) or
    // (contract, product line).
    store::Query q(conn,
                   "SELECT c.code, c.start_date, c.end_date, t.item_id, t.product_line, "
                   "t.unit_price, t.discount_bp "
                   "FROM contracts c JOIN contract_prices t ON t.contract_id = c.id "
                   "WHERE c.customer_id = ?1 AND c.end_date >= ?2 AND c.start_date <= ?2 "
                   "AND t.item_id IN (SELECT value FROM json_each(?3)) "
                   "UNION ALL "
                   "SELECT c.code, c.start_date, c.end_date, t.item_id, t.product_line, "
                   "t.unit_price, t.discount_bp "
                   "FROM contracts c JOIN contract_prices t ON t.contract_id = c.id "
                   "WHERE c.customer_id = ?1 AND c.end_date >= ?2 AND c.start_date <= ?2 "
                   "AND t.product_line IN (SELECT value FROM json_each(?4))",
                   customer, date, item_list, line_list);
    while (q.Next()) {
      store::RowReader r(q);
      ContractTerm t = ReadContractTerm(r);
      if (t.scope.item) {
        out.item_contracts_[*t.scope.item].push_back(std::move(t));
      } else {
        out.line_contracts_[t.scope.product_line].push_back(std::move(t));
      }
    }
  }
  {
    // Valid on the date and naming one of the basket's items or lines or the customer's group;
    // UNION drops a promotion found twice.
    store::Query q(conn,
                   "SELECT id, code, start_date, end_date, item_id, product_line, customer_group, "
                   "discount_bp, amount_off, stacking FROM promotions "
                   "WHERE item_id IN (SELECT value FROM json_each(?2)) AND end_date >= ?1 "
                   "AND start_date <= ?1 "
                   "UNION "
                   "SELECT id, code, start_date, end_date, item_id, product_line, customer_group, "
                   "discount_bp, amount_off, stacking FROM promotions "
                   "WHERE product_line IN (SELECT value FROM json_each(?3)) AND end_date >= ?1 "
                   "AND start_date <= ?1 "
                   "UNION "
                   "SELECT id, code, start_date, end_date, item_id, product_line, customer_group, "
                   "discount_bp, amount_off, stacking FROM promotions "
                   "WHERE customer_group = ?4 AND end_date >= ?1 AND start_date <= ?1",
                   date, item_list, line_list, out.customer_group_);
    while (q.Next()) {
      store::RowReader r(q);
      r.Skip();
      Promotion p = ReadPromotion(r);
      out.promotions_.push_back(std::move(p));
    }
  }
  return out;
}

void BasketCandidates::FillLine(PriceInputs& in) const {
  in.customer_group = customer_group_;
  if (list_) {
    PriceListTerms terms = *list_;
    if (auto p = list_prices_.find(in.item); p != list_prices_.end()) terms.unit_price = p->second;
    if (auto b = item_breaks_.find(in.item); b != item_breaks_.end()) terms.breaks = b->second;
    if (!in.product_line.empty()) {
      if (auto b = line_breaks_.find(in.product_line); b != line_breaks_.end()) {
        terms.breaks.insert(terms.breaks.end(), b->second.begin(), b->second.end());
      }
    }
    in.price_list = std::move(terms);
  }
  if (auto c = item_contracts_.find(in.item); c != item_contracts_.end()) in.contracts = c->second;
  if (!in.product_line.empty()) {
    if (auto c = line_contracts_.find(in.product_line); c != line_contracts_.end()) {
      in.contracts.insert(in.contracts.end(), c->second.begin(), c->second.end());
    }
  }
  for (const auto& p : promotions_) {
    if (p.item && *p.item != in.item) continue;
    if (!p.product_line.empty() && p.product_line != in.product_line) continue;
    in.promotions.push_back(p);
  }
}

}  // namespace ordo::pricing
