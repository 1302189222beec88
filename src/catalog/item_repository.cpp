#include "catalog/item_repository.h"

#include <utility>

#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::catalog {

Item ReadItemColumns(store::RowReader& r) {
  Item item;
  item.id = r.Id<ItemId>();
  item.sku = r.Text();
  item.name = r.Text();
  item.uom = r.Text();
  item.list_price = r.Amount();
  item.cost = r.Amount();
  item.tax_class = r.Text();
  item.active = r.Bool();
  item.reorder_point = r.Int();
  item.product_line = r.OptText();
  item.version = r.Int();
  item.created_at = r.Time();
  item.updated_at = r.Time();
  return item;
}

void LoadPacks(store::Connection& conn, Item& item) {
  store::Query q(conn,
                 "SELECT uom, quantity FROM item_packs WHERE item_id = ? ORDER BY quantity, uom",
                 item.id);
  while (q.Next()) {
    store::RowReader r(q);
    PackSize pack;
    pack.uom = r.Text();
    pack.quantity = r.Int();
    item.packs.push_back(std::move(pack));
  }
}

namespace {

// The item and its pack sizes in one statement (a LEFT JOIN: one row per pack, or one row
// with NULL pack columns). Order entry looks up every line's item, so one statement per item
// instead of two is a tenth of an order's statements.
// (store::FindOne reads one row; this one reads every pack row of the item.)
std::optional<Item> FindWithPacks(store::Connection& conn, const std::string& sql, auto key) {
  store::Query q(conn, sql, key);
  if (!q.Next()) return std::nullopt;
  store::RowReader first(q);
  Item item = ReadItemColumns(first);
  const int pack_column = first.column();
  do {
    if (q.IsNull(pack_column)) continue;
    store::RowReader r(q, pack_column);
    PackSize pack;
    pack.uom = r.Text();
    pack.quantity = r.Int();
    item.packs.push_back(std::move(pack));
  } while (q.Next());
  return item;
}

}  // namespace

std::optional<Item> FindItemBySku(store::Connection& conn, std::string_view sku) {
  static const std::string sql =
      "SELECT " + std::string(kItemColumns) +
      ", p.uom, p.quantity FROM items i LEFT JOIN item_packs p ON p.item_id = i.id "
      "WHERE i.sku = ? ORDER BY p.quantity, p.uom";
  return FindWithPacks(conn, sql, sku);
}

std::optional<Item> FindItemById(store::Connection& conn, ItemId id) {
  static const std::string sql =
      "SELECT " + std::string(kItemColumns) +
      ", p.uom, p.quantity FROM items i LEFT JOIN item_packs p ON p.item_id = i.id "
      "WHERE i.id = ? ORDER BY p.quantity, p.uom";
  return FindWithPacks(conn, sql, id);
}

std::unordered_map<std::string, Item> FindItemsBySku(store::Connection& conn,
                                                     const std::vector<std::string>& skus) {
  // One indexed lookup per SKU: cheaper in SQLite than an IN list, which builds a temporary
  // index of its values on every run.
  std::unordered_map<std::string, Item> found;
  for (const auto& sku : skus) {
    if (found.contains(sku)) continue;
    if (auto item = FindItemBySku(conn, sku)) found.emplace(sku, std::move(*item));
  }
  return found;
}

Item InsertItem(store::Connection& conn, const NewItem& in, Timestamp now) {
  Item item;
  {
    store::Query q(conn,
                   "INSERT INTO items (sku, name, uom, list_price, cost, tax_class, active, "
                   "reorder_point, product_line, version, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                   in.sku, in.name, in.uom, in.list_price, in.cost, in.tax_class, in.active,
                   in.reorder_point, in.product_line, now, now);
    q.Next();
    item.id = ItemId(q.Int(0));
  }
  for (const auto& p : in.packs) {
    store::Exec(conn, "INSERT INTO item_packs (item_id, uom, quantity) VALUES (?, ?, ?)", item.id,
                p.uom, p.quantity);
  }
  item.sku = in.sku;
  item.name = in.name;
  item.uom = in.uom;
  item.packs = in.packs;
  item.list_price = in.list_price;
  item.cost = in.cost;
  item.tax_class = in.tax_class;
  item.active = in.active;
  item.reorder_point = in.reorder_point;
  item.product_line = in.product_line;
  item.created_at = now;
  item.updated_at = now;
  return item;
}

}  // namespace ordo::catalog
