// The printed documents filled with the longest text every field accepts (core/text_limits.h)
// render, and their text shows where it was cut: the packing slip and the invoice against
// golden files, the credit memo by its lines. Rows written before the limits existed may hold
// far longer text (a 70,000-character ship-to line once made every PDF of its order fail with
// libharu's HPDF_STRING_OUT_OF_RANGE): those render too, every line cut to the page.
//
// ORDO_UPDATE_GOLDEN=1 rewrites golden/*_longest.txt from the current output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/text_check.h"
#include "core/text_limits.h"
#include "documents/golden.h"
#include "documents/pdf_renderer.h"
#include "flows/credit_memo_document.h"
#include "flows/invoice_document.h"
#include "flows/packing_slip.h"
#include "support/pdf_text.h"

namespace ordo::flows {
namespace {

namespace tl = text_limits;
using ::testing::HasSubstr;

Money M(std::string_view text) {
  return Money::Parse(text).value();
}

// `count` characters: `first` (ASCII, so each field can be told apart) and then "Wü" repeated
// (a wide letter and a WinAnsi one); or, with `pad` of 0, `first` alone.
std::string Text(std::string_view first, size_t count, std::string_view pad = "Wü") {
  std::string out(first);
  size_t chars = first.size();
  for (size_t i = 0; chars < count; ++i, ++chars) {
    out += i % 2 == 0 ? pad.substr(0, 1) : pad.substr(1);
  }
  return out;
}

// The limit's longest accepted text, checked to be accepted.
std::string Longest(std::string_view first, TextLimit limit) {
  std::string text = Text(first, limit.max_chars);
  EXPECT_EQ(CheckText(text, limit, std::string(first)), std::nullopt) << first;
  return text;
}

// Every text of the documents' sources at its field's limit (`size` 0), or at `size`
// characters whatever the limit (rows older than the limits).
struct Texts {
  size_t size = 0;
  std::string Of(std::string_view first, TextLimit limit) const {
    return size == 0 ? Longest(first, limit) : Text(first, size);
  }
};

customers::Customer Customer(const Texts& t) {
  customers::Customer c;
  c.id = CustomerId(3);
  c.code = t.Of("C", tl::kCustomerCode);
  c.name = t.Of("Name", tl::kCustomerName);
  c.bill_to = {t.Of("Bill", tl::kAddressLine), t.Of("City", tl::kCity), t.Of("Region", tl::kRegion),
               t.Of("Zip", tl::kPostalCode), t.Of("Country", tl::kCountry)};
  customers::ShipTo ship_to;
  ship_to.id = ShipToId(5);
  ship_to.code = t.Of("ST", tl::kShipToCode);
  ship_to.name = t.Of("ShipToName", tl::kShipToName);
  ship_to.address = {t.Of("Line", tl::kAddressLine), t.Of("Town", tl::kCity),
                     t.Of("State", tl::kRegion), t.Of("Post", tl::kPostalCode),
                     t.Of("Land", tl::kCountry)};
  c.ship_tos = {ship_to};
  return c;
}

// SKUs are ASCII letters and digits only: the longest is 64 of them.
std::string Sku(const Texts& t) {
  return t.size == 0 ? std::string(tl::kSku.max_chars, 'W') : std::string(t.size, 'W');
}

catalog::Item Item(const Texts& t) {
  catalog::Item item;
  item.id = ItemId(1);
  item.sku = Sku(t);
  item.name = t.Of("Item", tl::kItemName);
  item.uom = std::string(tl::kUom.max_chars, 'W');
  return item;
}

orders::Order Order(const Texts& t) {
  orders::Order o;
  o.id = OrderId(17);
  o.number = "SO-000017";
  o.customer = CustomerId(3);
  o.customer_code = t.Of("C", tl::kCustomerCode);
  o.ship_to = ShipToId(5);
  o.po_number = t.Of("PO", tl::kPoNumber);
  orders::OrderLine line;
  line.id = OrderLineId(101);
  line.line_no = 1;
  line.sku = Sku(t);
  line.quantity = 24;
  o.lines = {line};
  return o;
}

PackingSlipSource SlipSource(const Texts& t) {
  PackingSlipSource src;
  src.order = Order(t);
  src.customer = Customer(t);
  src.warehouse.id = WarehouseId(2);
  src.warehouse.code = t.Of("WH", tl::kWarehouseCode);
  src.warehouse.name = t.Of("Warehouse", tl::kWarehouseName);
  src.warehouse.address = {t.Of("Dock", tl::kAddressLine), t.Of("Reno", tl::kCity),
                           t.Of("NV", tl::kRegion), t.Of("89502", tl::kPostalCode),
                           t.Of("US", tl::kCountry)};
  src.items = {{Sku(t), Item(t)}};
  fulfillment::Shipment& s = src.shipment;
  s.id = ShipmentId(42);
  s.number = "SH-000042";
  s.order = src.order.id;
  s.order_number = src.order.number;
  s.customer = src.customer.id;
  s.warehouse = src.warehouse.id;
  s.warehouse_code = src.warehouse.code;
  s.status = fulfillment::ShipmentStatus::kShipped;
  s.carrier = t.Of("Carrier", tl::kCarrier);
  s.service = t.Of("Service", tl::kCarrierService);
  s.tracking_number = t.Of("Track", tl::kTrackingNumber);
  s.packages = {{"12.5"}};
  s.created_at = ParseRfc3339("2026-11-23T16:00:00Z").value();
  s.shipped_at = ParseRfc3339("2026-11-24T23:30:00Z").value();
  s.lines = {{OrderLineId(101), 1, ItemId(1), Sku(t), 24, 24}};
  return src;
}

InvoiceDocumentSource InvoiceSource(const Texts& t) {
  InvoiceDocumentSource src;
  src.order = Order(t);
  src.customer = Customer(t);
  src.items = {{Sku(t), Item(t)}};
  invoicing::Invoice& v = src.invoice;
  v.id = invoicing::InvoiceId(7);
  v.number = "IN-000007";
  v.customer = src.customer.id;
  v.customer_code = src.customer.code;
  v.order = src.order.id;
  v.order_number = "SO-000017";
  v.shipment = ShipmentId(42);
  v.shipment_number = "SH-000042";
  v.invoice_date = *ParseDate("2026-11-24");
  v.due_date = *ParseDate("2026-12-24");
  v.payment_terms = "NET30";
  v.lines = {{1, OrderLineId(101), ItemId(1), Sku(t), 3, M("10.00"), M("30.00"),
              t.Of("Class", tl::kTaxClass), 0, M("0")}};
  v.subtotal = M("30.00");
  v.total = M("30.00");
  return src;
}

CreditMemoDocumentSource MemoSource(const Texts& t) {
  CreditMemoDocumentSource src;
  src.customer = Customer(t);
  src.items = {{Sku(t), Item(t)}};
  invoicing::CreditMemo& m = src.memo;
  m.id = invoicing::CreditMemoId(3);
  m.number = "CM-000003";
  m.customer = src.customer.id;
  m.customer_code = src.customer.code;
  m.return_id = 2;
  m.return_number = "RA-000002";
  m.order_number = "SO-000017";
  m.invoice = invoicing::InvoiceId(7);
  m.invoice_number = "IN-000007";
  m.memo_date = *ParseDate("2026-12-01");
  invoicing::CreditMemoLine line;
  line.line_no = 1;
  line.order_line_no = 1;
  line.sku = Sku(t);
  line.invoice_number = "IN-000007";
  line.invoice_line_no = 1;
  line.quantity = 2;
  line.unit_price = M("10.00");
  line.extended_amount = M("20.00");
  m.lines = {line};
  m.subtotal = M("20.00");
  m.total = M("20.00");
  return src;
}

std::string PdfText(const documents::PrintedDocument& d) {
  return test_support::ExtractPdfText(documents::RenderPdf(d));
}

// The longest line of `text`, in characters.
size_t LongestLine(const std::string& text) {
  std::istringstream in(text);
  size_t longest = 0;
  for (std::string line; std::getline(in, line);) {
    longest = std::max(longest, CountCharacters(line));
  }
  return longest;
}

TEST(LongestText, PackingSlipCutsEveryLongFieldWithAnEllipsis) {
  std::string text = PdfText(PackingSlip(SlipSource(Texts{})));
  test_support::ExpectMatchesGolden("packing_slip_longest.txt", text);
  EXPECT_THAT(text, HasSubstr("Carrier | CarrierWüWü"));
  EXPECT_THAT(text, HasSubstr("…"));
  // The 64-character SKU is cut in its column; the headings and figures beside it are whole.
  EXPECT_THAT(text, HasSubstr("\nLine | SKU | Item | UOM | Ordered | Picked | Shipped\n"));
  EXPECT_THAT(text, HasSubstr("… | WWWWWWWW | 24 | 24 | 24\n"));
}

TEST(LongestText, InvoiceCutsEveryLongFieldWithAnEllipsis) {
  std::string text = PdfText(InvoiceDocument(InvoiceSource(Texts{})));
  test_support::ExpectMatchesGolden("invoice_longest.txt", text);
  EXPECT_THAT(text, HasSubstr("PO number | POWüWü"));
  EXPECT_THAT(text, HasSubstr("…"));
  EXPECT_THAT(text, HasSubstr("… | 3 | 10.00 | 0 | 30.00\n"));
}

TEST(LongestText, CreditMemoRendersWithTheLongestText) {
  std::string text = PdfText(CreditMemoDocument(MemoSource(Texts{})));
  EXPECT_THAT(text, HasSubstr("NameWüWü"));
  EXPECT_THAT(text, HasSubstr("…"));
  EXPECT_THAT(text, HasSubstr("| IN-000007 | 2 | 10.00 | 0 | 20.00\n"));
}

// Rows from before the limits: 70,000 characters in every field, the carrier alone past
// libharu's 65,535 bytes per string. Each document renders, cut to the page.
TEST(LongestText, RowsLongerThanTheLimitsStillRender) {
  const Texts huge{70'000};
  for (const documents::PrintedDocument& d :
       {PackingSlip(SlipSource(huge)), InvoiceDocument(InvoiceSource(huge)),
        CreditMemoDocument(MemoSource(huge))}) {
    SCOPED_TRACE(d.title);
    std::string text = PdfText(d);
    EXPECT_THAT(text, HasSubstr("…"));
    EXPECT_LT(LongestLine(text), 400u);
  }
}

}  // namespace
}  // namespace ordo::flows
