#include "catalog/item.h"

#include "core/text_check.h"

namespace ordo::catalog {

bool IsValidSku(std::string_view sku) {
  if (sku.empty() || sku.size() > text_limits::kSku.max_chars) return false;  // ASCII only
  for (char c : sku) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == '/';
    if (!ok) return false;
  }
  return true;
}

Status ValidateNewItem(const NewItem& item) {
  std::vector<FieldError> errors;
  if (!IsValidSku(item.sku)) {
    errors.push_back(
        {"sku", "invalid_sku", "a SKU is 1 to 64 letters, digits, '-', '_', '.' or '/'"});
  }
  if (item.name.empty()) {
    errors.push_back({"name", "required", "a name of 1 to 200 characters is required"});
  } else {
    CheckText(item.name, text_limits::kItemName, "name", errors);
  }
  if (!IsValidUom(item.uom)) {
    errors.push_back({"uom", "invalid_uom", "a unit of measure is 1 to 8 letters or digits"});
  }
  if (item.list_price.is_negative()) {
    errors.push_back({"list_price", "out_of_range", "the list price cannot be negative"});
  }
  if (item.cost.is_negative()) {
    errors.push_back({"cost", "out_of_range", "the cost cannot be negative"});
  }
  if (item.tax_class.empty()) {
    errors.push_back({"tax_class", "required", "a tax class is required"});
  } else {
    CheckText(item.tax_class, text_limits::kTaxClass, "tax_class", errors);
  }
  if (item.reorder_point < 0) {
    errors.push_back({"reorder_point", "out_of_range", "the reorder point cannot be negative"});
  }
  Status packs = UnitConversions::Validate(item.uom, item.packs);
  errors.insert(errors.end(), packs.errors().begin(), packs.errors().end());
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("the item has invalid fields", std::move(errors));
}

nlohmann::json ToJson(const Item& item) {
  nlohmann::json packs = nlohmann::json::array();
  for (const auto& p : item.packs) packs.push_back({{"uom", p.uom}, {"quantity", p.quantity}});
  return {{"id", item.id.value()},
          {"sku", item.sku},
          {"name", item.name},
          {"uom", item.uom},
          {"pack_sizes", packs},
          {"list_price", item.list_price.Format(2)},
          {"cost", item.cost.Format(2)},
          {"tax_class", item.tax_class},
          {"active", item.active},
          {"reorder_point", item.reorder_point},
          {"product_line", item.product_line ? nlohmann::json(*item.product_line) : nullptr},
          {"version", item.version}};
}

}  // namespace ordo::catalog
