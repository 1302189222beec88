#include "pricing/pricing_snapshot.h"

#include <algorithm>
#include <set>

#include "pricing/rule_json.h"
#include "store/row_reader.h"

namespace ordo::pricing {
namespace {

Date ReadDate(store::RowReader& r) {
  return r.OptDate().value_or(Date{});
}

bool ValidOn(Date date, Date start, Date end) {
  return start.days <= date.days && date.days <= end.days;
}

int64_t CountRows(store::Connection& conn) {
  store::Query q(conn,
                 "SELECT (SELECT COUNT(*) FROM customer_pricing) + "
                 "(SELECT COUNT(*) FROM price_lists) + (SELECT COUNT(*) FROM price_list_prices) + "
                 "(SELECT COUNT(*) FROM price_breaks) + (SELECT COUNT(*) FROM contract_prices) + "
                 "(SELECT COUNT(*) FROM promotions)");
  return q.Next() ? q.Int(0) : 0;
}

// The snapshot kept with a connection, and the reference version it was built for.
struct Kept {
  int64_t version = -1;
  std::shared_ptr<const PricingSnapshot> snapshot;  // null: too many rules to keep
};

// Releases the savepoint however the build ends.
class Savepoint {
 public:
  explicit Savepoint(store::Connection& conn) : conn_(conn) {
    conn_.Execute("SAVEPOINT pricing_snapshot");
  }
  ~Savepoint() {
    try {
      conn_.Execute("RELEASE pricing_snapshot");
    } catch (...) {  // NOLINT(bugprone-empty-catch): the read is over either way
    }
  }
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

 private:
  store::Connection& conn_;
};

}  // namespace

std::shared_ptr<const PricingSnapshot> PricingSnapshot::Build(store::Connection& conn) {
  Savepoint consistent(conn);
  if (CountRows(conn) > kMaxSnapshotRows) return nullptr;
  auto s = std::make_shared<PricingSnapshot>();
  {
    store::Query q(conn, "SELECT id, code, currency, valid_from, valid_to FROM price_lists");
    while (q.Next()) {
      store::RowReader r(q);
      List list;
      const int64_t id = r.Int();
      list.header.code = r.Text();
      list.header.currency = r.Text();
      list.header.valid_from = ReadDate(r);
      list.header.valid_to = r.OptDate();
      s->lists_.emplace(id, std::move(list));
    }
  }
  {
    store::Query q(conn, "SELECT price_list_id, item_id, unit_price FROM price_list_prices");
    while (q.Next()) {
      if (auto list = s->lists_.find(q.Int(0)); list != s->lists_.end()) {
        list->second.prices[ItemId(q.Int(1))] = Money::FromUnits(q.Int(2));
      }
    }
  }
  {
    // By id, as the basket's read finds them through its (list, item) and (list, line) indexes.
    store::Query q(conn,
                   "SELECT price_list_id, item_id, product_line, min_quantity, unit_price, "
                   "discount_bp FROM price_breaks ORDER BY id");
    while (q.Next()) {
      store::RowReader r(q);
      auto list = s->lists_.find(r.Int());
      if (list == s->lists_.end()) continue;
      QuantityBreak b;
      b.scope = ReadRuleScope(r);
      b.min_quantity = r.Int();
      b.adjustment = ReadFixedOrPercent(r);
      if (b.scope.item) {
        list->second.item_breaks[*b.scope.item].push_back(std::move(b));
      } else {
        list->second.line_breaks[b.scope.product_line].push_back(std::move(b));
      }
    }
  }
  {
    store::Query q(conn, "SELECT customer_id, pricing_group, price_list_id FROM customer_pricing");
    while (q.Next()) {
      store::RowReader r(q);
      Customer& c = s->customers_[CustomerId(r.Int())];
      c.group = r.OptText().value_or("");
      c.list = r.OptInt();
    }
  }
  {
    store::Query q(conn,
                   "SELECT c.customer_id, c.code, c.start_date, c.end_date, t.item_id, "
                   "t.product_line, t.unit_price, t.discount_bp "
                   "FROM contracts c JOIN contract_prices t ON t.contract_id = c.id "
                   "ORDER BY c.customer_id, c.end_date, c.id, t.id");
    while (q.Next()) {
      store::RowReader r(q);
      Customer& c = s->customers_[CustomerId(r.Int())];
      ContractTerm t = ReadContractTerm(r);
      if (t.scope.item) {
        c.item_contracts[*t.scope.item].push_back(std::move(t));
      } else {
        c.line_contracts[t.scope.product_line].push_back(std::move(t));
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT id, code, start_date, end_date, item_id, product_line, customer_group, "
                   "discount_bp, amount_off, stacking FROM promotions ORDER BY id");
    while (q.Next()) {
      store::RowReader r(q);
      Promo p;
      p.id = r.Int();
      p.rule = ReadPromotion(r);
      // A rule's line and group are NULL when it has none, read back as "": an empty one is
      // no condition (the basket's read never matches NULL either).
      if (p.rule.item) s->item_promotions_[*p.rule.item].push_back(p);
      if (!p.rule.product_line.empty()) s->line_promotions_[p.rule.product_line].push_back(p);
      if (!p.rule.customer_group.empty()) {
        s->group_promotions_[p.rule.customer_group].push_back(p);
      }
    }
  }
  return s;
}

BasketCandidates PricingSnapshot::Candidates(CustomerId customer,
                                             const std::vector<BasketItem>& items,
                                             Date date) const {
  BasketCandidates out;
  std::set<std::string> lines;
  for (const auto& b : items) {
    if (!b.product_line.empty()) lines.insert(b.product_line);
  }
  auto found = customers_.find(customer);
  const Customer* c = found == customers_.end() ? nullptr : &found->second;
  if (c) {
    out.customer_group_ = c->group;
    const auto list = c->list ? lists_.find(*c->list) : lists_.end();
    if (list != lists_.end()) {
      const List& l = list->second;
      out.list_ = l.header;
      for (const auto& b : items) {
        if (auto p = l.prices.find(b.item); p != l.prices.end())
          out.list_prices_[b.item] = p->second;
        if (auto br = l.item_breaks.find(b.item); br != l.item_breaks.end()) {
          out.item_breaks_[b.item] = br->second;
        }
      }
      for (const auto& line : lines) {
        if (auto br = l.line_breaks.find(line); br != l.line_breaks.end()) {
          out.line_breaks_[line] = br->second;
        }
      }
    }
    for (const auto& b : items) {
      auto terms = c->item_contracts.find(b.item);
      if (terms == c->item_contracts.end() || out.item_contracts_.contains(b.item)) continue;
      for (const auto& t : terms->second) {
        if (ValidOn(date, t.start, t.end)) out.item_contracts_[b.item].push_back(t);
      }
    }
    for (const auto& line : lines) {
      auto terms = c->line_contracts.find(line);
      if (terms == c->line_contracts.end()) continue;
      for (const auto& t : terms->second) {
        if (ValidOn(date, t.start, t.end)) out.line_contracts_[line].push_back(t);
      }
    }
  }
  // Valid on the date and naming one of the basket's items or lines or the customer's group,
  // each once, by id.
  std::vector<const Promo*> promotions;
  auto take = [&](const std::vector<Promo>& found_promotions) {
    for (const auto& p : found_promotions) {
      if (ValidOn(date, p.rule.start, p.rule.end)) promotions.push_back(&p);
    }
  };
  std::set<ItemId> seen_items;
  for (const auto& b : items) {
    if (!seen_items.insert(b.item).second) continue;
    if (auto p = item_promotions_.find(b.item); p != item_promotions_.end()) take(p->second);
  }
  for (const auto& line : lines) {
    if (auto p = line_promotions_.find(line); p != line_promotions_.end()) take(p->second);
  }
  if (auto p = group_promotions_.find(out.customer_group_); p != group_promotions_.end()) {
    take(p->second);
  }
  std::sort(promotions.begin(), promotions.end(),
            [](const Promo* a, const Promo* b) { return a->id < b->id; });
  promotions.erase(std::unique(promotions.begin(), promotions.end(),
                               [](const Promo* a, const Promo* b) { return a->id == b->id; }),
                   promotions.end());
  for (const Promo* p : promotions) out.promotions_.push_back(p->rule);
  return out;
}

BasketCandidates CandidatesAt(store::Connection& conn, int64_t reference_version,
                              CustomerId customer, const std::vector<BasketItem>& items,
                              Date date) {
  // What a write transaction reads may yet be rolled back, and its version number reused by
  // another change: the writer reads the basket's rules itself.
  if (conn.InWriteTransaction()) return LoadCandidates(conn, customer, items, date);
  std::shared_ptr<void>& slot = conn.Attached("pricing.snapshot");
  if (!slot) slot = std::make_shared<Kept>();
  Kept& kept = *static_cast<Kept*>(slot.get());
  if (kept.version != reference_version) {
    kept.snapshot = PricingSnapshot::Build(conn);
    kept.version = reference_version;
  }
  if (!kept.snapshot) return LoadCandidates(conn, customer, items, date);
  return kept.snapshot->Candidates(customer, items, date);
}

}  // namespace ordo::pricing
