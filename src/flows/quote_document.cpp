#include "flows/quote_document.h"

#include "catalog/item_repository.h"
#include "customers/customer_repository.h"
#include "flows/configured_lines.h"
#include "flows/document_addresses.h"
#include "invoicing/tax_rates.h"

namespace ordo::flows {

using documents::Align;
using documents::PrintedDocument;

Result<PrintedDocument> LoadQuoteDocument(store::Connection& conn, const QuoteDocument& d,
                                          Date today) {
  const quotes::Quote& q = d.quote;
  const quotes::QuoteVersion& v = d.shown;
  auto customer = customers::FindCustomerById(conn, CustomerId(q.customer_id));
  if (!customer) return Status::Internal("quote " + q.number + " has no customer");
  std::vector<std::string> skus;
  for (const auto& l : v.lines) skus.push_back(l.sku);
  auto items = catalog::FindItemsBySku(conn, skus);
  const int digits = FindCurrency(q.currency).value_or(kUsd).minor_digits;
  auto money = [digits](Money m) { return m.Format(digits); };

  PrintedDocument doc;
  doc.title = "QUOTATION";
  doc.number = q.number;
  doc.header_fields = {{"Version", std::to_string(v.version)},
                       {"Priced on", FormatDate(v.priced_on)},
                       {"Valid until", FormatDate(q.expires_on)},
                       {"Customer", q.customer_code},
                       {"Status", std::string(quotes::StatusName(quotes::ShownStatus(q, today)))}};
  if (q.order_number) doc.header_fields.push_back({"Order", *q.order_number});
  doc.addresses = {BillToBlock(*customer), ShipToBlock(*customer, ShipToId(q.ship_to_id))};
  doc.table.columns = {{"Line", Align::kRight},
                       {"SKU"},
                       {"Description", Align::kLeft, true},
                       {"Qty", Align::kRight},
                       {"Unit price", Align::kRight},
                       {"Price basis", Align::kLeft, true},
                       {"Tax %", Align::kRight},
                       {"Amount", Align::kRight}};
  for (const auto& l : v.lines) {
    auto item = items.find(l.sku);
    std::string name = item == items.end() ? "" : item->second.name;
    if (l.customer_part_number) name += " (your part " + *l.customer_part_number + ")";
    doc.table.rows.push_back({std::to_string(l.line_no), l.sku, name,
                              std::to_string(l.entered_quantity) + " " + l.entered_uom,
                              l.unit_price.Format(4), l.price_explanation,
                              invoicing::FormatRatePercent(l.tax_rate_ppm),
                              money(l.extended_amount)});
    doc.table.details.push_back(PrintedConfiguration(l.configuration));
  }
  doc.totals = {{"Subtotal", money(v.subtotal)},
                {"Tax", money(v.tax)},
                {"Total " + q.currency, money(v.total()), true}};
  doc.footer_lines.push_back("Prices hold through " + FormatDate(q.expires_on) +
                             "; tax is charged at the rates in force when the order is placed.");
  // Notes may hold several lines; a footer line is one.
  for (size_t at = 0; at < v.notes.size();) {
    size_t end = v.notes.find('\n', at);
    if (end == std::string::npos) end = v.notes.size();
    std::string line = v.notes.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    doc.footer_lines.push_back(std::move(line));
    at = end + 1;
  }
  doc.footer_lines.push_back("Amounts in " + q.currency + ".");
  return doc;
}

}  // namespace ordo::flows
