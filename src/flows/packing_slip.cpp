#include "flows/packing_slip.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "catalog/item_repository.h"
#include "core/decimal_syntax.h"
#include "customers/customer_repository.h"
#include "flows/configured_lines.h"
#include "flows/customer_part_label.h"
#include "flows/document_addresses.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_repository.h"
#include "views/order_view.h"

namespace ordo::flows {
namespace {

using documents::Align;
using documents::PrintedDocument;

// The exact sum of non-negative decimal texts ("12.5" + "3" = "15.5"), without trailing
// fraction zeros; nullopt when one is not a non-negative decimal.
std::optional<std::string> SumDecimals(const std::vector<fulfillment::Package>& packages) {
  std::vector<internal::DecimalParts> parts;
  size_t fraction_digits = 0;
  for (const auto& p : packages) {
    auto split = internal::SplitDecimal(p.weight);
    if (!split || split->negative) return std::nullopt;
    fraction_digits = std::max(fraction_digits, split->fraction.size());
    parts.push_back(*split);
  }
  std::string sum;  // digits, least significant first
  for (const auto& p : parts) {
    std::string digits = std::string(p.whole) + std::string(p.fraction);
    digits.append(fraction_digits - p.fraction.size(), '0');
    std::reverse(digits.begin(), digits.end());
    int carry = 0;
    for (size_t i = 0; i < std::max(sum.size(), digits.size()) || carry; ++i) {
      int d =
          carry + (i < digits.size() ? digits[i] - '0' : 0) + (i < sum.size() ? sum[i] - '0' : 0);
      if (i < sum.size()) {
        sum[i] = static_cast<char>('0' + d % 10);
      } else {
        sum += static_cast<char>('0' + d % 10);
      }
      carry = d / 10;
    }
  }
  sum.append(fraction_digits + 1 > sum.size() ? fraction_digits + 1 - sum.size() : 0, '0');
  std::reverse(sum.begin(), sum.end());
  std::string whole = sum.substr(0, sum.size() - fraction_digits);
  std::string fraction = sum.substr(sum.size() - fraction_digits);
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? whole : whole + "." + fraction;
}

}  // namespace

PrintedDocument PackingSlip(const PackingSlipSource& source) {
  const fulfillment::Shipment& s = source.shipment;
  const bool shipped = s.status == fulfillment::ShipmentStatus::kShipped;
  PrintedDocument d;
  d.title = "PACKING SLIP";
  d.number = s.number;
  d.header_fields.push_back(
      {"Ship date", shipped && s.shipped_at ? FormatDate(DateOf(*s.shipped_at)) : "not shipped"});
  d.header_fields.push_back({"Order", source.order.number});
  if (!source.order.po_number.empty()) {
    d.header_fields.push_back({"PO number", source.order.po_number});
  }
  d.header_fields.push_back({"Customer", source.order.customer_code});
  d.header_fields.push_back({"Warehouse", source.warehouse.code});
  if (s.carrier) d.header_fields.push_back({"Carrier", *s.carrier});
  if (s.service) d.header_fields.push_back({"Service", *s.service});
  if (s.tracking_number) d.header_fields.push_back({"Tracking", *s.tracking_number});

  d.addresses = {ShipToBlock(source.customer, source.order.ship_to),
                 ShipFromBlock(source.warehouse)};

  d.table.columns = {{"Line", Align::kRight},      {"SKU"},
                     {"Item", Align::kLeft, true}, {"UOM"},
                     {"Ordered", Align::kRight},   {"Picked", Align::kRight},
                     {"Shipped", Align::kRight}};
  for (const fulfillment::ShipmentLine& l : s.lines) {
    auto item = source.items.find(l.sku);
    const orders::OrderLine* line = source.order.FindLine(l.order_line);
    d.table.rows.push_back(
        {std::to_string(l.line_no), l.sku,
         item == source.items.end() ? "" : WithCustomerPart(item->second.name, line),
         item == source.items.end() ? "" : item->second.uom,
         line == nullptr ? "" : std::to_string(line->quantity), std::to_string(l.quantity),
         shipped ? std::to_string(l.quantity_shipped) : ""});
    d.table.details.push_back(PrintedConfiguration(line));
  }

  if (!s.packages.empty()) {
    d.totals.push_back({"Packages", std::to_string(s.packages.size())});
    std::string weights;
    for (const auto& p : s.packages) weights += (weights.empty() ? "" : ", ") + p.weight;
    d.totals.push_back({"Weights", weights});
    if (auto total = SumDecimals(s.packages)) {
      d.totals.push_back({"Total weight", *total, true});
    }
  }
  return d;
}

Result<PrintedDocument> LoadPackingSlip(store::Connection& conn,
                                        const fulfillment::Shipment& shipment) {
  PackingSlipSource source;
  source.shipment = shipment;
  auto order = views::LoadOrder(conn, shipment.order);
  if (!order) return Status::Internal("shipment " + shipment.number + " has no order");
  source.order = std::move(*order);
  auto customer = customers::FindCustomerById(conn, source.order.customer);
  if (!customer) return Status::Internal("order " + source.order.number + " has no customer");
  source.customer = std::move(*customer);
  auto warehouse = inventory::FindWarehouseById(conn, shipment.warehouse);
  if (!warehouse) return Status::Internal("shipment " + shipment.number + " has no warehouse");
  source.warehouse = std::move(*warehouse);
  for (const auto& l : shipment.lines) {
    if (source.items.contains(l.sku)) continue;
    auto item = catalog::FindItemById(conn, l.item);
    if (!item) return Status::Internal("shipment " + shipment.number + " has an unknown item");
    source.items.emplace(l.sku, std::move(*item));
  }
  return PackingSlip(source);
}

}  // namespace ordo::flows
