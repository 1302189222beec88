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

// The trigram index answers substrings of three characters or more (item_search, migration
// 0016); a shorter text matches so many items that reading them in id order finds a page at
// once.
constexpr size_t kMinIndexedText = 3;

// The text as one FTS5 phrase: quoted, its quotes doubled, so that nothing in it is syntax.
std::string Phrase(std::string_view text) {
  std::string phrase = "\"";
  for (char c : text) {
    phrase += c;
    if (c == '"') phrase += '"';
  }
  return phrase + "\"";
}

// One SQL text per combination of filters, built once so each is prepared once per connection
// (plain SQL per filter rather than "(? IS NULL OR ...)", which PostgreSQL cannot type).
// Index: bit 0 = active filter, bit 1 = text filter, bit 2 = text through the trigram index.
// Through the index, its matches are read in id order from the first after the cursor and stop
// at the page's end; the LIKE test stays, so the index only narrows what the scan would find.
// Parameters: [phrase,] after, [active,] [pattern, pattern,] limit.
const std::string& ListSql(bool by_active, bool by_text, bool indexed) {
  static const std::array<std::string, 8> texts = [] {
    std::array<std::string, 8> out;
    for (int i = 0; i < 8; ++i) {
      if ((i & 4) && !(i & 2)) continue;
      std::string sql = (i & 4) ? "SELECT " + std::string(kItemColumns) +
                                      " FROM item_search s JOIN items i ON i.id = s.rowid "
                                      "WHERE item_search MATCH ? AND s.rowid > ?"
                                : kSelect + "WHERE i.id > ?";
      if (i & 1) sql += " AND i.active = ?";
      // LOWER() is standard SQL; with a lower-cased pattern the match ignores ASCII case on
      // every database (SQLite's LIKE alone would, PostgreSQL's would not).
      if (i & 2) {
        sql += " AND (LOWER(i.sku) LIKE ? ESCAPE '\\' OR LOWER(i.name) LIKE ? ESCAPE '\\')";
      }
      out[i] = sql + ((i & 4) ? " ORDER BY s.rowid LIMIT ?" : " ORDER BY i.id LIMIT ?");
    }
    return out;
  }();
  return texts[(by_active ? 1 : 0) | (by_text ? 2 : 0) | (indexed ? 4 : 0)];
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
  if (filter.gtin) {
    // At most one item: two indexed reads, then the item (with the active filter).
    std::vector<Item> found;
    std::optional<ItemId> id = FindItemIdByGtin(conn, *filter.gtin);
    if (!id || id->value() <= after_id || limit < 1) return found;
    std::optional<Item> item = FindItemById(conn, *id);
    if (item && (!filter.active || item->active == *filter.active)) found.push_back(*item);
    return found;
  }
  const bool by_text = !filter.text.empty();
  const bool indexed = filter.text.size() >= kMinIndexedText;
  std::string pattern = by_text ? ContainsPattern(filter.text) : std::string();
  std::vector<Item> items;
  {
    store::Query q(conn, ListSql(filter.active.has_value(), by_text, indexed));
    if (indexed) q.BindMore(Phrase(filter.text));
    q.BindMore(after_id);
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
