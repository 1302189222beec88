// The routes every versioned pricing rule shares (price lists, contracts, promotions): show one
// by id or code (GET {path}/{ref}, pricing.read), create (POST {path}, pricing.write, 201 with
// Location) and replace as a whole (PATCH {path}/{ref}, pricing.write, If-Match through
// RunVersionedWrite; the body gives what changes, `apply` lays it over the rule as stored). Each
// answers the rule with its version as ETag. Only the rule's own parts differ:
//
//   AddPricingRuleRoutes<pricing::PromotionRecord, PromotionBody>(router, ctx, {
//       "/api/v1/promotions", "promotion", ParseBody, Apply, pricing::FindPromotion,
//       pricing::CreatePromotion, pricing::ReplacePromotion, PromotionResponse});
//
// Listing stays with each rule's routes: their filters differ.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "api/api_context.h"
#include "api/authenticate.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "core/command_context.h"
#include "core/resource_ref.h"
#include "core/status.h"
#include "http/router.h"
#include "store/database.h"

namespace ordo::api {

template <typename Rule, typename Body>
struct PricingRuleResource {
  std::string path;  // "/api/v1/promotions"
  std::string noun;  // "promotion", as in "no promotion SPRING-10"
  // The body of a create (`create` true: every required field) or of a PATCH.
  std::function<Result<Body>(const std::string& body, bool create)> parse;
  // The rule as the body makes it from `rule` (a default one on create); every unknown
  // reference (customer, SKU, product line) reported at its field.
  std::function<Result<Rule>(store::Connection&, const Body&, Rule rule)> apply;
  std::function<std::optional<Rule>(store::Connection&, std::optional<int64_t> id,
                                    const std::string& code)>
      find;
  std::function<Result<Rule>(store::Connection&, const CommandContext&, const Rule&)> create;
  std::function<Result<Rule>(store::Connection&, const CommandContext&, int64_t id, const Rule&,
                             std::optional<int64_t> expected)>
      replace;
  // The rule as answered, with its version as ETag.
  std::function<http::Response(int status, store::Connection&, const Rule&)> response;
};

template <typename Rule, typename Body>
void AddPricingRuleRoutes(http::Router& router, ApiContext& ctx,
                          PricingRuleResource<Rule, Body> resource) {
  auto r = std::make_shared<const PricingRuleResource<Rule, Body>>(std::move(resource));
  auto not_found = [r](const ResourceRef& ref) {
    return Status::NotFound("no " + r->noun + " " + ref.code);
  };

  router.Add("GET", r->path + "/{ref}",
             [&ctx, r, not_found](http::Request& request, http::Responder respond) {
               if (!RequirePermission(ctx, request, respond, "pricing.read")) return;
               ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
               auto conn = ctx.readers.Borrow();
               auto found = r->find(*conn, ref.id, ref.code);
               if (!found) return respond(ProblemFor(not_found(ref)));
               respond(r->response(200, *conn, *found));
             });

  router.Add("POST", r->path, [&ctx, r](http::Request& request, http::Responder respond) {
    auto who = RequireWrite(ctx, request, respond, "pricing.write");
    if (!who) return;
    auto body = r->parse(request.body, true);
    if (!body.ok()) return respond(ProblemFor(body.status()));
    RunWrite(
        ctx, request, *who,
        [r, b = std::move(body).value()](store::Connection& conn,
                                         const CommandContext& cc) -> Result<http::Response> {
          auto rule = r->apply(conn, b, Rule{});
          if (!rule.ok()) return rule.status();
          auto created = r->create(conn, cc, *rule);
          if (!created.ok()) return created.status();
          http::Response response = r->response(201, conn, *created);
          response.SetHeader("Location", r->path + "/" + std::to_string(created->id));
          return response;
        },
        std::move(respond));
  });

  router.Add("PATCH", r->path + "/{ref}",
             [&ctx, r, not_found](http::Request& request, http::Responder respond) {
               auto who = RequireWrite(ctx, request, respond, "pricing.write");
               if (!who) return;
               RunVersionedWrite(
                   ctx, request, *who,
                   [r](const std::string& body) { return r->parse(body, false); },
                   [r, not_found, ref = ParseResourceRef(*request.PathParam("ref"))](
                       store::Connection& conn, const CommandContext& cc, const Body& b,
                       std::optional<int64_t> expected) -> Result<http::Response> {
                     auto found = r->find(conn, ref.id, ref.code);
                     if (!found) return not_found(ref);
                     auto rule = r->apply(conn, b, *found);
                     if (!rule.ok()) return rule.status();
                     auto updated = r->replace(conn, cc, found->id, *rule, expected);
                     if (!updated.ok()) return updated.status();
                     return r->response(200, conn, *updated);
                   },
                   std::move(respond));
             });
}

}  // namespace ordo::api
