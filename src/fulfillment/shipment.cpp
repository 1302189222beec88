#include "fulfillment/shipment.h"

namespace ordo::fulfillment {

std::string_view StatusName(ShipmentStatus s) {
  switch (s) {
    case ShipmentStatus::kPicking:
      return "picking";
    case ShipmentStatus::kShipped:
      return "shipped";
    case ShipmentStatus::kCancelled:
      return "cancelled";
  }
  return "picking";
}

std::optional<ShipmentStatus> StatusFromName(std::string_view name) {
  if (name == "picking") return ShipmentStatus::kPicking;
  if (name == "shipped") return ShipmentStatus::kShipped;
  if (name == "cancelled") return ShipmentStatus::kCancelled;
  return std::nullopt;
}

nlohmann::json ToJson(const Shipment& s) {
  auto text_or_null = [](const std::optional<std::string>& v) -> nlohmann::json {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  nlohmann::json packages = nlohmann::json::array();
  for (const auto& p : s.packages) packages.push_back({{"weight", p.weight}});
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : s.lines) {
    lines.push_back({{"line_no", l.line_no},
                     {"sku", l.sku},
                     {"quantity", l.quantity},
                     {"quantity_shipped", l.quantity_shipped}});
  }
  return {{"id", s.id.value()},
          {"number", s.number},
          {"status", StatusName(s.status)},
          {"order", s.order_number},
          {"warehouse", s.warehouse_code},
          {"carrier", text_or_null(s.carrier)},
          {"service", text_or_null(s.service)},
          {"tracking_number", text_or_null(s.tracking_number)},
          {"packages", std::move(packages)},
          {"lines", std::move(lines)},
          {"version", s.version},
          {"created_at", FormatRfc3339(s.created_at)},
          {"shipped_at",
           s.shipped_at ? nlohmann::json(FormatRfc3339(*s.shipped_at)) : nlohmann::json(nullptr)},
          {"cancelled_at", s.cancelled_at ? nlohmann::json(FormatRfc3339(*s.cancelled_at))
                                          : nlohmann::json(nullptr)},
          {"cancel_reason", text_or_null(s.cancel_reason)}};
}

}  // namespace ordo::fulfillment
