#include "inventory/warehouse_update.h"

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "inventory/warehouse_repository.h"
#include "store/query.h"

namespace ordo::inventory {

Result<Warehouse> UpdateWarehouse(store::Connection& conn, const CommandContext& ctx,
                                  Warehouse changed) {
  std::optional<Warehouse> before = FindWarehouseById(conn, changed.id);
  if (!before) return Status::NotFound("no warehouse " + std::to_string(changed.id.value()));
  changed.code = before->code;
  if (Status st = ValidateWarehouse(changed); !st.ok()) return st;
  store::Exec(conn,
              "UPDATE warehouses SET name = ?, line1 = ?, city = ?, region = ?, postal_code = ?, "
              "country = ?, allocation_rank = ? WHERE id = ?",
              changed.name, changed.address.line1, changed.address.city, changed.address.region,
              changed.address.postal_code, changed.address.country, changed.allocation_rank,
              changed.id);
  audit::Record(conn, ctx, "warehouse.update", "warehouse", changed.id.value(), ToJson(*before),
                ToJson(changed));
  events::Publish(conn, ctx, "warehouse.updated", "warehouse", changed.id.value(),
                  {{"id", changed.id.value()}, {"code", changed.code}});
  return changed;
}

}  // namespace ordo::inventory
