// What an order change may do to a line, given how far the line has gone: the pure rules of
// flows::ChangeOrder (flows/order_edit.h), kept apart so that tests can drive them with tables.
//
// Goods that are shipped, or on a pick list being picked, have left the order's hands: a line's
// quantity never goes below them, and the ship-to never changes once anything of the order is
// shipped or on a pick list. A line with shipped quantity keeps its price (its invoices billed
// it), and a line cancelled in full is done.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace ordo::flows {

// How far a line has gone, in base units.
struct LineProgress {
  int64_t quantity = 0;   // ordered
  int64_t shipped = 0;    // confirmed shipped
  int64_t cancelled = 0;  // cancelled
  int64_t picking = 0;    // on pick lists not yet confirmed nor cancelled
};

// What a change asks of one existing line.
struct LineChangeAsk {
  // The new ordered quantity, base units (removing the rest asks for what is shipped).
  std::optional<int64_t> quantity;
  bool price = false;           // a new manual price
  bool requested_date = false;  // a new requested date
};

// The least quantity the line may be changed to: what is shipped or being picked.
int64_t LowestQuantity(const LineProgress& line);

// Why the change may not be made to the line, as a field error's (field, code, message) with
// the field relative to the line ("quantity", "unit_price", "line_no"); nullopt when it may.
//   line_cancelled   the line is cancelled in full: nothing of it changes
//   below_picked     the new quantity is below LowestQuantity
//   price_fixed      a new price for a line with shipped quantity
std::optional<FieldError> LineChangeRefusal(const LineProgress& line, const LineChangeAsk& ask);

// Whether the order's ship-to may change: nothing of any line shipped or being picked.
bool ShipToMayChange(const std::vector<LineProgress>& lines);

}  // namespace ordo::flows
