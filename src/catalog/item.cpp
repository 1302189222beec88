#include "catalog/item.h"

#include <algorithm>

#include "catalog/gtin.h"
#include "core/field_path.h"
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

namespace {

constexpr const char* kGtinRule = "a GTIN is 8, 12, 13 or 14 digits ending in its check digit";

// Each GTIN valid, and none twice within the item.
void CheckGtins(const NewItem& item, std::vector<FieldError>& errors) {
  std::vector<std::string> seen;
  auto check = [&](const std::optional<std::string>& gtin, const std::string& path) {
    if (!gtin) return;
    if (!IsValidGtin(*gtin)) {
      errors.push_back({path, "invalid_gtin", kGtinRule});
    } else if (std::find(seen.begin(), seen.end(), *gtin) != seen.end()) {
      errors.push_back({path, "duplicate", "GTIN " + *gtin + " names another unit of this item"});
    } else {
      seen.push_back(*gtin);
    }
  };
  check(item.gtin, "gtin");
  for (size_t i = 0; i < item.packs.size(); ++i) {
    check(item.packs[i].gtin, FieldPath(ElementPath("pack_sizes", i), "gtin"));
  }
}

}  // namespace

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
  if (item.min_order_quantity < 1) {
    errors.push_back(
        {"min_order_quantity", "out_of_range", "a minimum order quantity is at least 1 base unit"});
  }
  if (item.order_multiple < 1) {
    errors.push_back(
        {"order_multiple", "out_of_range", "an order multiple is at least 1 base unit"});
  }
  CheckGtins(item, errors);
  Status packs = UnitConversions::Validate(item.uom, item.packs);
  errors.insert(errors.end(), packs.errors().begin(), packs.errors().end());
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("the item has invalid fields", std::move(errors));
}

nlohmann::json ToJson(const Item& item) {
  nlohmann::json packs = nlohmann::json::array();
  for (const auto& p : item.packs) {
    nlohmann::json pack = {{"uom", p.uom}, {"quantity", p.quantity}};
    if (p.gtin) pack["gtin"] = *p.gtin;
    packs.push_back(std::move(pack));
  }
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
          {"min_order_quantity", item.min_order_quantity},
          {"order_multiple", item.order_multiple},
          {"gtin", item.gtin ? nlohmann::json(*item.gtin) : nullptr},
          {"version", item.version}};
}

}  // namespace ordo::catalog
