// The printed invoice of an invoice built in memory: its PDF's text against the golden file
// (exact), and the settlement lines once something was paid.
#include "flows/invoice_document.h"

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

Money M(std::string_view text) {
  return Money::Parse(text).value();
}

// IN-000007 for SH-000042 of SO-000017 (Acme, NY), 2/10NET30, two lines and freight.
InvoiceDocumentSource Source() {
  InvoiceDocumentSource src;
  src.order.id = OrderId(17);
  src.order.number = "SO-000017";
  src.order.ship_to = ShipToId(5);
  src.order.po_number = "PO-4711";
  src.customer.id = CustomerId(3);
  src.customer.code = "C-1001";
  src.customer.name = "Acme Hardware Supply";
  src.customer.bill_to = {"PO Box 77", "Albany", "NY", "12201", "US"};
  customers::ShipTo main;
  main.id = ShipToId(5);
  main.name = "Receiving dock 4";
  main.address = {"1200 Industrial Pkwy", "Buffalo", "NY", "14201", "US"};
  src.customer.ship_tos = {main};
  catalog::Item widget;
  widget.sku = "WID-100";
  widget.name = "Widget, blue (steel)";
  catalog::Item food;
  food.sku = "FOOD-1";
  food.name = "Trail mix, 1 kg";
  src.items = {{"WID-100", widget}, {"FOOD-1", food}};

  invoicing::Invoice& v = src.invoice;
  v.id = invoicing::InvoiceId(7);
  v.number = "IN-000007";
  v.customer = src.customer.id;
  v.customer_code = "C-1001";
  v.order = src.order.id;
  v.order_number = "SO-000017";
  v.shipment = ShipmentId(42);
  v.shipment_number = "SH-000042";
  v.invoice_date = *ParseDate("2026-11-24");
  v.due_date = *ParseDate("2026-12-24");
  v.payment_terms = "2/10NET30";
  v.discount_date = *ParseDate("2026-12-04");
  v.discount_bp = 200;
  v.lines = {
      {1, OrderLineId(101), ItemId(1), "WID-100", 3, M("10.00"), M("30.00"), "standard", 88750,
       M("2.66")},
      {2, OrderLineId(102), ItemId(2), "FOOD-1", 3, M("2.1250"), M("6.38"), "food", 0, M("0")}};
  v.subtotal = M("36.38");
  v.tax = M("2.66");
  v.freight = M("12.40");
  v.total = M("51.44");
  return src;
}

std::string Text(const InvoiceDocumentSource& src) {
  return test_support::ExtractPdfText(documents::RenderPdf(InvoiceDocument(src)));
}

TEST(InvoiceDocument, OpenInvoiceMatchesTheGoldenText) {
  test_support::ExpectMatchesGolden("invoice.txt", Text(Source()));
}

TEST(InvoiceDocument, SettlementShowsWhatIsLeftToPay) {
  InvoiceDocumentSource src = Source();
  EXPECT_THAT(Text(src), Not(HasSubstr("Balance due")));
  src.invoice.amount_paid = M("40.00");
  src.invoice.discount_taken = M("1.03");
  std::string text = Text(src);
  EXPECT_THAT(text, HasSubstr("Paid | 40.00"));
  EXPECT_THAT(text, HasSubstr("Discount taken | 1.03"));
  EXPECT_THAT(text, HasSubstr("Balance due USD | 10.41"));
  EXPECT_THAT(text, Not(HasSubstr("Credited")));
}

}  // namespace
}  // namespace ordo::flows
