#include "catalog/item_commands.h"

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "events/outbox.h"

namespace ordo::catalog {

Result<Item> CreateItem(store::Connection& conn, const CommandContext& ctx, const NewItem& in) {
  if (Status st = ValidateNewItem(in); !st.ok()) return st;
  if (FindItemBySku(conn, in.sku)) {
    return Status(ErrorCode::kConflict, "an item with SKU " + in.sku + " exists",
                  {{"sku", "duplicate", "SKU " + in.sku + " is taken"}});
  }
  Item item = InsertItem(conn, in, ctx.now);
  nlohmann::json after = ToJson(item);
  audit::Record(conn, ctx, "item.create", "item", item.id.value(), nullptr, after);
  events::Publish(conn, ctx, "item.created", "item", item.id.value(),
                  {{"id", item.id.value()}, {"sku", item.sku}});
  return item;
}

}  // namespace ordo::catalog
