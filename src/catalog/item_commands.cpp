#include "catalog/item_commands.h"

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "catalog/product_line.h"
#include "events/outbox.h"

namespace ordo::catalog {

Result<Item> CreateItem(store::Connection& conn, const CommandContext& ctx, const NewItem& in) {
  Status valid = ValidateNewItem(in);
  std::vector<FieldError> errors = valid.errors();
  if (auto e = CheckItemProductLine(conn, in.product_line, "product_line")) errors.push_back(*e);
  if (!errors.empty())
    return Status::InvalidArgument("the item has invalid fields", std::move(errors));
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
