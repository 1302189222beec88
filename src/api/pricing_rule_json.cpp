#include "api/pricing_rule_json.h"

#include "catalog/item_repository.h"
#include "catalog/product_line.h"
#include "core/field_path.h"
#include "pricing/rule_checks.h"

namespace ordo::api {

using nlohmann::json;

std::optional<Date> ReadDateField(jsonio::FieldReader& r, const json& obj, const char* key,
                                  const std::string& path, bool required) {
  std::optional<std::string> text = r.OptionalString(obj, key, path, TextLimit{10});
  if (!text) {
    if (required && !jsonio::FieldReader::Has(obj, key)) {
      r.Fail(path, "required", std::string(key) + " is required");
    }
    return std::nullopt;
  }
  auto date = ParseDate(*text);
  if (!date) r.Fail(path, "invalid_date", "a date is written YYYY-MM-DD");
  return date;
}

std::optional<pricing::Adjustment> ReadAdjustment(jsonio::FieldReader& r, const json& obj,
                                                  const std::string& path, bool allow_fixed,
                                                  bool allow_amount) {
  std::vector<pricing::Adjustment> found;
  if (allow_fixed && jsonio::FieldReader::Has(obj, "unit_price")) {
    if (auto m = r.Amount(obj, "unit_price", FieldPath(path, "unit_price"), false)) {
      found.push_back(pricing::Adjustment::Fixed(*m));
    }
  }
  if (jsonio::FieldReader::Has(obj, "discount_percent")) {
    const std::string at = FieldPath(path, "discount_percent");
    if (auto text = r.Decimal(obj, "discount_percent", at, false)) {
      if (auto bp = pricing::ParsePercent(*text)) {
        found.push_back(pricing::Adjustment::PercentOff(*bp));
      } else {
        r.Fail(at, "out_of_range",
               "a discount is a percentage from 0 to 100 with at most two decimals");
      }
    }
  }
  if (allow_amount && jsonio::FieldReader::Has(obj, "amount_off")) {
    if (auto m = r.Amount(obj, "amount_off", FieldPath(path, "amount_off"), false)) {
      found.push_back(pricing::Adjustment::AmountOff(*m));
    }
  }
  int given = (allow_fixed && jsonio::FieldReader::Has(obj, "unit_price")) +
              jsonio::FieldReader::Has(obj, "discount_percent") +
              (allow_amount && jsonio::FieldReader::Has(obj, "amount_off"));
  const char* first = allow_fixed ? "unit_price" : "discount_percent";
  if (given == 0) {
    r.Fail(FieldPath(path, first), "required",
           allow_fixed ? "give a unit_price or a discount_percent"
                       : "give a discount_percent or an amount_off");
    return std::nullopt;
  }
  if (given > 1) {
    r.Fail(FieldPath(path, "discount_percent"), "conflict", "give only one kind of price change");
    return std::nullopt;
  }
  if (found.empty()) return std::nullopt;
  return found.front();
}

ScopeText ReadScopeText(jsonio::FieldReader& r, const json& obj, const std::string& path) {
  ScopeText s;
  s.sku = r.OptionalString(obj, "sku", FieldPath(path, "sku"), text_limits::kSku).value_or("");
  s.product_line = r.OptionalString(obj, "product_line", FieldPath(path, "product_line"),
                                    text_limits::kProductLineCode)
                       .value_or("");
  return s;
}

void ResolveSkus(store::Connection& conn, const std::vector<std::string>& skus,
                 const std::string& array, const std::function<void(size_t, ItemId)>& set,
                 std::vector<FieldError>& errors) {
  std::vector<std::string> wanted;
  for (const auto& s : skus) {
    if (!s.empty()) wanted.push_back(s);
  }
  if (wanted.empty()) return;
  auto items = catalog::FindItemsBySku(conn, wanted);
  for (size_t i = 0; i < skus.size(); ++i) {
    if (skus[i].empty()) continue;
    auto found = items.find(skus[i]);
    if (found == items.end()) {
      const std::string at = array.empty() ? "sku" : FieldPath(array, i, "sku");
      errors.push_back({at, "unknown_sku", "no item " + skus[i]});
    } else {
      set(i, found->second.id);
    }
  }
}

void CheckProductLines(store::Connection& conn, const std::vector<std::string>& lines,
                       const std::string& array, std::vector<FieldError>& errors) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty() || catalog::FindProductLine(conn, lines[i])) continue;
    const std::string at = array.empty() ? "product_line" : FieldPath(array, i, "product_line");
    errors.push_back({at, "unknown_product_line", "no product line " + lines[i]});
  }
}

void AddScopeJson(json& j, const pricing::RuleScope& scope,
                  const std::unordered_map<ItemId, std::string>& skus) {
  if (scope.item) {
    auto found = skus.find(*scope.item);
    j["sku"] = found == skus.end() ? json() : json(found->second);
  } else {
    j["sku"] = nullptr;
  }
  j["product_line"] = scope.product_line.empty() ? json() : json(scope.product_line);
}

void AddAdjustmentJson(json& j, const pricing::Adjustment& a,
                       std::initializer_list<const char*> keys) {
  using Kind = pricing::Adjustment::Kind;
  for (const char* key : keys) {
    std::string_view k = key;
    if (k == "unit_price") {
      j[key] = a.kind == Kind::kFixedPrice ? json(a.amount.Format(4)) : json();
    } else if (k == "discount_percent") {
      j[key] = a.kind == Kind::kPercentOff
                   ? json(Money::FromUnits(int64_t{a.percent_bp} * 100).Format(2))
                   : json();
    } else if (k == "amount_off") {
      j[key] = a.kind == Kind::kAmountOff ? json(a.amount.Format(4)) : json();
    }
  }
}

json DateJson(std::optional<Date> d) {
  return d ? json(FormatDate(*d)) : json();
}

}  // namespace ordo::api
