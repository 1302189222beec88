// Quantities with units of measure and pack conversions.
//
// Ordo stores every quantity as an integer count of the item's base unit ("EA"). A line may be
// entered in a pack unit ("CS" of 12); UnitConversions turns it into base units, and a quantity
// that is not a whole number of the unit it is given in is rejected, never rounded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ordo {

// One pack unit: 1 `uom` holds `quantity` base units (quantity >= 2).
struct PackSize {
  std::string uom;
  int64_t quantity = 0;
  // The pack's bar code (catalog/gtin.h); conversions ignore it.
  std::optional<std::string> gtin;
  bool operator==(const PackSize&) const = default;
};

// A quantity as entered: an amount in a unit of measure.
struct Quantity {
  int64_t amount = 0;
  std::string uom;
};

// A unit of measure code: 1..8 upper-case letters or digits, starting with a letter.
bool IsValidUom(std::string_view uom);

// Parses a quantity amount written as a decimal string ("12", "1.5", "-3"). A fractional
// amount parses only if its fractional part is zero ("12.0"); otherwise the error's field code
// is "not_whole_units". Range: |amount| <= 10^12.
Result<int64_t> ParseWholeAmount(std::string_view text);

class UnitConversions {
 public:
  // REQUIRES: IsValidUom(base_uom); packs validated with Validate().
  UnitConversions(std::string base_uom, std::vector<PackSize> packs)
      : base_uom_(std::move(base_uom)), packs_(std::move(packs)) {}

  // Checks that each pack has a valid, distinct uom different from the base, and a quantity
  // of at least 2. Field errors use paths "pack_sizes/<i>/uom" and "pack_sizes/<i>/quantity".
  static Status Validate(std::string_view base_uom, const std::vector<PackSize>& packs);

  const std::string& base_uom() const { return base_uom_; }
  const std::vector<PackSize>& packs() const { return packs_; }

  // Base units in one `uom`: 1 for the base unit, the pack size for a pack; 0 when unknown.
  int64_t UnitsPer(std::string_view uom) const;
  // The quantity in base units. Errors (invalid_argument): unknown uom ("unknown_uom"),
  // a result beyond 10^12 base units ("out_of_range").
  Result<int64_t> ToBase(const Quantity& q) const;

 private:
  std::string base_uom_;
  std::vector<PackSize> packs_;
};

}  // namespace ordo
