#include "api/price_list_routes.h"

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
#include "core/field_path.h"
#include "core/resource_ref.h"
#include "customers/customer_repository.h"
#include "pricing/customer_pricing.h"
#include "pricing/price_lists.h"
#include "pricing/rule_checks.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// A create or PATCH body: absent fields are nullopt (a PATCH leaves them as they are).
struct PriceListBody {
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<std::string> currency;
  std::optional<Date> valid_from;
  bool valid_to_given = false;
  std::optional<Date> valid_to;
  std::optional<std::vector<pricing::PriceListPrice>> prices;
  std::vector<std::string> price_skus;
  std::optional<std::vector<pricing::QuantityBreak>> breaks;
  std::vector<std::string> break_skus;
};

Result<PriceListBody> ParseBody(const std::string& body, bool create) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"code", "name", "currency", "valid_from", "valid_to", "prices", "breaks"}, "");
  PriceListBody b;
  if (create) {
    b.code = r.String(*doc, "code", "code", pricing::kPricingCode, true);
  } else if (doc->contains("code")) {
    r.Fail("code", "read_only", "code cannot be changed");
  }
  if (!create) r.RefuseNulls(*doc, {"name", "currency", "valid_from", "prices", "breaks"}, "");
  b.name = create ? std::optional(r.String(*doc, "name", "name", pricing::kPricingName, true))
                  : r.OptionalString(*doc, "name", "name", pricing::kPricingName);
  b.currency = r.OptionalString(*doc, "currency", "currency", TextLimit{3});
  b.valid_from = ReadDateField(r, *doc, "valid_from", "valid_from", create);
  if (doc->contains("valid_to")) {
    b.valid_to_given = true;
    if (!doc->at("valid_to").is_null())
      b.valid_to = ReadDateField(r, *doc, "valid_to", "valid_to", false);
  }
  if (const json* prices = r.Array(*doc, "prices", "prices", false)) {
    b.prices.emplace();
    for (size_t i = 0; i < prices->size(); ++i) {
      const std::string at = ElementPath("prices", i);
      const json& p = (*prices)[i];
      pricing::PriceListPrice price;
      std::string sku;
      if (!p.is_object()) {
        r.Fail(at, "invalid_type", "a price is an object {\"sku\", \"unit_price\"}");
      } else {
        r.OnlyKnown(p, {"sku", "unit_price"}, at);
        sku = r.String(p, "sku", FieldPath(at, "sku"), text_limits::kSku, true);
        price.unit_price =
            r.Amount(p, "unit_price", FieldPath(at, "unit_price"), true).value_or(Money());
      }
      b.prices->push_back(price);
      b.price_skus.push_back(std::move(sku));
    }
  }
  if (const json* breaks = r.Array(*doc, "breaks", "breaks", false)) {
    b.breaks.emplace();
    for (size_t i = 0; i < breaks->size(); ++i) {
      const std::string at = ElementPath("breaks", i);
      const json& e = (*breaks)[i];
      pricing::QuantityBreak brk;
      ScopeText scope;
      if (!e.is_object()) {
        r.Fail(at, "invalid_type", "a break is an object");
      } else {
        r.OnlyKnown(e, {"sku", "product_line", "min_quantity", "unit_price", "discount_percent"},
                    at);
        scope = ReadScopeText(r, e, at);
        pricing::CheckScope(!scope.sku.empty(), !scope.product_line.empty(), at, errors);
        brk.scope.product_line = scope.product_line;
        brk.min_quantity =
            r.Integer(e, "min_quantity", FieldPath(at, "min_quantity"), true).value_or(1);
        if (auto a = ReadAdjustment(r, e, at, true, false)) brk.adjustment = *a;
      }
      b.breaks->push_back(std::move(brk));
      b.break_skus.push_back(scope.sku);
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid price list", std::move(errors));
  return b;
}

// `b` over `list` (a new one for a create), with the SKUs resolved on `conn`.
Result<pricing::PriceList> Apply(store::Connection& conn, const PriceListBody& b,
                                 pricing::PriceList list) {
  if (b.code) list.code = *b.code;
  if (b.name) list.name = *b.name;
  if (b.currency) list.currency = *b.currency;
  if (b.valid_from) list.valid_from = *b.valid_from;
  if (b.valid_to_given) list.valid_to = b.valid_to;
  std::vector<FieldError> errors;
  if (b.prices) {
    list.prices = *b.prices;
    ResolveSkus(
        conn, b.price_skus, "prices", [&](size_t i, ItemId id) { list.prices[i].item = id; },
        errors);
  }
  if (b.breaks) {
    list.breaks = *b.breaks;
    ResolveSkus(
        conn, b.break_skus, "breaks", [&](size_t i, ItemId id) { list.breaks[i].scope.item = id; },
        errors);
    std::vector<std::string> lines;
    for (const auto& brk : *b.breaks) lines.push_back(brk.scope.product_line);
    CheckProductLines(conn, lines, "breaks", errors);
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid price list", std::move(errors));
  return list;
}

json SummaryJson(const pricing::PriceList& l) {
  return {{"id", l.id},
          {"code", l.code},
          {"name", l.name},
          {"currency", l.currency},
          {"valid_from", FormatDate(l.valid_from)},
          {"valid_to", DateJson(l.valid_to)},
          {"version", l.version}};
}

json ListJson(store::Connection& conn, const pricing::PriceList& l) {
  std::vector<ItemId> ids;
  for (const auto& p : l.prices) ids.push_back(p.item);
  for (const auto& b : l.breaks) {
    if (b.scope.item) ids.push_back(*b.scope.item);
  }
  auto skus = catalog::SkusOf(conn, ids);
  json j = SummaryJson(l);
  json prices = json::array();
  for (const auto& p : l.prices) {
    prices.push_back({{"sku", skus[p.item]}, {"unit_price", p.unit_price.Format(4)}});
  }
  json breaks = json::array();
  for (const auto& b : l.breaks) {
    json e;
    AddScopeJson(e, b.scope, skus);
    e["min_quantity"] = b.min_quantity;
    AddAdjustmentJson(e, b.adjustment, {"unit_price", "discount_percent"});
    breaks.push_back(std::move(e));
  }
  j["prices"] = std::move(prices);
  j["breaks"] = std::move(breaks);
  j["created_at"] = FormatRfc3339(l.created_at);
  j["updated_at"] = FormatRfc3339(l.updated_at);
  return j;
}

http::Response ListResponse(int status, store::Connection& conn, const pricing::PriceList& l) {
  http::Response r = http::Response::Json(status, ListJson(conn, l));
  SetVersionTag(r, l.version);
  return r;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "pricing.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return pricing::ListPriceLists(*conn, page->after.value_or(0), page->limit + 1);
  }();
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& l : rows) items.push_back(SummaryJson(l));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

json CustomerPricingJson(const std::string& customer, const pricing::CustomerPricing& p) {
  return {{"customer", customer},
          {"price_list", p.price_list.empty() ? json() : json(p.price_list)},
          {"pricing_group", p.pricing_group.empty() ? json() : json(p.pricing_group)}};
}

Status NoCustomer(const ResourceRef& ref) {
  return Status::NotFound("no customer " + ref.code);
}

void ShowCustomerPricing(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "pricing.read")) return;
  ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
  auto conn = ctx.readers.Borrow();
  auto customer = customers::FindCustomerByRef(*conn, ref.code);
  if (!customer) return respond(ProblemFor(NoCustomer(ref)));
  respond(http::Response::Json(
      200, CustomerPricingJson(customer->code, pricing::FindCustomerPricing(*conn, customer->id))));
}

struct PricingBody {
  std::string price_list;
  std::string pricing_group;
};

Result<PricingBody> ParsePricingBody(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"price_list", "pricing_group"}, "");
  PricingBody b;
  b.price_list =
      r.OptionalString(*doc, "price_list", "price_list", pricing::kPricingCode).value_or("");
  b.pricing_group =
      r.OptionalString(*doc, "pricing_group", "pricing_group", pricing::kPricingCode).value_or("");
  if (!errors.empty()) return Status::InvalidArgument("invalid customer pricing", errors);
  return b;
}

void SetCustomerPricing(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "pricing.write");
  if (!who) return;
  auto body = ParsePricingBody(request.body);
  if (!body.ok()) return respond(ProblemFor(body.status()));
  RunWrite(
      ctx, request, *who,
      [b = std::move(body).value(), ref = ParseResourceRef(*request.PathParam("ref"))](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        auto customer = customers::FindCustomerByRef(conn, ref.code);
        if (!customer) return NoCustomer(ref);
        auto set =
            pricing::SetCustomerPricing(conn, cc, {customer->id, b.price_list, b.pricing_group});
        if (!set.ok()) return set.status();
        return http::Response::Json(200, CustomerPricingJson(customer->code, *set));
      },
      std::move(respond));
}

}  // namespace

void AddPriceListRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/price-lists",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPricingRuleRoutes<pricing::PriceList, PriceListBody>(
      router, ctx,
      {"/api/v1/price-lists", "price list", ParseBody, Apply, pricing::FindPriceList,
       pricing::CreatePriceList, pricing::ReplacePriceList, ListResponse});
  router.Add("GET", "/api/v1/customers/{ref}/pricing", [&ctx](http::Request& q, http::Responder r) {
    ShowCustomerPricing(ctx, q, std::move(r));
  });
  router.Add("PUT", "/api/v1/customers/{ref}/pricing", [&ctx](http::Request& q, http::Responder r) {
    SetCustomerPricing(ctx, q, std::move(r));
  });
}

}  // namespace ordo::api
