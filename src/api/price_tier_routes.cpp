#include "api/price_tier_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "core/money.h"
#include "customers/customer_commands.h"
#include "customers/customer_repository.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// Basis points as a percentage: 1250 → "12.50".
std::string DiscountPercent(int discount_bp) {
  return Money::FromUnits(int64_t{discount_bp} * 100).Format(2);
}

json TierJson(const customers::PriceTier& t) {
  return {{"code", t.code}, {"name", t.name}, {"discount_percent", DiscountPercent(t.discount_bp)}};
}

// {"code", "name", "discount_percent"}, every bad field at once.
Result<customers::PriceTier> ParseTier(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"code", "name", "discount_percent"}, "");
  customers::PriceTier t;
  t.code = r.String(*doc, "code", "code", text_limits::kPriceTierCode, true);
  if (t.code.empty() && doc->contains("code") && doc->at("code").is_string()) {
    r.Fail("code", "required", "a tier code of 1 to 16 characters is required");
  }
  t.name = r.String(*doc, "name", "name", text_limits::kPriceTierName, true);
  if (auto text = r.Decimal(*doc, "discount_percent", "discount_percent", true)) {
    // A percentage with two decimals is a whole count of basis points: 1/100 of Money's units.
    constexpr int64_t kHundredPercent = 100 * 10'000;  // in Money's units
    auto percent = Money::Parse(*text);
    if (!percent.ok() || percent->is_negative() || percent->units() % 100 != 0 ||
        percent->units() > kHundredPercent) {
      r.Fail("discount_percent", "out_of_range",
             "a discount is a percentage from 0 to 100 with at most two decimals");
    } else {
      t.discount_bp = static_cast<int>(percent->units() / 100);
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid price tier", std::move(errors));
  return t;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "customers.read")) return;
  json items = json::array();
  {
    auto conn = ctx.readers.Borrow();
    for (const auto& t : customers::ListPriceTiers(*conn)) items.push_back(TierJson(t));
  }
  respond(http::Response::Json(200, PageJson(std::move(items), std::nullopt)));
}

void Save(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "price_tiers.write");
  if (!who) return;
  auto tier = ParseTier(request.body);
  if (!tier.ok()) return respond(ProblemFor(tier.status()));
  RunWrite(
      ctx, request, *who,
      [t = std::move(tier).value()](store::Connection& conn,
                                    const CommandContext& cc) -> Result<http::Response> {
        if (Status st = customers::SavePriceTier(conn, cc, t); !st.ok()) return st;
        return http::Response::Json(200, TierJson(t));
      },
      std::move(respond));
}

}  // namespace

void AddPriceTierRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/price-tiers",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/price-tiers",
             [&ctx](http::Request& q, http::Responder r) { Save(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
