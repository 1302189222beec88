#include "inventory/warehouse.h"

#include "core/text_check.h"

namespace ordo::inventory {

Status ValidateWarehouse(const Warehouse& w) {
  std::vector<FieldError> errors;
  if (w.code.empty()) {
    errors.push_back({"code", "required", "a warehouse code of 1 to 16 characters is required"});
  } else {
    CheckText(w.code, text_limits::kWarehouseCode, "code", errors);
  }
  if (w.name.empty()) {
    errors.push_back({"name", "required", "a name is required"});
  } else {
    CheckText(w.name, text_limits::kWarehouseName, "name", errors);
  }
  CheckText(w.address.line1, text_limits::kAddressLine, "address/line1", errors);
  CheckText(w.address.city, text_limits::kCity, "address/city", errors);
  CheckText(w.address.region, text_limits::kRegion, "address/region", errors);
  CheckText(w.address.postal_code, text_limits::kPostalCode, "address/postal_code", errors);
  CheckText(w.address.country, text_limits::kCountry, "address/country", errors);
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
