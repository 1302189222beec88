#include "receivables/payment.h"

namespace ordo::receivables {

bool IsPaymentMethod(std::string_view method) {
  return method == "check" || method == "ach" || method == "wire" || method == "card";
}

nlohmann::json ToJson(const Payment& p) {
  int digits = FindCurrency(p.currency).value_or(kUsd).minor_digits;
  nlohmann::json apps = nlohmann::json::array();
  for (const auto& a : p.applications) {
    apps.push_back({{"invoice", a.invoice_number},
                    {"amount", a.amount.Format(digits)},
                    {"discount", a.discount.Format(digits)},
                    {"applied_date", FormatDate(a.applied_date)}});
  }
  return {{"id", p.id.value()},
          {"number", p.number},
          {"customer", p.customer_code},
          {"amount", p.amount.Format(digits)},
          {"applied", p.amount_applied.Format(digits)},
          {"unapplied", p.unapplied().Format(digits)},
          {"method", p.method},
          {"reference", p.reference},
          {"received_date", FormatDate(p.received_date)},
          {"currency", p.currency},
          {"applications", std::move(apps)},
          {"version", p.version},
          {"created_at", FormatRfc3339(p.created_at)}};
}

}  // namespace ordo::receivables
