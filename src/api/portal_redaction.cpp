#include "api/portal_redaction.h"

#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace ordo::api {
namespace {

using json = nlohmann::ordered_json;

// A field's path in a document; "*" stands for every element of an array.
using Path = std::vector<std::string_view>;

const std::vector<Path>& StaffOnly(PortalDocument kind) {
  static const std::vector<Path> kOrder = {{"created_by"},
                                           {"cancel_reason"},
                                           {"lines", "*", "override_reason"},
                                           {"lines", "*", "unit_cost"}};
  static const std::vector<Path> kReturn = {{"created_by"}};
  static const std::vector<Path> kReturnList = {{"items", "*", "created_by"}};
  static const std::vector<Path> kShipment = {{"cancel_reason"}};
  static const std::vector<Path> kShipmentList = {{"items", "*", "cancel_reason"}};
  static const std::vector<Path> kItem = {{"cost"}};
  static const std::vector<Path> kItemList = {{"items", "*", "cost"}};
  static const std::vector<Path> kAvailability = {{"warehouses", "*", "on_hand"},
                                                  {"warehouses", "*", "allocated"}};
  static const std::vector<Path> kNone;
  switch (kind) {
    case PortalDocument::kOrder:
      return kOrder;
    case PortalDocument::kReturn:
      return kReturn;
    case PortalDocument::kReturnList:
      return kReturnList;
    case PortalDocument::kShipment:
      return kShipment;
    case PortalDocument::kShipmentList:
      return kShipmentList;
    case PortalDocument::kItem:
      return kItem;
    case PortalDocument::kItemList:
      return kItemList;
    case PortalDocument::kAvailability:
      return kAvailability;
    case PortalDocument::kOrderTimeline:
      return kNone;  // by event type, below
  }
  return kNone;
}

// The order timeline's staff-only payload fields, by event type: free text staff typed.
constexpr std::pair<std::string_view, std::string_view> kStaffOnlyPayload[] = {
    {"order.cancelled", "reason"},
    {"order.hold_released", "note"},
};

void Erase(json& node, const Path& path, size_t at) {
  if (at + 1 == path.size()) {
    if (node.is_object()) node.erase(std::string(path[at]));
    return;
  }
  if (path[at] == "*") {
    if (!node.is_array()) return;
    for (json& element : node) Erase(element, path, at + 1);
    return;
  }
  if (!node.is_object()) return;
  auto it = node.find(std::string(path[at]));
  if (it != node.end()) Erase(*it, path, at + 1);
}

void RedactTimeline(json& doc) {
  if (!doc.is_object() || !doc.contains("items") || !doc["items"].is_array()) return;
  for (json& event : doc["items"]) {
    if (!event.is_object() || !event.contains("payload") || !event["payload"].is_object()) {
      continue;
    }
    std::string type = event.value("type", "");
    for (const auto& [event_type, field] : kStaffOnlyPayload) {
      if (type == event_type) event["payload"].erase(std::string(field));
    }
  }
}

}  // namespace

void RedactForPortal(PortalDocument kind, json& doc) {
  if (kind == PortalDocument::kOrderTimeline) return RedactTimeline(doc);
  for (const Path& path : StaffOnly(kind)) Erase(doc, path, 0);
}

http::Response ForPortal(const auth::Principal& who, PortalDocument kind, http::Response response) {
  if (!who.customer_id) return response;
  return RedactResponse(kind, std::move(response));
}

http::Response RedactResponse(PortalDocument kind, http::Response response) {
  bool is_json = response.Header("Content-Type").value_or("") == "application/json";
  if (response.status < 200 || response.status >= 300 || !is_json) return response;
  json doc = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return response;
  RedactForPortal(kind, doc);
  response.body = doc.dump();
  return response;
}

http::Responder ForPortal(const auth::Principal& who, PortalDocument kind,
                          http::Responder respond) {
  if (!who.customer_id) return respond;
  return [who, kind, respond = std::move(respond)](http::Response response) {
    respond(ForPortal(who, kind, std::move(response)));
  };
}

}  // namespace ordo::api
