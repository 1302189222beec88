#include "invoicing/invoice.h"

#include "invoicing/tax_rates.h"

namespace ordo::invoicing {
namespace {

int MinorDigits(const std::string& currency) {
  return FindCurrency(currency).value_or(kUsd).minor_digits;
}

}  // namespace

std::string_view StatusName(InvoiceStatus s) {
  switch (s) {
    case InvoiceStatus::kOpen:
      return "open";
    case InvoiceStatus::kPaid:
      return "paid";
    case InvoiceStatus::kVoid:
      return "void";
  }
  return "open";
}

std::optional<InvoiceStatus> StatusFromName(std::string_view name) {
  if (name == "open") return InvoiceStatus::kOpen;
  if (name == "paid") return InvoiceStatus::kPaid;
  if (name == "void") return InvoiceStatus::kVoid;
  return std::nullopt;
}

const InvoiceLine* Invoice::FindLine(int line_no) const {
  for (const auto& l : lines) {
    if (l.line_no == line_no) return &l;
  }
  return nullptr;
}

nlohmann::json ToJson(const Invoice& inv) {
  int digits = MinorDigits(inv.currency);
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : inv.lines) {
    lines.push_back({{"line_no", l.line_no},
                     {"sku", l.sku},
                     {"quantity", l.quantity},
                     {"unit_price", l.unit_price.Format(4)},
                     {"extended_amount", l.extended_amount.Format(digits)},
                     {"tax_class", l.tax_class},
                     {"tax_rate_percent", FormatRatePercent(l.tax_rate_ppm)},
                     {"tax", l.tax_amount.Format(digits)}});
  }
  nlohmann::json out = {
      {"id", inv.id.value()},
      {"number", inv.number},
      {"customer", inv.customer_code},
      {"order", inv.order_number},
      {"shipment", inv.shipment ? nlohmann::json(inv.shipment_number) : nlohmann::json()},
      {"invoice_date", FormatDate(inv.invoice_date)},
      {"due_date", FormatDate(inv.due_date)},
      {"discount_date",
       inv.discount_date ? nlohmann::json(FormatDate(*inv.discount_date)) : nlohmann::json()},
      {"discount_percent", Money::FromUnits(int64_t{inv.discount_bp} * 100).Format(0)},
      {"payment_terms", inv.payment_terms},
      {"currency", inv.currency},
      {"lines", std::move(lines)},
      {"subtotal", inv.subtotal.Format(digits)},
      {"tax", inv.tax.Format(digits)},
      {"freight", inv.freight.Format(digits)},
      {"total", inv.total.Format(digits)},
      {"amount_paid", inv.amount_paid.Format(digits)},
      {"discount_taken", inv.discount_taken.Format(digits)},
      {"amount_credited", inv.amount_credited.Format(digits)},
      {"balance", inv.balance().Format(digits)},
      {"status", StatusName(inv.status)},
      {"version", inv.version},
      {"created_at", FormatRfc3339(inv.created_at)}};
  if (inv.tax_exemption) out["tax_exemption"] = *inv.tax_exemption;
  return out;
}

}  // namespace ordo::invoicing
