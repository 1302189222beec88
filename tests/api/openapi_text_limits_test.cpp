// The OpenAPI document's request schemas against core/text_limits.h: every text property of a
// request body declares maxLength, and it is the limit the code enforces, so the published
// contract and the server cannot drift apart. A new text property fails here until it is given
// its limit in the code and in this table.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/openapi_routes.h"
#include "configurator/model_rules.h"
#include "core/text_limits.h"
#include "invoicing/tax_exemptions.h"
#include "pricing/rule_checks.h"
#include "quotes/quote.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;
namespace tl = text_limits;

// (schema, property) → the limit the code applies to it.
const std::map<std::pair<std::string, std::string>, TextLimit>& Table() {
  static const std::map<std::pair<std::string, std::string>, TextLimit> table = {
      {{"NewWarehouse", "code"}, tl::kWarehouseCode},
      {{"NewWarehouse", "name"}, tl::kWarehouseName},
      {{"WarehousePatch", "name"}, tl::kWarehouseName},
      {{"AddressInput", "line1"}, tl::kAddressLine},
      {{"AddressInput", "city"}, tl::kCity},
      {{"AddressInput", "region"}, tl::kRegion},
      {{"AddressInput", "postal_code"}, tl::kPostalCode},
      {{"AddressInput", "country"}, tl::kCountry},
      {{"PriceTierInput", "code"}, tl::kPriceTierCode},
      {{"PriceTierInput", "name"}, tl::kPriceTierName},
      {{"NewItem", "sku"}, tl::kSku},
      {{"NewItem", "name"}, tl::kItemName},
      {{"NewItem", "uom"}, tl::kUom},
      {{"NewItem", "tax_class"}, tl::kTaxClass},
      {{"PackSizeInput", "uom"}, tl::kUom},
      {{"ItemPatch", "name"}, tl::kItemName},
      {{"ItemPatch", "tax_class"}, tl::kTaxClass},
      {{"NewItem", "product_line"}, tl::kProductLineCode},
      {{"ItemPatch", "product_line"}, tl::kProductLineCode},
      {{"NewItem", "gtin"}, tl::kGtin},
      {{"ItemPatch", "gtin"}, tl::kGtin},
      {{"PackSizeInput", "gtin"}, tl::kGtin},
      {{"PlaceOrderLine", "customer_part_number"}, tl::kCustomerPartNumber},
      {{"PriceQuoteLineRequest", "customer_part_number"}, tl::kCustomerPartNumber},
      {{"CustomerPartNumberInput", "sku"}, tl::kSku},
      {{"CustomerPartNumberInput", "uom"}, tl::kUom},
      {{"NewProductLine", "code"}, tl::kProductLineCode},
      {{"NewProductLine", "name"}, tl::kProductLineName},
      {{"ProductLinePatch", "name"}, tl::kProductLineName},
      {{"Receipt", "warehouse"}, tl::kWarehouseCode},
      {{"Receipt", "reference"}, tl::kReference},
      {{"ReceiptLine", "sku"}, tl::kSku},
      {{"Adjustment", "warehouse"}, tl::kWarehouseCode},
      {{"Adjustment", "sku"}, tl::kSku},
      {{"Adjustment", "reason"}, tl::kAdjustmentReason},
      {{"NewCustomer", "code"}, tl::kCustomerCode},
      {{"NewCustomer", "name"}, tl::kCustomerName},
      {{"NewCustomer", "price_tier"}, tl::kPriceTierCode},
      {{"NewCustomer", "salesperson"}, tl::kSalesperson},
      {{"NewShipTo", "code"}, tl::kShipToCode},
      {{"NewShipTo", "name"}, tl::kShipToName},
      {{"NewShipTo", "line1"}, tl::kAddressLine},
      {{"NewShipTo", "city"}, tl::kCity},
      {{"NewShipTo", "region"}, tl::kRegion},
      {{"NewShipTo", "postal_code"}, tl::kPostalCode},
      {{"NewShipTo", "country"}, tl::kCountry},
      {{"NewShipTo", "preferred_warehouse"}, tl::kWarehouseCode},
      {{"CustomerPatch", "name"}, tl::kCustomerName},
      {{"CustomerPatch", "price_tier"}, tl::kPriceTierCode},
      {{"CustomerPatch", "salesperson"}, tl::kSalesperson},
      {{"ShipToPatch", "code"}, tl::kShipToCode},
      {{"ShipToPatch", "name"}, tl::kShipToName},
      {{"ShipToPatch", "line1"}, tl::kAddressLine},
      {{"ShipToPatch", "city"}, tl::kCity},
      {{"ShipToPatch", "region"}, tl::kRegion},
      {{"ShipToPatch", "postal_code"}, tl::kPostalCode},
      {{"ShipToPatch", "country"}, tl::kCountry},
      {{"ShipToPatch", "preferred_warehouse"}, tl::kWarehouseCode},
      {{"PlaceOrderRequest", "customer"}, tl::kCustomerCode},
      {{"PlaceOrderRequest", "ship_to"}, tl::kShipToCode},
      {{"PlaceOrderRequest", "po_number"}, tl::kPoNumber},
      {{"PlaceOrderLine", "sku"}, tl::kSku},
      {{"PlaceOrderLine", "uom"}, tl::kUom},
      {{"PlaceOrderLine", "override_reason"}, tl::kOverrideReason},
      {{"ChangeOrderRequest", "ship_to"}, tl::kShipToCode},
      {{"ChangeOrderLine", "sku"}, tl::kSku},
      {{"ChangeOrderLine", "customer_part_number"}, tl::kCustomerPartNumber},
      {{"ChangeOrderLine", "uom"}, tl::kUom},
      {{"ChangeOrderLine", "override_reason"}, tl::kOverrideReason},
      {{"PriceQuoteRequest", "customer"}, tl::kCustomerCode},
      {{"PriceQuoteLineRequest", "sku"}, tl::kSku},
      {{"PriceQuoteLineRequest", "uom"}, tl::kUom},
      {{"PriceQuoteLineRequest", "override_reason"}, tl::kOverrideReason},
      {{"CancelOrderRequest", "reason"}, tl::kCancelReason},
      {{"ReleaseHoldRequest", "note"}, tl::kHoldReleaseNote},
      {{"CreateShipmentRequest", "order"}, tl::kDocumentRef},
      {{"CreateShipmentRequest", "warehouse"}, tl::kWarehouseCode},
      {{"CancelShipmentRequest", "reason"}, tl::kCancelReason},
      {{"ConfirmShipmentRequest", "carrier"}, tl::kCarrier},
      {{"ConfirmShipmentRequest", "service"}, tl::kCarrierService},
      {{"ConfirmShipmentRequest", "tracking_number"}, tl::kTrackingNumber},
      {{"TaxRate", "region"}, tl::kRegion},
      {{"TaxRate", "tax_class"}, tl::kTaxClass},
      {{"TaxExemptionInput", "region"}, tl::kRegion},
      {{"TaxExemptionInput", "certificate_number"}, invoicing::kCertificateNumberLimit},
      {{"PriceQuoteRequest", "ship_to"}, tl::kShipToCode},
      {{"PaymentRequest", "customer"}, tl::kCustomerCode},
      {{"PaymentRequest", "reference"}, tl::kReference},
      {{"PaymentApplicationInput", "invoice"}, tl::kDocumentRef},
      {{"NewReturn", "order"}, tl::kDocumentRef},
      {{"NewReturn", "invoice"}, tl::kDocumentRef},
      {{"ReturnReceiptRequest", "warehouse"}, tl::kWarehouseCode},
      {{"CreditMemoApplicationInput", "invoice"}, tl::kDocumentRef},
      {{"CreditMemoRefundRequest", "reference"}, tl::kReference},
      {{"TokenRequest", "username"}, tl::kUsername},
      {{"NewApiKey", "username"}, tl::kUsername},
      {{"NewApiKey", "name"}, tl::kApiKeyName},
      {{"NewUser", "username"}, tl::kUsername},
      {{"NewUser", "customer"}, tl::kCustomerCode},
      {{"UserPatch", "customer"}, tl::kCustomerCode},
      {{"ConfiguratorInput", "code"}, configurator::kModelCode},
      {{"ConfiguratorInput", "name"}, configurator::kModelName},
      {{"ConfiguratorQuestionInput", "code"}, configurator::kQuestionCode},
      {{"ConfiguratorQuestionInput", "label"}, configurator::kLabel},
      {{"ConfiguratorValueInput", "code"}, configurator::kValueCode},
      {{"ConfiguratorValueInput", "label"}, configurator::kLabel},
      {{"ConfiguratorConstraintInput", "question"}, configurator::kQuestionCode},
      {{"ConfiguratorConstraintInput", "value"}, configurator::kValueCode},
      {{"ConfiguratorSkuRuleInput", "sku"}, tl::kSku},
      {{"PlaceOrderLine", "configurator"}, configurator::kModelCode},
      {{"PriceQuoteLineRequest", "configurator"}, configurator::kModelCode},
      {{"ChangeOrderLine", "configurator"}, configurator::kModelCode},
      {{"ApprovalRuleInput", "code"}, tl::kApprovalRuleCode},
      {{"ApprovalRuleInput", "name"}, tl::kApprovalRuleName},
      {{"ApprovalRulePatch", "name"}, tl::kApprovalRuleName},
      {{"ApprovalDecision", "note"}, tl::kApprovalNote},
      {{"ApprovalRejection", "note"}, tl::kApprovalNote},
      {{"NewPriceList", "code"}, pricing::kPricingCode},
      {{"NewPriceList", "name"}, pricing::kPricingName},
      {{"NewPriceList", "sku"}, tl::kSku},
      {{"NewPriceList", "product_line"}, tl::kProductLineCode},
      {{"PriceListPatch", "name"}, pricing::kPricingName},
      {{"PriceListPatch", "sku"}, tl::kSku},
      {{"PriceListPatch", "product_line"}, tl::kProductLineCode},
      {{"NewContract", "code"}, pricing::kPricingCode},
      {{"NewContract", "customer"}, tl::kCustomerCode},
      {{"NewContract", "note"}, pricing::kContractNote},
      {{"NewContract", "sku"}, tl::kSku},
      {{"NewContract", "product_line"}, tl::kProductLineCode},
      {{"ContractPatch", "customer"}, tl::kCustomerCode},
      {{"ContractPatch", "note"}, pricing::kContractNote},
      {{"ContractPatch", "sku"}, tl::kSku},
      {{"ContractPatch", "product_line"}, tl::kProductLineCode},
      {{"NewPromotion", "code"}, pricing::kPricingCode},
      {{"NewPromotion", "name"}, pricing::kPricingName},
      {{"NewPromotion", "sku"}, tl::kSku},
      {{"NewPromotion", "product_line"}, tl::kProductLineCode},
      {{"NewPromotion", "customer_group"}, pricing::kPricingCode},
      {{"PromotionPatch", "name"}, pricing::kPricingName},
      {{"PromotionPatch", "sku"}, tl::kSku},
      {{"PromotionPatch", "product_line"}, tl::kProductLineCode},
      {{"PromotionPatch", "customer_group"}, pricing::kPricingCode},
      {{"CustomerPricingChange", "price_list"}, pricing::kPricingCode},
      {{"CustomerPricingChange", "pricing_group"}, pricing::kPricingCode},
      {{"QuoteRequest", "customer"}, tl::kCustomerCode},
      {{"QuoteRequest", "ship_to"}, tl::kShipToCode},
      {{"QuoteRequest", "notes"}, quotes::kNotes},
      {{"AcceptQuoteRequest", "po_number"}, tl::kPoNumber},
      {{"CancelQuoteRequest", "reason"}, quotes::kCancelReason},
  };
  return table;
}

// Request schemas held to no entry of the table (none today).
const std::set<std::string> kNotInTable = {};

struct TextProperty {
  std::string schema;
  std::string property;
  const json* definition;
};

bool TakesText(const json& s) {
  const json& type = s.value("type", json());
  bool text = type == "string" ||
              (type.is_array() && std::find(type.begin(), type.end(), "string") != type.end());
  bool decimal = type.is_array() && std::find(type.begin(), type.end(), "number") != type.end();
  // An enumeration, a date or a decimal is checked against its own values and form.
  return text && !decimal && !s.contains("enum") && !s.contains("format");
}

class RequestSchemas {
 public:
  explicit RequestSchemas(const json& doc) : schemas_(doc.at("components").at("schemas")) {
    for (const auto& [path, item] : doc.at("paths").items()) {
      for (const auto& [method, op] : item.items()) {
        if (!op.is_object() || !op.contains("requestBody")) continue;
        for (const auto& [type, content] : op.at("requestBody").at("content").items()) {
          Walk(content.at("schema"), "");
        }
      }
    }
  }
  const std::vector<TextProperty>& text() const { return text_; }

 private:
  // `owner`: the schema whose properties `s` describes when it is an object.
  void Walk(const json& s, const std::string& owner) {
    if (s.contains("$ref")) {
      std::string name =
          s.at("$ref").get<std::string>().substr(sizeof("#/components/schemas/") - 1);
      if (!visited_.insert(name).second) return;
      Walk(schemas_.at(name), name);
      return;
    }
    for (const char* key : {"allOf", "oneOf", "anyOf"}) {
      if (s.contains(key)) {
        for (const json& sub : s.at(key)) Walk(sub, owner);
      }
    }
    if (s.contains("items")) Walk(s.at("items"), owner);
    if (!s.contains("properties")) return;
    for (const auto& [name, property] : s.at("properties").items()) {
      if (TakesText(property)) {
        text_.push_back({owner, name, &property});
      } else {
        Walk(property, owner);
      }
    }
  }

  const json& schemas_;
  std::set<std::string> visited_;
  std::vector<TextProperty> text_;
};

TEST(OpenApiTextLimits, EveryRequestTextPropertyDeclaresTheLimitTheCodeEnforces) {
  const json doc = json::parse(OpenApiDocument());
  RequestSchemas schemas(doc);
  ASSERT_GT(schemas.text().size(), 40u);
  std::set<std::pair<std::string, std::string>> seen;
  for (const TextProperty& p : schemas.text()) {
    if (kNotInTable.contains(p.schema)) continue;
    SCOPED_TRACE(p.schema + "." + p.property);
    seen.insert({p.schema, p.property});
    auto it = Table().find({p.schema, p.property});
    ASSERT_NE(it, Table().end()) << "a request text property with no limit in core/text_limits.h";
    ASSERT_TRUE(p.definition->contains("maxLength")) << "no maxLength in the OpenAPI document";
    EXPECT_EQ(p.definition->at("maxLength").get<size_t>(), it->second.max_chars);
  }
  for (const auto& [key, limit] : Table()) {
    EXPECT_TRUE(seen.contains(key))
        << key.first << "." << key.second << " is in the table but not a request text property";
  }
}

}  // namespace
}  // namespace ordo::api::testing
