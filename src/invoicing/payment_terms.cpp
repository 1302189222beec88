#include "invoicing/payment_terms.h"

#include <cctype>

namespace ordo::invoicing {
namespace {

constexpr int kMaxDays = 3650;

// Reads 1..4 digits at `pos` into `out`; false when there are none or the value is too big.
bool ReadDays(std::string_view s, size_t& pos, int& out) {
  size_t start = pos;
  int value = 0;
  while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && pos - start < 4) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
  }
  if (pos == start || value > kMaxDays) return false;
  if (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) return false;
  out = value;
  return true;
}

// A percentage "2" or "1.5" or "0.75" (at most 99.99) as basis points.
bool ReadPercent(std::string_view s, size_t& pos, int& bp) {
  int whole = 0;
  size_t start = pos;
  while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && pos - start < 2) {
    whole = whole * 10 + (s[pos] - '0');
    ++pos;
  }
  if (pos == start) return false;
  int fraction = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    size_t digits = 0;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) && digits < 2) {
      fraction = fraction * 10 + (s[pos] - '0');
      ++pos;
      ++digits;
    }
    if (digits == 0) return false;
    if (digits == 1) fraction *= 10;
  }
  bp = whole * 100 + fraction;
  return bp > 0;
}

}  // namespace

std::optional<Date> PaymentTerms::DiscountDate(Date invoice_date) const {
  if (discount_bp == 0) return std::nullopt;
  return Date{invoice_date.days + discount_days};
}

std::optional<PaymentTerms> ParsePaymentTerms(std::string_view code) {
  PaymentTerms t;
  t.code = std::string(code);
  if (code == "DUE_ON_RECEIPT") return t;
  size_t pos = 0;
  if (size_t slash = code.find('/'); slash != std::string_view::npos) {
    if (!ReadPercent(code, pos, t.discount_bp) || pos != slash) return std::nullopt;
    ++pos;
    if (!ReadDays(code, pos, t.discount_days)) return std::nullopt;
  }
  if (code.substr(pos, 3) != "NET") return std::nullopt;
  pos += 3;
  if (!ReadDays(code, pos, t.net_days) || pos != code.size()) return std::nullopt;
  if (t.discount_bp > 0 && t.discount_days > t.net_days) return std::nullopt;
  return t;
}

}  // namespace ordo::invoicing
