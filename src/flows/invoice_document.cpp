#include "flows/invoice_document.h"

#include "catalog/item_repository.h"
#include "customers/customer_repository.h"
#include "flows/configured_lines.h"
#include "flows/customer_part_label.h"
#include "flows/document_addresses.h"
#include "invoicing/tax_rates.h"
#include "orders/order_repository.h"
#include "views/order_view.h"

namespace ordo::flows {

using documents::Align;
using documents::PrintedDocument;

namespace {

// ", certificate 12-345" for a certificate; "" for a customer exempt everywhere.
std::string ExemptionText(const std::string& exemption) {
  return exemption == "customer" ? "" : ", certificate " + exemption;
}

}  // namespace

PrintedDocument InvoiceDocument(const InvoiceDocumentSource& source) {
  const invoicing::Invoice& v = source.invoice;
  const int digits = FindCurrency(v.currency).value_or(kUsd).minor_digits;
  auto money = [digits](Money m) { return m.Format(digits); };
  PrintedDocument d;
  d.title = "INVOICE";
  d.number = v.number;
  d.header_fields.push_back({"Invoice date", FormatDate(v.invoice_date)});
  d.header_fields.push_back({"Order", v.order_number});
  if (!source.order.po_number.empty()) {
    d.header_fields.push_back({"PO number", source.order.po_number});
  }
  d.header_fields.push_back({"Customer", v.customer_code});
  if (!v.shipment_number.empty()) d.header_fields.push_back({"Shipment", v.shipment_number});
  d.header_fields.push_back({"Terms", v.payment_terms});
  d.header_fields.push_back({"Due date", FormatDate(v.due_date)});
  if (v.discount_date) {
    d.header_fields.push_back(
        {"Discount", Money::FromUnits(int64_t{v.discount_bp} * 100).Format(0) + "% if paid by " +
                         FormatDate(*v.discount_date)});
  }
  d.addresses = {BillToBlock(source.customer), ShipToBlock(source.customer, source.order.ship_to)};

  d.table.columns = {{"Line", Align::kRight},
                     {"SKU"},
                     {"Description", Align::kLeft, true},
                     {"Qty", Align::kRight},
                     {"Unit price", Align::kRight},
                     {"Tax %", Align::kRight},
                     {"Amount", Align::kRight}};
  for (const auto& l : v.lines) {
    auto item = source.items.find(l.sku);
    d.table.rows.push_back(
        {std::to_string(l.line_no), l.sku,
         item == source.items.end()
             ? ""
             : WithCustomerPart(item->second.name, source.order.FindLine(l.order_line)),
         std::to_string(l.quantity), l.unit_price.Format(digits),
         invoicing::FormatRatePercent(l.tax_rate_ppm), money(l.extended_amount)});
    d.table.details.push_back(PrintedConfiguration(source.order.FindLine(l.order_line)));
  }
  d.totals = {{"Subtotal", money(v.subtotal)},
              {v.tax_exemption ? "Tax (exempt" + ExemptionText(*v.tax_exemption) + ")" : "Tax",
               money(v.tax)},
              {"Freight", money(v.freight)},
              {"Total " + v.currency, money(v.total), true}};
  if (!v.amount_paid.is_zero()) d.totals.push_back({"Paid", money(v.amount_paid)});
  if (!v.discount_taken.is_zero()) {
    d.totals.push_back({"Discount taken", money(v.discount_taken)});
  }
  if (!v.amount_credited.is_zero()) d.totals.push_back({"Credited", money(v.amount_credited)});
  if (v.balance() != v.total) {
    d.totals.push_back({"Balance due " + v.currency, money(v.balance()), true});
  }
  d.footer_lines = {"Please quote " + v.number + " with your payment.",
                    "Amounts in " + v.currency + "."};
  return d;
}

Result<PrintedDocument> LoadInvoiceDocument(store::Connection& conn,
                                            const invoicing::Invoice& invoice) {
  InvoiceDocumentSource source;
  source.invoice = invoice;
  auto order = views::LoadOrder(conn, invoice.order);  // named: its configured lines too
  if (!order) return Status::Internal("invoice " + invoice.number + " has no order");
  source.order = std::move(*order);
  auto customer = customers::FindCustomerById(conn, invoice.customer);
  if (!customer) return Status::Internal("invoice " + invoice.number + " has no customer");
  source.customer = std::move(*customer);
  for (const auto& l : invoice.lines) {
    if (source.items.contains(l.sku)) continue;
    auto item = catalog::FindItemById(conn, l.item);
    if (!item) return Status::Internal("invoice " + invoice.number + " has an unknown item");
    source.items.emplace(l.sku, std::move(*item));
  }
  return InvoiceDocument(source);
}

}  // namespace ordo::flows
