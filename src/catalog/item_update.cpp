#include "catalog/item_update.h"

#include <algorithm>
#include <tuple>

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "catalog/product_line.h"
#include "core/version_check.h"
#include "events/outbox.h"
#include "store/query.h"

namespace ordo::catalog {
namespace {

std::vector<PackSize> Sorted(std::vector<PackSize> packs) {
  std::sort(packs.begin(), packs.end(), [](const PackSize& a, const PackSize& b) {
    return std::tie(a.quantity, a.uom) < std::tie(b.quantity, b.uom);
  });
  return packs;
}

NewItem AsNewItem(const Item& item) {
  return NewItem{item.sku,  item.name,      item.uom,    item.packs,         item.list_price,
                 item.cost, item.tax_class, item.active, item.reorder_point, item.product_line};
}

// The item with the patch applied, and the names of the fields whose value differs.
std::pair<NewItem, std::vector<std::string>> Apply(const Item& item, const ItemPatch& patch) {
  NewItem next = AsNewItem(item);
  std::vector<std::string> changed;
  auto set = [&changed](const char* name, auto& field, const auto& value) {
    if (value && !(*value == field)) {
      field = *value;
      changed.emplace_back(name);
    }
  };
  set("name", next.name, patch.name);
  set("list_price", next.list_price, patch.list_price);
  set("cost", next.cost, patch.cost);
  set("tax_class", next.tax_class, patch.tax_class);
  set("active", next.active, patch.active);
  set("reorder_point", next.reorder_point, patch.reorder_point);
  set("product_line", next.product_line, patch.product_line);
  // Pack sizes are a set: the same packs in another order are no change.
  if (patch.pack_sizes && Sorted(*patch.pack_sizes) != Sorted(item.packs)) {
    next.packs = *patch.pack_sizes;
    changed.emplace_back("pack_sizes");
  }
  return {std::move(next), std::move(changed)};
}

}  // namespace

Result<Item> UpdateItem(store::Connection& conn, const CommandContext& ctx, ItemId id,
                        const ItemPatch& patch, std::optional<int64_t> expected_version) {
  std::optional<Item> item = FindItemById(conn, id);
  if (!item) return Status::NotFound("no item " + std::to_string(id.value()));
  if (Status st = CheckVersion(expected_version, item->version, "item", item->sku); !st.ok()) {
    return st;
  }
  auto [next, changed] = Apply(*item, patch);
  // The unchanged fields are valid already, so every error here names a patched field; the
  // pack sizes are checked against the (unchangeable) base unit.
  Status valid = ValidateNewItem(next);
  std::vector<FieldError> errors = valid.errors();
  if (patch.product_line) {
    if (auto e = CheckItemProductLine(conn, next.product_line, "product_line"))
      errors.push_back(*e);
  }
  if (!errors.empty())
    return Status::InvalidArgument("the item has invalid fields", std::move(errors));
  if (changed.empty()) return std::move(*item);

  int64_t updated =
      store::Exec(conn,
                  "UPDATE items SET name = ?, list_price = ?, cost = ?, tax_class = ?, active = ?, "
                  "reorder_point = ?, product_line = ?, version = version + 1, updated_at = ? "
                  "WHERE id = ? AND version = ?",
                  next.name, next.list_price, next.cost, next.tax_class, next.active,
                  next.reorder_point, next.product_line, ctx.now, id, item->version);
  if (updated != 1) return Status(ErrorCode::kPreconditionFailed, "item " + item->sku + " changed");
  if (std::find(changed.begin(), changed.end(), "pack_sizes") != changed.end()) {
    store::Exec(conn, "DELETE FROM item_packs WHERE item_id = ?", id);
    for (const auto& p : next.packs) {
      store::Exec(conn, "INSERT INTO item_packs (item_id, uom, quantity) VALUES (?, ?, ?)", id,
                  p.uom, p.quantity);
    }
  }
  std::optional<Item> after = FindItemById(conn, id);
  if (!after) return Status::Internal("item " + item->sku + " vanished during its update");
  audit::Record(conn, ctx, "item.update", "item", id.value(), ToJson(*item), ToJson(*after));
  events::Publish(
      conn, ctx, "item.updated", "item", id.value(),
      {{"id", id.value()}, {"sku", after->sku}, {"version", after->version}, {"changed", changed}});
  return std::move(*after);
}

}  // namespace ordo::catalog
