#include "api/approval_rule_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/preconditions.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "approvals/rule_commands.h"
#include "approvals/rule_repository.h"
#include "core/text_limits.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

using nlohmann::json;

http::Response RuleResponse(int status, const approvals::ApprovalRule& rule) {
  http::Response r = http::Response::Json(status, approvals::ToJson(rule));
  SetVersionTag(r, rule.version);
  return r;
}

// A threshold given as a decimal string or a JSON number; nullopt when absent or null.
std::optional<std::string> ReadThreshold(jsonio::FieldReader& r, const json& doc) {
  if (!doc.contains("threshold") || doc["threshold"].is_null()) return std::nullopt;
  return r.Decimal(doc, "threshold", "threshold", false);
}

Result<approvals::NewRule> ParseNewRule(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"code", "name", "kind", "threshold", "hold_kind", "active"}, "");
  approvals::NewRule rule;
  rule.code = r.String(*doc, "code", "code", text_limits::kApprovalRuleCode, true);
  rule.name = r.String(*doc, "name", "name", text_limits::kApprovalRuleName, true);
  rule.kind = r.String(*doc, "kind", "kind", true);
  rule.threshold = ReadThreshold(r, *doc);
  rule.hold_kind = r.OptionalString(*doc, "hold_kind", "hold_kind");
  if (auto active = r.Bool(*doc, "active", "active", false)) rule.active = *active;
  if (!errors.empty()) return Status::InvalidArgument("invalid approval rule", std::move(errors));
  return rule;
}

Result<approvals::RulePatch> ParseRulePatch(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc,
              {"name", "threshold", "hold_kind", "active", "id", "code", "kind", "version",
               "created_at", "updated_at"},
              "");
  for (const char* fixed : {"id", "code", "kind", "version", "created_at", "updated_at"}) {
    if (doc->contains(fixed)) r.Fail(fixed, "read_only", std::string(fixed) + " cannot be changed");
  }
  r.RefuseNulls(*doc, {"name", "hold_kind", "active"}, "");
  approvals::RulePatch patch;
  patch.name = r.OptionalString(*doc, "name", "name", text_limits::kApprovalRuleName);
  patch.threshold = ReadThreshold(r, *doc);
  if (doc->contains("threshold") && (*doc)["threshold"].is_null()) {
    r.Fail("threshold", "invalid_type", "a threshold cannot be cleared");
  }
  patch.hold_kind = r.OptionalString(*doc, "hold_kind", "hold_kind");
  patch.active = r.Bool(*doc, "active", "active", false);
  if (!errors.empty()) {
    return Status::InvalidArgument("invalid approval rule change", std::move(errors));
  }
  return patch;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "approval_rules.read")) return;
  json items = json::array();
  {
    auto conn = ctx.readers.Borrow();
    for (const auto& rule : approvals::ListRules(*conn)) items.push_back(approvals::ToJson(rule));
  }
  respond(http::Response::Json(200, PageJson(std::move(items), std::nullopt)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "approval_rules.read")) return;
  std::string code(*request.PathParam("code"));
  auto rule = [&] {
    auto conn = ctx.readers.Borrow();
    return approvals::FindRule(*conn, code);
  }();
  if (!rule) return respond(ProblemFor(Status::NotFound("no approval rule " + code)));
  respond(RuleResponse(200, *rule));
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "approval_rules.write");
  if (!who) return;
  auto rule = ParseNewRule(request.body);
  if (!rule.ok()) return respond(ProblemFor(rule.status()));
  RunWrite(
      ctx, request, *who,
      [in = std::move(rule).value()](store::Connection& conn,
                                     const CommandContext& cc) -> Result<http::Response> {
        auto created = approvals::CreateRule(conn, cc, in);
        if (!created.ok()) return created.status();
        http::Response r = RuleResponse(201, *created);
        r.SetHeader("Location", "/api/v1/approval-rules/" + created->code);
        return r;
      },
      std::move(respond));
}

void Patch(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "approval_rules.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, ParseRulePatch,
      [code = std::string(*request.PathParam("code"))](
          store::Connection& conn, const CommandContext& cc, const approvals::RulePatch& patch,
          std::optional<int64_t> version) -> Result<http::Response> {
        auto changed = approvals::ChangeRule(conn, cc, code, patch, version);
        if (!changed.ok()) return changed.status();
        return RuleResponse(200, *changed);
      },
      std::move(respond));
}

}  // namespace

void AddApprovalRuleRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/approval-rules",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/approval-rules",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/approval-rules/{code}",
             [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("PATCH", "/api/v1/approval-rules/{code}",
             [&ctx](http::Request& q, http::Responder r) { Patch(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
