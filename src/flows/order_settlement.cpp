#include "flows/order_settlement.h"

#include "events/outbox.h"
#include "invoicing/invoice_repository.h"
#include "orders/order_repository.h"

namespace ordo::flows {

bool RefreshOrderSettlement(store::Connection& conn, const CommandContext& ctx, OrderId id) {
  auto order = orders::LoadOrder(conn, id);
  if (!order) return false;
  int64_t wanted = 0, invoiced = 0;
  for (const auto& l : order->lines) {
    wanted += l.quantity - l.quantity_cancelled;
    invoiced += l.quantity_invoiced;
  }
  bool settled = wanted > 0 && invoiced == wanted;
  for (const auto& ref : invoicing::InvoicesOfOrder(conn, id)) {
    if (!settled) break;
    auto v = invoicing::LoadInvoice(conn, ref.id);
    settled = v && (v->status == invoicing::InvoiceStatus::kVoid || v->balance().is_zero());
  }
  if (settled == order->settled) return settled;
  order->settled = settled;
  orders::StoreSettled(conn, *order);
  if (settled) {
    events::Publish(conn, ctx, "order.closed", "order", id.value(),
                    {{"id", id.value()}, {"number", order->number}});
  }
  return settled;
}

}  // namespace ordo::flows
