#include "catalog/item_queries.h"

#include <array>

#include "catalog/item_repository.h"
#include "store/id_list.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::catalog {
namespace {

// Items alias "i" so the repository's column list applies.
const std::string kSelect = "SELECT " + std::string(kItemColumns) + " FROM items i ";

// A LIKE pattern matching `text` anywhere, with LIKE's wildcards in it escaped by '\'.
std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  pattern += '%';
  return pattern;
}

// One SQL text per combination of filters, built once so each is prepared once per connection
// (plain SQL per filter rather than "(? IS NULL OR ...)", which PostgreSQL cannot type).
// Index: bit 0 = active filter, bit 1 = text filter.
const std::string& ListSql(bool by_active, bool by_text) {
  static const std::array<std::string, 4> texts = [] {
    std::array<std::string, 4> out;
    for (int i = 0; i < 4; ++i) {
      std::string sql = kSelect + "WHERE i.id > ?";
      if (i & 1) sql += " AND i.active = ?";
      // LOWER() is standard SQL; with a lower-cased pattern the match ignores ASCII case on
      // every database (SQLite's LIKE alone would, PostgreSQL's would not).
      if (i & 2) {
        sql += " AND (LOWER(i.sku) LIKE ? ESCAPE '\\' OR LOWER(i.name) LIKE ? ESCAPE '\\')";
      }
      out[i] = sql + " ORDER BY i.id LIMIT ?";
    }
    return out;
  }();
  return texts[(by_active ? 1 : 0) | (by_text ? 2 : 0)];
}

}  // namespace

std::optional<Item> FindItemByIdOrSku(store::Connection& conn, std::optional<int64_t> id,
                                      std::string_view sku) {
  if (auto item = FindItemBySku(conn, sku)) return item;
  if (id) return FindItemById(conn, ItemId(*id));
  return std::nullopt;
}

std::vector<Item> ListItems(store::Connection& conn, const ItemFilter& filter, int64_t after_id,
                            int limit) {
  const bool by_text = !filter.text.empty();
  std::string pattern = by_text ? ContainsPattern(filter.text) : std::string();
  std::vector<Item> items;
  {
    store::Query q(conn, ListSql(filter.active.has_value(), by_text), after_id);
    if (filter.active) q.BindMore(*filter.active);
    if (by_text) q.BindMore(pattern, pattern);
    q.BindMore(limit);
    while (q.Next()) {
      store::RowReader r(q);
      items.push_back(ReadItemColumns(r));
    }
  }
  for (Item& item : items) LoadPacks(conn, item);
  return items;
}

std::unordered_map<ItemId, std::string> SkusOf(store::Connection& conn,
                                               const std::vector<ItemId>& items) {
  static const std::string sql =
      "SELECT id, sku FROM items WHERE id" + std::string(store::kInIdList);
  return store::TextsById(conn, sql, items);
}

std::unordered_map<ItemId, ItemLabel> ItemLabels(store::Connection& conn,
                                                 const std::vector<ItemId>& items) {
  std::unordered_map<ItemId, ItemLabel> out;
  if (items.empty()) return out;
  static const std::string sql =
      "SELECT id, sku, name FROM items WHERE id" + std::string(store::kInIdList);
  store::Query q(conn, sql, store::IdListJson(items));
  while (q.Next()) {
    store::RowReader r(q);
    auto id = r.Id<ItemId>();
    ItemLabel label;
    label.sku = r.Text();
    label.name = r.Text();
    out.emplace(id, std::move(label));
  }
  return out;
}

int64_t CountItems(store::Connection& conn) {
  store::Query q(conn, "SELECT COUNT(*) FROM items");
  return q.Next() ? q.Int(0) : 0;
}

}  // namespace ordo::catalog
