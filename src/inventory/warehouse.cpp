#include "inventory/warehouse.h"

namespace ordo::inventory {

Status ValidateWarehouse(const Warehouse& w) {
  std::vector<FieldError> errors;
  if (w.code.empty() || w.code.size() > 16) {
    errors.push_back({"code", "required", "a warehouse code of 1 to 16 characters is required"});
  }
  if (w.name.empty()) errors.push_back({"name", "required", "a name is required"});
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("the warehouse has invalid fields", std::move(errors));
}

nlohmann::json ToJson(const Warehouse& w) {
  return {{"id", w.id.value()},
          {"code", w.code},
          {"name", w.name},
          {"allocation_rank", w.allocation_rank},
          {"address",
           {{"line1", w.address.line1},
            {"city", w.address.city},
            {"region", w.address.region},
            {"postal_code", w.address.postal_code},
            {"country", w.address.country}}}};
}

}  // namespace ordo::inventory
