#include "core/ids.h"

#include <cassert>

namespace ordo {
namespace {

constexpr size_t kMinSequenceDigits = 6;
constexpr size_t kMaxSequenceDigits = 18;

}  // namespace

std::string FormatDocumentNumber(std::string_view prefix, int64_t sequence) {
  assert(sequence > 0);
  std::string digits = std::to_string(sequence);
  if (digits.size() < kMinSequenceDigits) {
    digits.insert(0, kMinSequenceDigits - digits.size(), '0');
  }
  std::string out(prefix);
  out += '-';
  out += digits;
  return out;
}

std::optional<int64_t> ParseDocumentNumber(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return std::nullopt;
  text.remove_prefix(prefix.size());
  if (text.empty() || text.front() != '-') return std::nullopt;
  text.remove_prefix(1);
  if (text.empty() || text.size() > kMaxSequenceDigits) return std::nullopt;
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return std::nullopt;
  return value;
}

}  // namespace ordo
