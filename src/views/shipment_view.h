// The shipment as it is shown (API answers, audit images, the packing slip): the fulfillment
// module's document with its order's number, its warehouse's code and its lines' SKUs.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/ids.h"
#include "fulfillment/shipment.h"
#include "fulfillment/shipment_repository.h"
#include "store/database.h"

namespace ordo::views {

// Fills the display names of every shipment in `shipments`: three queries for all of them.
void NameShipments(store::Connection& conn, std::vector<fulfillment::Shipment>& shipments);

// fulfillment::LoadShipment / LoadShipmentByNumber / ListShipments, named.
std::optional<fulfillment::Shipment> LoadShipment(store::Connection& conn, ShipmentId id);
std::optional<fulfillment::Shipment> LoadShipmentByNumber(store::Connection& conn,
                                                          std::string_view number);
std::vector<fulfillment::Shipment> ListShipments(store::Connection& conn,
                                                 const fulfillment::ShipmentFilter& filter,
                                                 std::optional<ShipmentId> before, int limit);

}  // namespace ordo::views
