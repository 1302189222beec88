#include "flows/order_edit_rules.h"

namespace ordo::flows {

int64_t LowestQuantity(const LineProgress& line) {
  return line.shipped + line.picking;
}

std::optional<FieldError> LineChangeRefusal(const LineProgress& line, const LineChangeAsk& ask) {
  if (line.cancelled > 0 && line.shipped + line.cancelled >= line.quantity) {
    return FieldError{"line_no", "line_cancelled", "the line is cancelled: add a new line instead"};
  }
  if (ask.quantity && *ask.quantity < LowestQuantity(line)) {
    return FieldError{"quantity", "below_picked",
                      std::to_string(LowestQuantity(line)) +
                          " of the line are shipped or on a pick list: its quantity cannot go "
                          "below that"};
  }
  if (ask.price && line.shipped > 0) {
    return FieldError{"unit_price", "price_fixed",
                      "part of the line is shipped at its price: add a new line instead"};
  }
  return std::nullopt;
}

bool ShipToMayChange(const std::vector<LineProgress>& lines) {
  for (const auto& l : lines) {
    if (l.shipped > 0 || l.picking > 0) return false;
  }
  return true;
}

}  // namespace ordo::flows
