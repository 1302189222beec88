#include "flows/order_shipment.h"

#include <map>

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "core/field_path.h"
#include "core/text_check.h"
#include "core/version_check.h"
#include "events/outbox.h"
#include "flows/ledger_postings.h"
#include "flows/order_settlement.h"
#include "flows/shipment_invoice.h"
#include "fulfillment/shipment_repository.h"
#include "inventory/stock_movements.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_json.h"
#include "orders/order_repository.h"
#include "views/order_view.h"
#include "views/shipment_view.h"

namespace ordo::flows {
namespace {

// An order may ship only when it is neither cancelled nor held.
Status CheckShippable(const orders::Order& order) {
  orders::OrderStatus status = orders::DeriveStatus(order);
  if (status == orders::OrderStatus::kCancelled) {
    return Status::InvalidState("order " + order.number + " is cancelled");
  }
  if (order.has_active_hold()) {
    return Status::InvalidState("order " + order.number + " is on hold");
  }
  return Status::Ok();
}

int64_t AllocatedIn(const orders::OrderLine& line, WarehouseId warehouse) {
  for (const auto& a : line.allocations) {
    if (a.warehouse == warehouse) return a.quantity;
  }
  return 0;
}

// Takes `quantity` off the in-memory allocation of `line` in `warehouse`.
void ReduceInMemory(orders::OrderLine& line, WarehouseId warehouse, int64_t quantity) {
  for (auto it = line.allocations.begin(); it != line.allocations.end(); ++it) {
    if (it->warehouse != warehouse) continue;
    it->quantity -= quantity;
    if (it->quantity == 0) line.allocations.erase(it);
    return;
  }
}

// What each shipment line ships: its picked quantity unless the request ships it short.
// Errors: invalid_argument naming every request line that does not fit the shipment.
Result<std::map<int, int64_t>> ShippedQuantities(const fulfillment::Shipment& s,
                                                 const ShipmentConfirmation& request) {
  std::map<int, int64_t> shipped;
  for (const auto& l : s.lines) shipped[l.line_no] = l.quantity;
  std::vector<FieldError> errors;
  for (size_t i = 0; i < request.lines.size(); ++i) {
    const ShippedLine& r = request.lines[i];
    const std::string at = ElementPath("lines", i);
    auto it = shipped.find(r.line_no);
    if (it == shipped.end()) {
      errors.push_back({FieldPath(at, "line_no"), "not_found",
                        "line " + std::to_string(r.line_no) + " is not on " + s.number});
      continue;
    }
    int64_t picked = 0;
    for (const auto& l : s.lines) {
      if (l.line_no == r.line_no) picked = l.quantity;
    }
    if (r.quantity > picked) {
      errors.push_back({FieldPath(at, "quantity"), "out_of_range",
                        "at most the picked " + std::to_string(picked) + " can ship"});
      continue;
    }
    it->second = r.quantity;
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the lines do not fit shipment " + s.number, std::move(errors));
  }
  int64_t total = 0;
  for (const auto& [_, q] : shipped) total += q;
  if (total == 0) {
    return Status::InvalidArgument("a confirmation must ship something",
                                   {{"lines", "nothing_shipped", "every line ships 0"}});
  }
  return shipped;
}

}  // namespace

Result<fulfillment::Shipment> CreateShipment(store::Connection& conn, const CommandContext& ctx,
                                             OrderId order_id, std::string_view warehouse_code) {
  auto order = views::LoadOrder(conn, order_id);
  if (!order) return Status::NotFound("no order " + std::to_string(order_id.value()));
  auto warehouse = inventory::FindWarehouseByCode(conn, warehouse_code);
  if (!warehouse) return Status::NotFound("no warehouse " + std::string(warehouse_code));
  if (Status st = CheckShippable(*order); !st.ok()) return st;
  if (!order->allow_partial_shipment) {
    for (const auto& l : order->lines) {
      if (l.quantity_unallocated() > 0) {
        return Status::InvalidState("order " + order->number + " ships complete only and line " +
                                    std::to_string(l.line_no) + " is not fully allocated");
      }
    }
  }
  std::map<OrderLineId, int64_t> picking =
      fulfillment::PickingQuantities(conn, order->id, warehouse->id);
  fulfillment::Shipment s;
  s.order = order->id;
  s.order_number = order->number;
  s.customer = order->customer;
  s.warehouse = warehouse->id;
  s.warehouse_code = warehouse->code;
  s.created_at = ctx.now;
  s.created_by = ctx.actor;
  for (const auto& l : order->lines) {
    int64_t free = AllocatedIn(l, warehouse->id) - picking[l.id];
    if (free > 0) s.lines.push_back({l.id, l.line_no, l.item, l.sku, free, 0});
  }
  if (s.lines.empty()) {
    return Status::InvalidState("order " + order->number + " has nothing allocated in " +
                                warehouse->code + " that is not already on a pick list");
  }
  s.number = fulfillment::NextShipmentNumber(conn);
  fulfillment::InsertShipment(conn, s);
  nlohmann::json after = fulfillment::ToJson(s);
  audit::Record(conn, ctx, "shipment.create", "shipment", s.id.value(), nullptr, after);
  events::Publish(conn, ctx, "shipment.created", "shipment", s.id.value(),
                  {{"id", s.id.value()},
                   {"number", s.number},
                   {"order", s.order_number},
                   {"warehouse", s.warehouse_code}});
  return s;
}

Result<ConfirmedShipment> ConfirmShipment(store::Connection& conn, const CommandContext& ctx,
                                          ShipmentId id, const ShipmentConfirmation& request,
                                          std::optional<int64_t> expected_version) {
  auto loaded = views::LoadShipment(conn, id);
  if (!loaded) return Status::NotFound("no shipment " + std::to_string(id.value()));
  fulfillment::Shipment s = std::move(*loaded);
  if (Status st = CheckVersion(expected_version, s.version, "shipment", s.number); !st.ok()) {
    return st;
  }
  if (s.status != fulfillment::ShipmentStatus::kPicking) {
    return Status::InvalidState(
        "shipment " + s.number + " is " +
        (s.status == fulfillment::ShipmentStatus::kCancelled ? "cancelled" : "already shipped"));
  }
  auto shipped = ShippedQuantities(s, request);
  if (!shipped.ok()) return shipped.status();
  auto order = views::LoadOrder(conn, s.order);
  if (!order) return Status::NotFound("no order " + std::to_string(s.order.value()));
  if (Status st = CheckShippable(*order); !st.ok()) return st;
  if (!order->allow_partial_shipment) {
    // An order that ships complete never leaves in part: a short pick is not confirmed.
    for (const auto& l : s.lines) {
      if (shipped->at(l.line_no) < l.quantity) {
        return Status::InvalidState("order " + order->number + " ships complete only: line " +
                                    std::to_string(l.line_no) + " cannot ship short");
      }
    }
  }
  for (const auto& l : s.lines) {
    orders::OrderLine* line = order->FindLine(l.order_line);
    if (line == nullptr || AllocatedIn(*line, s.warehouse) < l.quantity) {
      return Status::InvalidState("the allocation of line " + std::to_string(l.line_no) + " in " +
                                  s.warehouse_code + " no longer covers shipment " + s.number);
    }
  }

  // Everything is checked: from here on the command writes.
  nlohmann::json shipment_before = fulfillment::ToJson(s);
  nlohmann::json order_before = orders::ToJson(*order);
  Currency currency = FindCurrency(order->currency).value_or(kUsd);
  Money cost;
  for (auto& l : s.lines) {
    orders::OrderLine& line = *order->FindLine(l.order_line);
    l.quantity_shipped = shipped->at(l.line_no);
    if (l.quantity_shipped > 0) {
      Status st = inventory::Ship(conn, ctx, line.item, s.warehouse, l.quantity_shipped, order->id,
                                  s.number);
      if (!st.ok()) return st;  // the stock row disagrees with the allocation: roll back
      auto item = catalog::FindItemById(conn, line.item);
      if (item) cost += (item->cost * l.quantity_shipped).Round(currency);
    }
    if (int64_t rest = l.quantity - l.quantity_shipped; rest > 0) {
      inventory::Deallocate(conn, ctx, line.item, s.warehouse, rest, order->id);
    }
    orders::ReduceLineAllocation(conn, line.id, s.warehouse, l.quantity);
    ReduceInMemory(line, s.warehouse, l.quantity);
    line.quantity_shipped += l.quantity_shipped;
    orders::SetLineShipped(conn, line.id, line.quantity_shipped);
  }
  s.status = fulfillment::ShipmentStatus::kShipped;
  s.carrier = request.carrier;
  s.service = request.service;
  s.tracking_number = request.tracking_number;
  s.packages = request.packages;
  s.shipped_at = ctx.now;
  if (!fulfillment::StoreConfirmation(conn, s)) {
    return Status(ErrorCode::kPreconditionFailed, "shipment " + s.number + " changed");
  }
  s.version++;
  PostShipmentCost(conn, ctx, s, cost);
  auto invoice = InvoiceShipment(conn, ctx, s, *order, request.freight);
  if (!invoice.ok()) return invoice.status();
  if (!orders::TouchOrder(conn, *order, ctx.now, std::nullopt)) {
    return Status(ErrorCode::kPreconditionFailed, "order " + order->number + " changed");
  }
  order->version++;
  order->updated_at = ctx.now;
  order->settled = RefreshOrderSettlement(conn, ctx, order->id);  // a zero-total invoice

  int64_t total = 0;
  for (const auto& l : s.lines) total += l.quantity_shipped;
  audit::Record(conn, ctx, "shipment.confirm", "shipment", s.id.value(), shipment_before,
                fulfillment::ToJson(s));
  audit::Record(conn, ctx, "order.ship", "order", order->id.value(), order_before,
                orders::ToJson(*order));
  events::Publish(conn, ctx, "shipment.confirmed", "shipment", s.id.value(),
                  {{"id", s.id.value()},
                   {"number", s.number},
                   {"order", s.order_number},
                   {"warehouse", s.warehouse_code},
                   {"carrier", request.carrier},
                   {"tracking_number", request.tracking_number},
                   {"quantity", total},
                   {"invoice", invoice->number}});
  return ConfirmedShipment{std::move(s), std::move(invoice).value()};
}

Result<fulfillment::Shipment> CancelShipment(store::Connection& conn, const CommandContext& ctx,
                                             ShipmentId id, const std::string& reason,
                                             std::optional<int64_t> expected_version) {
  if (reason.empty()) {
    return Status::InvalidArgument("a cancellation needs a reason",
                                   {{"reason", "required", "say why the pick list is cancelled"}});
  }
  if (auto problem = CheckText(reason, text_limits::kCancelReason, "reason")) {
    return Status::InvalidArgument("the reason is not acceptable text", {std::move(*problem)});
  }
  auto loaded = views::LoadShipment(conn, id);
  if (!loaded) return Status::NotFound("no shipment " + std::to_string(id.value()));
  fulfillment::Shipment s = std::move(*loaded);
  if (Status st = CheckVersion(expected_version, s.version, "shipment", s.number); !st.ok()) {
    return st;
  }
  if (s.status != fulfillment::ShipmentStatus::kPicking) {
    return Status::InvalidState("shipment " + s.number + " is " +
                                std::string(fulfillment::StatusName(s.status)) +
                                ": only a pick list being picked can be cancelled");
  }
  nlohmann::json before = fulfillment::ToJson(s);
  s.cancelled_at = ctx.now;
  s.cancel_reason = reason;
  if (!fulfillment::StoreCancellation(conn, s)) {
    return Status(ErrorCode::kPreconditionFailed, "shipment " + s.number + " changed");
  }
  s.status = fulfillment::ShipmentStatus::kCancelled;
  s.version++;
  audit::Record(conn, ctx, "shipment.cancel", "shipment", s.id.value(), before,
                fulfillment::ToJson(s));
  events::Publish(conn, ctx, "shipment.cancelled", "shipment", s.id.value(),
                  {{"id", s.id.value()},
                   {"number", s.number},
                   {"order", s.order_number},
                   {"warehouse", s.warehouse_code},
                   {"reason", reason}});
  return s;
}

}  // namespace ordo::flows
