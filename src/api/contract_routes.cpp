#include "api/contract_routes.h"

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
#include "customers/customer_queries.h"
#include "customers/customer_repository.h"
#include "pricing/contracts.h"
#include "pricing/rule_checks.h"

namespace ordo::api {
namespace {

using nlohmann::json;

struct ContractBody {
  std::optional<std::string> code;
  std::optional<std::string> customer;
  std::optional<Date> start;
  std::optional<Date> end;
  std::optional<std::string> note;
  std::optional<std::vector<pricing::ContractPriceTerm>> terms;
  std::vector<std::string> term_skus;
};

Result<ContractBody> ParseBody(const std::string& body, bool create) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"code", "customer", "start_date", "end_date", "note", "terms"}, "");
  ContractBody b;
  if (create) {
    b.code = r.String(*doc, "code", "code", pricing::kPricingCode, true);
  } else {
    if (doc->contains("code")) r.Fail("code", "read_only", "code cannot be changed");
    r.RefuseNulls(*doc, {"customer", "start_date", "end_date", "note", "terms"}, "");
  }
  b.customer =
      create
          ? std::optional(r.String(*doc, "customer", "customer", text_limits::kCustomerCode, true))
          : r.OptionalString(*doc, "customer", "customer", text_limits::kCustomerCode);
  b.start = ReadDateField(r, *doc, "start_date", "start_date", create);
  b.end = ReadDateField(r, *doc, "end_date", "end_date", create);
  b.note = r.OptionalString(*doc, "note", "note", pricing::kContractNote);
  if (const json* terms = r.Array(*doc, "terms", "terms", create)) {
    b.terms.emplace();
    for (size_t i = 0; i < terms->size(); ++i) {
      const std::string at = ElementPath("terms", i);
      const json& e = (*terms)[i];
      pricing::ContractPriceTerm term;
      ScopeText scope;
      if (!e.is_object()) {
        r.Fail(at, "invalid_type", "a term is an object");
      } else {
        r.OnlyKnown(e, {"sku", "product_line", "unit_price", "discount_percent"}, at);
        scope = ReadScopeText(r, e, at);
        pricing::CheckScope(!scope.sku.empty(), !scope.product_line.empty(), at, errors);
        term.scope.product_line = scope.product_line;
        if (auto a = ReadAdjustment(r, e, at, true, false)) term.adjustment = *a;
      }
      b.terms->push_back(std::move(term));
      b.term_skus.push_back(scope.sku);
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid contract", std::move(errors));
  return b;
}

Result<pricing::Contract> Apply(store::Connection& conn, const ContractBody& b,
                                pricing::Contract c) {
  std::vector<FieldError> errors;
  if (b.code) c.code = *b.code;
  if (b.customer) {
    if (auto customer = customers::FindCustomerByCode(conn, *b.customer)) {
      c.customer = customer->id;
    } else {
      errors.push_back({"customer", "unknown_customer", "no customer " + *b.customer});
    }
  }
  if (b.start) c.start = *b.start;
  if (b.end) c.end = *b.end;
  if (b.note) c.note = *b.note;
  if (b.terms) {
    c.terms = *b.terms;
    ResolveSkus(
        conn, b.term_skus, "terms", [&](size_t i, ItemId id) { c.terms[i].scope.item = id; },
        errors);
    std::vector<std::string> lines;
    for (const auto& t : *b.terms) lines.push_back(t.scope.product_line);
    CheckProductLines(conn, lines, "terms", errors);
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid contract", std::move(errors));
  return c;
}

// Contracts as the API shows them, their customers' codes and SKUs read once for all.
json ContractsJson(store::Connection& conn, const std::vector<pricing::Contract>& contracts) {
  std::vector<ItemId> ids;
  std::vector<CustomerId> customer_ids;
  for (const auto& c : contracts) {
    customer_ids.push_back(c.customer);
    for (const auto& t : c.terms) {
      if (t.scope.item) ids.push_back(*t.scope.item);
    }
  }
  auto skus = catalog::SkusOf(conn, ids);
  auto codes = customers::CustomerCodes(conn, customer_ids);
  json out = json::array();
  for (const auto& c : contracts) {
    json terms = json::array();
    for (const auto& t : c.terms) {
      json e;
      AddScopeJson(e, t.scope, skus);
      AddAdjustmentJson(e, t.adjustment, {"unit_price", "discount_percent"});
      terms.push_back(std::move(e));
    }
    out.push_back({{"id", c.id},
                   {"code", c.code},
                   {"customer", codes[c.customer]},
                   {"start_date", FormatDate(c.start)},
                   {"end_date", FormatDate(c.end)},
                   {"note", c.note},
                   {"terms", std::move(terms)},
                   {"version", c.version},
                   {"created_at", FormatRfc3339(c.created_at)},
                   {"updated_at", FormatRfc3339(c.updated_at)}});
  }
  return out;
}

http::Response ContractResponse(int status, store::Connection& conn, const pricing::Contract& c) {
  http::Response r = http::Response::Json(status, ContractsJson(conn, {c})[0]);
  SetVersionTag(r, c.version);
  return r;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "pricing.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto conn = ctx.readers.Borrow();
  std::optional<CustomerId> customer;
  if (auto code = request.Query("customer")) {
    auto found = customers::FindCustomerByRef(*conn, *code);
    if (!found) {
      return respond(ProblemFor(Status::InvalidArgument(
          "unknown customer",
          {{"customer", "unknown_customer", "no customer " + std::string(*code)}})));
    }
    customer = found->id;
  }
  auto rows = pricing::ListContracts(*conn, customer, page->after.value_or(0), page->limit + 1);
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  respond(http::Response::Json(200, PageJson(ContractsJson(*conn, rows), next)));
}

}  // namespace

void AddContractRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/contracts",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPricingRuleRoutes<pricing::Contract, ContractBody>(
      router, ctx,
      {"/api/v1/contracts", "contract", ParseBody, Apply, pricing::FindContract,
       pricing::CreateContract, pricing::ReplaceContract, ContractResponse});
}

}  // namespace ordo::api
