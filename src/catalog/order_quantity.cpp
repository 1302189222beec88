#include "catalog/order_quantity.h"

namespace ordo::catalog {

std::optional<FieldError> CheckOrderQuantity(const Item& item, int64_t base_quantity,
                                             const std::string& path) {
  auto units = [&](int64_t n) { return std::to_string(n) + " " + item.uom; };
  const std::string has = "; this line has " + units(base_quantity);
  if (base_quantity < item.min_order_quantity) {
    return FieldError{
        path, "below_minimum",
        "item " + item.sku + " is ordered at least " + units(item.min_order_quantity) + has};
  }
  if (item.order_multiple > 1 && base_quantity % item.order_multiple != 0) {
    return FieldError{
        path, "not_a_multiple",
        "item " + item.sku + " is ordered in multiples of " + units(item.order_multiple) + has};
  }
  return std::nullopt;
}

}  // namespace ordo::catalog
