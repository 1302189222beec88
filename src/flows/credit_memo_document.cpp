#include "flows/credit_memo_document.h"

#include "catalog/item_repository.h"
#include "customers/customer_repository.h"
#include "flows/document_addresses.h"
#include "invoicing/tax_rates.h"

namespace ordo::flows {

using documents::Align;
using documents::PrintedDocument;

PrintedDocument CreditMemoDocument(const CreditMemoDocumentSource& source) {
  const invoicing::CreditMemo& m = source.memo;
  const int digits = FindCurrency(m.currency).value_or(kUsd).minor_digits;
  auto money = [digits](Money v) { return v.Format(digits); };
  PrintedDocument d;
  d.title = "CREDIT MEMO";
  d.number = m.number;
  d.header_fields.push_back({"Memo date", FormatDate(m.memo_date)});
  d.header_fields.push_back({"Customer", m.customer_code});
  if (!m.return_number.empty()) d.header_fields.push_back({"Return", m.return_number});
  if (!m.order_number.empty()) d.header_fields.push_back({"Order", m.order_number});
  if (m.invoice) d.header_fields.push_back({"Invoice", m.invoice_number});
  d.addresses = {BillToBlock(source.customer)};

  d.table.columns = {{"Line", Align::kRight},
                     {"SKU"},
                     {"Description", Align::kLeft, true},
                     {"Invoice"},
                     {"Qty", Align::kRight},
                     {"Unit price", Align::kRight},
                     {"Tax %", Align::kRight},
                     {"Amount", Align::kRight}};
  for (const auto& l : m.lines) {
    auto item = source.items.find(l.sku);
    d.table.rows.push_back({std::to_string(l.order_line_no), l.sku,
                            item == source.items.end() ? "" : item->second.name, l.invoice_number,
                            std::to_string(l.quantity), l.unit_price.Format(digits),
                            invoicing::FormatRatePercent(l.tax_rate_ppm),
                            money(l.extended_amount)});
  }
  d.totals = {{"Subtotal", money(m.subtotal)}, {"Tax", money(m.tax)}};
  if (!m.discount_adjustment.is_zero()) {
    d.totals.push_back({"Less early-pay discount", money(m.discount_adjustment)});
  }
  d.totals.push_back({"Total credit " + m.currency, money(m.total), true});
  if (!m.amount_applied.is_zero()) d.totals.push_back({"Applied", money(m.amount_applied)});
  if (!m.amount_refunded.is_zero()) d.totals.push_back({"Refunded", money(m.amount_refunded)});
  if (m.balance() != m.total) {
    d.totals.push_back({"Balance " + m.currency, money(m.balance()), true});
  }
  d.footer_lines = {"This credit may be applied to open invoices or refunded.",
                    "Please quote " + m.number + " in any correspondence.",
                    "Amounts in " + m.currency + "."};
  return d;
}

Result<PrintedDocument> LoadCreditMemoDocument(store::Connection& conn,
                                               const invoicing::CreditMemo& memo) {
  CreditMemoDocumentSource source;
  source.memo = memo;
  auto customer = customers::FindCustomerById(conn, memo.customer);
  if (!customer) return Status::Internal("credit memo " + memo.number + " has no customer");
  source.customer = std::move(*customer);
  for (const auto& l : memo.lines) {
    if (source.items.contains(l.sku)) continue;
    auto item = catalog::FindItemById(conn, l.item);
    if (!item) return Status::Internal("credit memo " + memo.number + " has an unknown item");
    source.items.emplace(l.sku, std::move(*item));
  }
  return CreditMemoDocument(source);
}

}  // namespace ordo::flows
