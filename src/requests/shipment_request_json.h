// Reading a shipment confirmation from its JSON form (the body of POST
// /api/v1/shipments/{ref}/confirm).
#pragma once

#include <string_view>

#include "core/status.h"
#include "flows/order_shipment.h"

namespace ordo::requests {

// Reads {"carrier", "service", "tracking_number", "packages": [{"weight"}], "freight" (optional
// money, whole cents), "lines": [{"line_no", "quantity"}] (optional)} and checks everything
// that needs no database: required non-empty UTF-8 texts, at least one package, weights
// positive decimals, quantities non-negative integers, no line_no twice. Errors:
// invalid_argument with every bad field.
Result<flows::ShipmentConfirmation> ParseShipmentConfirmationJson(std::string_view body);

}  // namespace ordo::requests
