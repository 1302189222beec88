// The packing slip of a shipment built in memory: its PDF's text against the golden file
// (exact), and what changes while the shipment is still being picked.
//
// ORDO_UPDATE_GOLDEN=1 rewrites golden/packing_slip.txt from the current output (and skips
// the comparison); review the diff before committing it.
#include "flows/packing_slip.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "documents/golden.h"
#include "documents/pdf_renderer.h"
#include "support/pdf_text.h"

namespace ordo::flows {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

catalog::Item Item(int64_t id, std::string sku, std::string name, std::string uom) {
  catalog::Item item;
  item.id = ItemId(id);
  item.sku = std::move(sku);
  item.name = std::move(name);
  item.uom = std::move(uom);
  return item;
}

orders::OrderLine OrderLine(int64_t id, int line_no, const std::string& sku, int64_t quantity) {
  orders::OrderLine l;
  l.id = OrderLineId(id);
  l.line_no = line_no;
  l.sku = sku;
  l.quantity = quantity;
  return l;
}

// SH-000042 of SO-000017 for Acme, shipped from the Reno warehouse on 2026-11-24 by UPS:
// line 1 in full, line 2 short (8 of 10), line 3 (a Cyrillic item name) in full.
PackingSlipSource ShippedSource() {
  PackingSlipSource src;
  src.order.id = OrderId(17);
  src.order.number = "SO-000017";
  src.order.customer = CustomerId(3);
  src.order.customer_code = "C-1001";
  src.order.ship_to = ShipToId(5);
  src.order.po_number = "PO-4711";
  src.order.lines = {OrderLine(101, 1, "WID-100", 24), OrderLine(102, 2, "CAF-7", 12),
                     OrderLine(103, 3, "RU-1", 1)};

  src.customer.id = CustomerId(3);
  src.customer.code = "C-1001";
  src.customer.name = "Acme Hardware Supply";
  customers::ShipTo main;
  main.id = ShipToId(5);
  main.code = "MAIN";
  main.name = "Receiving dock 4";
  main.address = {"1200 Industrial Pkwy", "Springfield", "IL", "62701", "US"};
  customers::ShipTo other;
  other.id = ShipToId(6);
  other.name = "Not this one";
  src.customer.ship_tos = {other, main};

  src.warehouse.id = WarehouseId(2);
  src.warehouse.code = "RNO";
  src.warehouse.name = "Reno Distribution Center";
  src.warehouse.address = {"400 Logistics Way", "Reno", "NV", "89502", "US"};

  src.items = {{"WID-100", Item(1, "WID-100", "Widget, blue (steel)", "EA")},
               {"CAF-7", Item(2, "CAF-7", "Café table – oak, 80 cm", "EA")},
               {"RU-1", Item(3, "RU-1", "Ручка door handle", "CS")}};

  fulfillment::Shipment& s = src.shipment;
  s.id = ShipmentId(42);
  s.number = "SH-000042";
  s.order = src.order.id;
  s.order_number = src.order.number;
  s.customer = src.customer.id;
  s.warehouse = src.warehouse.id;
  s.warehouse_code = "RNO";
  s.status = fulfillment::ShipmentStatus::kShipped;
  s.carrier = "UPS";
  s.service = "Ground";
  s.tracking_number = "1Z999AA10123456784";
  s.packages = {{"12.5"}, {"3"}, {"0.75"}};
  s.created_at = ParseRfc3339("2026-11-23T16:00:00Z").value();
  s.shipped_at = ParseRfc3339("2026-11-24T23:30:00Z").value();
  s.lines = {{OrderLineId(101), 1, ItemId(1), "WID-100", 24, 24},
             {OrderLineId(102), 2, ItemId(2), "CAF-7", 10, 8},
             {OrderLineId(103), 3, ItemId(3), "RU-1", 1, 1}};
  return src;
}

std::string Text(const PackingSlipSource& src) {
  return test_support::ExtractPdfText(documents::RenderPdf(PackingSlip(src)));
}

TEST(PackingSlip, ShippedShipmentMatchesTheGoldenText) {
  test_support::ExpectMatchesGolden("packing_slip.txt", Text(ShippedSource()));
}

TEST(PackingSlip, WhilePickingShowsNoShipDateCarrierOrShippedQuantities) {
  PackingSlipSource src = ShippedSource();
  fulfillment::Shipment& s = src.shipment;
  s.status = fulfillment::ShipmentStatus::kPicking;
  s.carrier.reset();
  s.service.reset();
  s.tracking_number.reset();
  s.packages.clear();
  s.shipped_at.reset();
  for (auto& l : s.lines) l.quantity_shipped = 0;
  src.order.po_number.clear();
  std::string text = Text(src);
  EXPECT_THAT(text, HasSubstr("\nShip date | not shipped\n"));
  EXPECT_THAT(text, HasSubstr("\n2 | CAF-7 | Café table – oak, 80 cm | EA | 12 | 10\n"));
  for (const char* absent : {"Carrier", "Tracking", "PO number", "Packages", "Total weight"}) {
    EXPECT_THAT(text, Not(HasSubstr(absent)));
  }
}

TEST(PackingSlip, ALineEnteredByTheCustomersPartNumberShowsIt) {
  PackingSlipSource src = ShippedSource();
  src.order.lines[0].customer_part_number = "RP-40117";
  const std::string text = Text(src);
  EXPECT_THAT(text, HasSubstr("(your part no. RP-40117)")) << text;
  EXPECT_THAT(text, Not(HasSubstr("Café table – oak, 80 cm (your"))) << text;
}

TEST(PackingSlip, TotalWeightIsTheExactSumOfThePackages) {
  PackingSlipSource src = ShippedSource();
  src.shipment.packages = {{"0.1"}, {"0.2"}, {"99.700"}, {"1000"}};
  EXPECT_THAT(Text(src), HasSubstr("\nTotal weight | 1100\n"));
  src.shipment.packages = {{"0.05"}, {"0.05"}};
  EXPECT_THAT(Text(src), HasSubstr("\nTotal weight | 0.1\n"));
}

}  // namespace
}  // namespace ordo::flows
