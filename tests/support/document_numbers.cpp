// Document numbers PREFIX-000001..PREFIX-N without gaps, read with the checker's own parsing;
// and the small helpers the families share.
#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "store/query.h"
#include "support/checker_arithmetic.h"
#include "support/invariant_checks.h"

namespace ordo::test_support {
namespace {

// "SO-000042" with prefix "SO" -> 42: the prefix, a dash and at least six digits.
std::optional<int64_t> NumberOf(const std::string& text, const std::string& prefix) {
  if (text.size() < prefix.size() + 7 || text.compare(0, prefix.size(), prefix) != 0 ||
      text[prefix.size()] != '-') {
    return std::nullopt;
  }
  int64_t n = 0;
  for (size_t i = prefix.size() + 1; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9' || n > 1'000'000'000'000) return std::nullopt;
    n = n * 10 + (text[i] - '0');
  }
  return n;
}

std::string NumberText(const std::string& prefix, int64_t n) {
  std::string digits = std::to_string(n);
  if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
  return prefix + "-" + digits;
}

}  // namespace

void CheckNumbering(store::Connection& conn, const std::string& table, const std::string& noun,
                    const std::string& prefix, Violations& v) {
  std::set<int64_t> numbers;
  {
    const std::string sql = "SELECT id, number FROM " + table;
    store::Query q(conn, sql);
    while (q.Next()) {
      auto n = NumberOf(q.Text(1), prefix);
      if (!n) {
        v.push_back(noun + " " + std::to_string(q.Int(0)) + " has malformed number '" + q.Text(1) +
                    "'");
      } else {
        numbers.insert(*n);
      }
    }
  }
  int64_t expected = 1;
  for (int64_t n : numbers) {
    if (n != expected) {
      v.push_back(noun + " numbers have a gap: expected " + NumberText(prefix, expected) +
                  ", found " + NumberText(prefix, n));
      break;
    }
    ++expected;
  }
  store::Query q(conn, "SELECT next_value FROM sequences WHERE name = ?", prefix);
  if (!q.Next()) {
    v.push_back("sequence " + prefix + " is missing");
  } else if (q.Int(0) != static_cast<int64_t>(numbers.size()) + 1) {
    v.push_back("sequence " + prefix + " is at " + std::to_string(q.Int(0)) + " with " +
                std::to_string(numbers.size()) + " " + table);
  }
}

std::optional<int> CurrencyDigits(const std::string& code, const std::string& what, Violations& v) {
  std::optional<int> digits = MinorDigitsOf(code);
  if (!digits) v.push_back(what + " has unknown currency '" + code + "'");
  return digits;
}

std::string Units(int64_t units) {
  const uint64_t magnitude =
      units < 0 ? uint64_t{0} - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
  std::string fraction = std::to_string(magnitude % 10'000);
  fraction.insert(0, 4 - fraction.size(), '0');
  std::string out = units < 0 ? "-" : "";
  out += std::to_string(magnitude / 10'000);
  out += '.';
  out += fraction;
  return out;
}

}  // namespace ordo::test_support
