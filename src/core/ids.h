// Typed ids and human document numbers.
//
// Ids are the database's integer keys wrapped in a type per entity, so an ItemId can never be
// passed where a CustomerId is expected. Document numbers are the human names of documents
// ("SO-000042"): a prefix, a dash and a zero-padded sequence of at least six digits.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ordo {

template <typename Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(int64_t value) : value_(value) {}
  constexpr int64_t value() const { return value_; }
  constexpr bool valid() const { return value_ > 0; }
  auto operator<=>(const Id&) const = default;

 private:
  int64_t value_ = 0;
};

using ItemId = Id<struct ItemTag>;
using CustomerId = Id<struct CustomerTag>;
using ShipToId = Id<struct ShipToTag>;
using WarehouseId = Id<struct WarehouseTag>;
using OrderId = Id<struct OrderTag>;
using OrderLineId = Id<struct OrderLineTag>;
using MovementId = Id<struct MovementTag>;
using ShipmentId = Id<struct ShipmentTag>;

// "SO-000042" for ("SO", 42). REQUIRES: sequence > 0.
std::string FormatDocumentNumber(std::string_view prefix, int64_t sequence);
// 42 for ("SO-000042", "SO"); nullopt unless `text` is exactly prefix, '-', and 1..18 digits
// with a positive value.
std::optional<int64_t> ParseDocumentNumber(std::string_view text, std::string_view prefix);

}  // namespace ordo

template <typename Tag>
struct std::hash<ordo::Id<Tag>> {
  size_t operator()(const ordo::Id<Tag>& id) const noexcept {
    return std::hash<int64_t>()(id.value());
  }
};
