// Shipments: the pick list of one order in one warehouse, and, once confirmed, what left the
// warehouse with which carrier.
//
// A shipment is created "picking" with the quantities to pick per order line; confirming it
// makes it "shipped" with what was really shipped per line (at most the picked quantity: a
// short shipment ships less). A shipped shipment never changes again.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"

namespace ordo::fulfillment {

enum class ShipmentStatus { kPicking, kShipped, kCancelled };

std::string_view StatusName(ShipmentStatus s);
std::optional<ShipmentStatus> StatusFromName(std::string_view name);

struct ShipmentLine {
  OrderLineId order_line;
  int line_no = 0;
  ItemId item;                   // the order line's, copied when the pick list is made
  std::string sku;               // display name (see Shipment)
  int64_t quantity = 0;          // picked: to be shipped
  int64_t quantity_shipped = 0;  // 0 until confirmed
};

struct Package {
  std::string weight;  // a positive decimal, kept as the exact text given
};

// A shipment refers to its order, customer, warehouse and items by id. The order number,
// warehouse code and SKUs it shows are display names this module never reads: the command
// that makes a pick list fills them from what it loaded, and the read model
// (views/shipment_view.h) fills them for a stored shipment. The repository leaves them empty.
struct Shipment {
  ShipmentId id;
  std::string number;  // "SH-000001"
  OrderId order;
  std::string order_number;  // display name
  CustomerId customer;       // the order's, copied when the pick list is made: portal scope
  WarehouseId warehouse;
  std::string warehouse_code;  // display name
  ShipmentStatus status = ShipmentStatus::kPicking;
  std::optional<std::string> carrier;
  std::optional<std::string> service;
  std::optional<std::string> tracking_number;
  std::vector<Package> packages;
  int64_t version = 1;
  Timestamp created_at;
  std::optional<Timestamp> shipped_at;
  std::optional<Timestamp> cancelled_at;  // set when a pick list was cancelled
  std::optional<std::string> cancel_reason;
  std::string created_by;
  std::vector<ShipmentLine> lines;
};

// The shipment as the API and audit records show it:
// {"id", "number", "status", "order", "warehouse", "carrier", "service", "tracking_number",
//  "packages": [{"weight"}], "lines": [{"line_no", "sku", "quantity", "quantity_shipped"}],
//  "version", "created_at", "shipped_at", "cancelled_at", "cancel_reason"}; absent carrier
//  data, shipped_at and the cancellation are null.
nlohmann::json ToJson(const Shipment& shipment);

}  // namespace ordo::fulfillment
