#include "api/promotion_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/preconditions.h"
#include "api/pricing_rule_json.h"
#include "api/pricing_rule_routes.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "catalog/item_queries.h"
#include "core/resource_ref.h"
#include "pricing/promotions.h"
#include "pricing/rule_checks.h"

namespace ordo::api {
namespace {

using nlohmann::json;

struct PromotionBody {
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<Date> start;
  std::optional<Date> end;
  // Conditions: nullopt unchanged (PATCH), "" cleared (null) or the value.
  std::optional<std::string> sku;
  std::optional<std::string> product_line;
  std::optional<std::string> customer_group;
  std::optional<pricing::Adjustment> adjustment;
  std::optional<bool> exclusive;
};

// A nullable condition: absent → nullopt, null → "", text → the text.
std::optional<std::string> Condition(jsonio::FieldReader& r, const json& doc, const char* key,
                                     TextLimit limit) {
  if (!doc.contains(key)) return std::nullopt;
  if (doc.at(key).is_null()) return std::string();
  return r.OptionalString(doc, key, key, limit).value_or("");
}

Result<PromotionBody> ParseBody(const std::string& body, bool create) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc,
              {"code", "name", "start_date", "end_date", "sku", "product_line", "customer_group",
               "discount_percent", "amount_off", "stacking"},
              "");
  PromotionBody b;
  if (create) {
    b.code = r.String(*doc, "code", "code", pricing::kPricingCode, true);
  } else {
    if (doc->contains("code")) r.Fail("code", "read_only", "code cannot be changed");
    r.RefuseNulls(*doc, {"name", "start_date", "end_date", "stacking"}, "");
  }
  b.name = r.OptionalString(*doc, "name", "name", pricing::kPricingName);
  b.start = ReadDateField(r, *doc, "start_date", "start_date", create);
  b.end = ReadDateField(r, *doc, "end_date", "end_date", create);
  b.sku = Condition(r, *doc, "sku", text_limits::kSku);
  b.product_line = Condition(r, *doc, "product_line", text_limits::kProductLineCode);
  b.customer_group = Condition(r, *doc, "customer_group", pricing::kPricingCode);
  bool adjusts = jsonio::FieldReader::Has(*doc, "discount_percent") ||
                 jsonio::FieldReader::Has(*doc, "amount_off");
  if (create || adjusts) b.adjustment = ReadAdjustment(r, *doc, "", false, true);
  if (auto stacking = r.OptionalString(*doc, "stacking", "stacking", TextLimit{16})) {
    if (*stacking == "stacks" || *stacking == "exclusive") {
      b.exclusive = *stacking == "exclusive";
    } else {
      r.Fail("stacking", "invalid_value", "stacking is stacks or exclusive");
    }
  } else if (create && !doc->contains("stacking")) {
    r.Fail("stacking", "required", "stacking is stacks or exclusive");
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid promotion", std::move(errors));
  return b;
}

Result<pricing::PromotionRecord> Apply(store::Connection& conn, const PromotionBody& b,
                                       pricing::PromotionRecord p) {
  std::vector<FieldError> errors;
  if (b.code) p.rule.code = *b.code;
  if (b.name) p.name = *b.name;
  if (b.start) p.rule.start = *b.start;
  if (b.end) p.rule.end = *b.end;
  if (b.product_line) {
    p.rule.product_line = *b.product_line;
    CheckProductLines(conn, {*b.product_line}, "", errors);
  }
  if (b.customer_group) p.rule.customer_group = *b.customer_group;
  if (b.adjustment) p.rule.adjustment = *b.adjustment;
  if (b.exclusive) p.rule.exclusive = *b.exclusive;
  if (b.sku) {
    p.rule.item.reset();
    ResolveSkus(
        conn, {*b.sku}, "", [&](size_t, ItemId id) { p.rule.item = id; }, errors);
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid promotion", std::move(errors));
  return p;
}

json PromotionsJson(store::Connection& conn, const std::vector<pricing::PromotionRecord>& rows) {
  std::vector<ItemId> ids;
  for (const auto& p : rows) {
    if (p.rule.item) ids.push_back(*p.rule.item);
  }
  auto skus = catalog::SkusOf(conn, ids);
  json out = json::array();
  for (const auto& p : rows) {
    const pricing::Promotion& r = p.rule;
    json j = {{"id", p.id},
              {"code", r.code},
              {"name", p.name},
              {"start_date", FormatDate(r.start)},
              {"end_date", FormatDate(r.end)}};
    j["sku"] = r.item ? json(skus[*r.item]) : json();
    j["product_line"] = r.product_line.empty() ? json() : json(r.product_line);
    j["customer_group"] = r.customer_group.empty() ? json() : json(r.customer_group);
    AddAdjustmentJson(j, r.adjustment, {"discount_percent", "amount_off"});
    j["stacking"] = r.exclusive ? "exclusive" : "stacks";
    j["version"] = p.version;
    j["created_at"] = FormatRfc3339(p.created_at);
    j["updated_at"] = FormatRfc3339(p.updated_at);
    out.push_back(std::move(j));
  }
  return out;
}

http::Response PromotionResponse(int status, store::Connection& conn,
                                 const pricing::PromotionRecord& p) {
  http::Response r = http::Response::Json(status, PromotionsJson(conn, {p})[0]);
  SetVersionTag(r, p.version);
  return r;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "pricing.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto conn = ctx.readers.Borrow();
  auto rows = pricing::ListPromotions(*conn, page->after.value_or(0), page->limit + 1);
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  respond(http::Response::Json(200, PageJson(PromotionsJson(*conn, rows), next)));
}

}  // namespace

void AddPromotionRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/promotions",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPricingRuleRoutes<pricing::PromotionRecord, PromotionBody>(
      router, ctx,
      {"/api/v1/promotions", "promotion", ParseBody, Apply, pricing::FindPromotion,
       pricing::CreatePromotion, pricing::ReplacePromotion, PromotionResponse});
}

}  // namespace ordo::api
