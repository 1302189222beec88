#include "invoicing/credit_memo.h"

#include "invoicing/tax_rates.h"

namespace ordo::invoicing {

std::string_view StatusName(CreditMemoStatus s) {
  switch (s) {
    case CreditMemoStatus::kOpen:
      return "open";
    case CreditMemoStatus::kApplied:
      return "applied";
    case CreditMemoStatus::kRefunded:
      return "refunded";
  }
  return "open";
}

std::optional<CreditMemoStatus> CreditMemoStatusFromName(std::string_view name) {
  if (name == "open") return CreditMemoStatus::kOpen;
  if (name == "applied") return CreditMemoStatus::kApplied;
  if (name == "refunded") return CreditMemoStatus::kRefunded;
  return std::nullopt;
}

bool IsRefundMethod(std::string_view method) {
  return method == "check" || method == "ach" || method == "wire" || method == "card";
}

CreditMemoStatus CreditMemo::DerivedStatus() const {
  if (balance() > Money()) return CreditMemoStatus::kOpen;
  return amount_refunded.is_zero() ? CreditMemoStatus::kApplied : CreditMemoStatus::kRefunded;
}

nlohmann::json ToJson(const CreditMemo& m) {
  int digits = FindCurrency(m.currency).value_or(kUsd).minor_digits;
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : m.lines) {
    lines.push_back({{"line_no", l.line_no},
                     {"order_line_no", l.order_line_no},
                     {"sku", l.sku},
                     {"quantity", l.quantity},
                     {"unit_price", l.unit_price.Format(4)},
                     {"extended_amount", l.extended_amount.Format(digits)},
                     {"tax_rate_percent", FormatRatePercent(l.tax_rate_ppm)},
                     {"tax", l.tax_amount.Format(digits)},
                     {"discount_adjustment", l.discount_adjustment.Format(digits)},
                     {"invoice", l.invoice_number}});
  }
  nlohmann::json applications = nlohmann::json::array();
  for (const auto& a : m.applications) {
    applications.push_back({{"invoice", a.invoice_number},
                            {"amount", a.amount.Format(digits)},
                            {"at", FormatRfc3339(a.at)}});
  }
  nlohmann::json refunds = nlohmann::json::array();
  for (const auto& r : m.refunds) {
    refunds.push_back({{"amount", r.amount.Format(digits)},
                       {"method", r.method},
                       {"reference", r.reference},
                       {"at", FormatRfc3339(r.at)}});
  }
  auto text_or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json() : nlohmann::json(s);
  };
  return {{"id", m.id.value()},
          {"number", m.number},
          {"customer", m.customer_code},
          {"return", text_or_null(m.return_number)},
          {"order", text_or_null(m.order_number)},
          {"invoice", m.invoice ? nlohmann::json(m.invoice_number) : nlohmann::json()},
          {"memo_date", FormatDate(m.memo_date)},
          {"currency", m.currency},
          {"lines", std::move(lines)},
          {"subtotal", m.subtotal.Format(digits)},
          {"tax", m.tax.Format(digits)},
          {"discount_adjustment", m.discount_adjustment.Format(digits)},
          {"total", m.total.Format(digits)},
          {"amount_applied", m.amount_applied.Format(digits)},
          {"amount_refunded", m.amount_refunded.Format(digits)},
          {"balance", m.balance().Format(digits)},
          {"status", StatusName(m.status)},
          {"applications", std::move(applications)},
          {"refunds", std::move(refunds)},
          {"version", m.version},
          {"created_at", FormatRfc3339(m.created_at)}};
}

}  // namespace ordo::invoicing
