// Reads and writes of shipments and their lines. Building blocks for the shipment commands in
// src/flows/order_shipment.h; they run inside the caller's unit of work.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "fulfillment/shipment.h"
#include "store/database.h"

namespace ordo::fulfillment {

// The next shipment number ("SH-000042"), without gaps: taken inside the command's unit of
// work, so a rolled-back command gives its number back.
std::string NextShipmentNumber(store::Connection& conn);

// Writes the header and lines; fills in shipment.id. REQUIRES: at least one line, each
// quantity > 0, no order line twice.
void InsertShipment(store::Connection& conn, Shipment& shipment);

// Stores the confirmation of a picking shipment: status, carrier, service, tracking number,
// packages, shipped_at, each line's quantity_shipped, and version + 1. Returns false (and
// writes nothing) unless the stored shipment is still picking at `shipment.version`.
bool StoreConfirmation(store::Connection& conn, const Shipment& shipment);

// Stores the cancellation of a picking shipment (cancelled_at, cancel_reason, version + 1).
// Returns false (and writes nothing) unless it is still picking, uncancelled, at
// `shipment.version`.
bool StoreCancellation(store::Connection& conn, const Shipment& shipment);

std::optional<Shipment> LoadShipment(store::Connection& conn, ShipmentId id);
std::optional<Shipment> LoadShipmentByNumber(store::Connection& conn, std::string_view number);

struct ShipmentFilter {
  std::optional<ShipmentStatus> status;  // cancelled: a cancelled pick list
  std::optional<OrderId> order;
  std::optional<WarehouseId> warehouse;
  std::optional<CustomerId> customer;  // the order's
};
// At most `limit` shipments (with their lines) matching `filter` with id < `before`, newest
// first. REQUIRES: limit >= 1.
std::vector<Shipment> ListShipments(store::Connection& conn, const ShipmentFilter& filter,
                                    std::optional<ShipmentId> before, int limit);

// How many shipments were confirmed (shipped).
int64_t CountShippedShipments(store::Connection& conn);

// Per order line id: the quantity on the order's picking (not yet confirmed nor cancelled)
// shipments from
// `warehouse`.
std::map<OrderLineId, int64_t> PickingQuantities(store::Connection& conn, OrderId order,
                                                 WarehouseId warehouse);

// The quantity on each of the order's picking (not yet confirmed nor cancelled) shipments, per
// (order line id, warehouse id), in one query: what an order change may not take away.
std::map<std::pair<OrderLineId, WarehouseId>, int64_t> PickingQuantitiesOfOrder(
    store::Connection& conn, OrderId order);

// A pick list still being picked (neither confirmed nor cancelled).
struct OpenPickList {
  ShipmentId id;
  OrderId order;
  std::string number;
  int lines = 0;
};
// The open pick lists from `warehouse` of the orders in `orders`, oldest first: one query for a
// page of the warehouse's pick queue.
std::vector<OpenPickList> OpenPickLists(store::Connection& conn, WarehouseId warehouse,
                                        const std::vector<OrderId>& orders);

// The number of each shipment in `ids` that exists, by id, in one query (read models name the
// shipments other modules refer to by id: an invoice's). Repeated ids are read once.
std::unordered_map<ShipmentId, std::string> ShipmentNumbers(store::Connection& conn,
                                                            const std::vector<ShipmentId>& ids);

}  // namespace ordo::fulfillment
