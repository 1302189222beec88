#include "core/quantity.h"

#include <algorithm>
#include <optional>

#include "core/decimal_syntax.h"
#include "core/field_path.h"
#include "core/text_limits.h"

namespace ordo {
namespace {

constexpr int64_t kMaxAmount = 1'000'000'000'000;
constexpr size_t kMaxUomLength = text_limits::kUom.max_chars;
constexpr int64_t kMinPackQuantity = 2;

bool IsUpper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

Status QuantityError(std::string message, std::string code, std::string field_message) {
  return Status::InvalidArgument(std::move(message),
                                 {FieldError{"", std::move(code), std::move(field_message)}});
}

std::string PackField(size_t index, std::string_view name) {
  return FieldPath("pack_sizes", index, name);
}

}  // namespace

bool IsValidUom(std::string_view uom) {
  if (uom.empty() || uom.size() > kMaxUomLength || !IsUpper(uom.front())) return false;
  return std::all_of(uom.begin(), uom.end(), [](char c) { return IsUpper(c) || IsDigit(c); });
}

Result<int64_t> ParseWholeAmount(std::string_view text) {
  std::string quoted = "\"";
  quoted.append(text);
  quoted += '"';
  const std::optional<internal::DecimalParts> parts = internal::SplitDecimal(text);
  if (!parts) {
    return QuantityError("invalid quantity " + quoted, "invalid_quantity",
                         "must be a number such as \"12\"");
  }
  if (parts->fraction.find_first_not_of('0') != std::string_view::npos) {
    return QuantityError("quantity " + quoted + " is not a whole number of units",
                         "not_whole_units", "must be a whole number of units");
  }
  int64_t magnitude = 0;
  for (char c : parts->whole) {
    magnitude = magnitude * 10 + (c - '0');
    if (magnitude > kMaxAmount) {
      return QuantityError("quantity " + quoted + " is out of range", "out_of_range",
                           "must be between -1000000000000 and 1000000000000");
    }
  }
  return parts->negative ? -magnitude : magnitude;
}

Status UnitConversions::Validate(std::string_view base_uom, const std::vector<PackSize>& packs) {
  std::vector<FieldError> errors;
  if (!IsValidUom(base_uom)) {
    errors.push_back({"base_uom", "invalid_uom", "must be 1..8 upper-case letters or digits"});
  }
  for (size_t i = 0; i < packs.size(); ++i) {
    const PackSize& pack = packs[i];
    const auto earlier_end = packs.begin() + static_cast<std::ptrdiff_t>(i);
    if (!IsValidUom(pack.uom)) {
      errors.push_back({PackField(i, "uom"), "invalid_uom",
                        "must be 1..8 upper-case letters or digits, starting with a letter"});
    } else if (pack.uom == base_uom) {
      errors.push_back({PackField(i, "uom"), "same_as_base_uom", "must differ from the base uom"});
    } else if (std::any_of(packs.begin(), earlier_end,
                           [&](const PackSize& other) { return other.uom == pack.uom; })) {
      errors.push_back({PackField(i, "uom"), "duplicate_uom", "is listed more than once"});
    }
    if (pack.quantity < kMinPackQuantity) {
      errors.push_back({PackField(i, "quantity"), "invalid_pack_quantity", "must be at least 2"});
    } else if (pack.quantity > kMaxAmount) {
      errors.push_back({PackField(i, "quantity"), "out_of_range", "must be at most 1000000000000"});
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("invalid pack sizes", std::move(errors));
}

int64_t UnitConversions::UnitsPer(std::string_view uom) const {
  if (uom == base_uom_) return 1;
  for (const PackSize& pack : packs_) {
    if (pack.uom == uom) return pack.quantity;
  }
  return 0;
}

Result<int64_t> UnitConversions::ToBase(const Quantity& q) const {
  const int64_t per = UnitsPer(q.uom);
  if (per == 0) {
    return QuantityError("unknown unit of measure \"" + q.uom + "\"", "unknown_uom",
                         "must be " + base_uom_ + " or one of the item's pack sizes");
  }
  int64_t base = 0;
  if (__builtin_mul_overflow(q.amount, per, &base) || base > kMaxAmount || base < -kMaxAmount) {
    return QuantityError("quantity is out of range", "out_of_range",
                         "must be at most 1000000000000 " + base_uom_);
  }
  return base;
}

}  // namespace ordo
