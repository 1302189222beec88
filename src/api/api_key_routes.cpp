#include "api/api_key_routes.h"

#include <array>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/pagination.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "auth/api_keys.h"
#include "auth/user_commands.h"
#include "core/resource_ref.h"
#include "core/text_limits.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

nlohmann::json TimeOrNull(const std::optional<Timestamp>& t) {
  return t ? nlohmann::json(FormatRfc3339(*t)) : nlohmann::json(nullptr);
}

nlohmann::json KeyJson(const auth::ApiKeyInfo& k) {
  return {{"id", k.id},
          {"prefix", k.prefix.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.prefix)},
          {"name", k.name},
          {"user", {{"id", k.user_id}, {"username", k.username}}},
          {"created_at", FormatRfc3339(k.created_at)},
          {"expires_at", TimeOrNull(k.expires_at)},
          {"last_used_at", TimeOrNull(k.last_used_at)},
          {"revoked_at", TimeOrNull(k.revoked_at)}};
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "users.write")) return;
  static constexpr std::array<std::string_view, 3> kKnown = {"user", "limit", "cursor"};
  Status known = CheckKnownParameters(request, kKnown);
  if (!known.ok()) return respond(ProblemFor(known));
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto username = NonEmptyQuery(request, "user");
  std::vector<auth::ApiKeyInfo> keys;
  {
    auto conn = ctx.readers.Borrow();
    auth::ApiKeyQuery query{std::nullopt, page->after, page->limit + 1};
    if (username) {
      auto user = auth::FindUserByName(*conn, *username);
      // An unknown user has no keys: an empty list, like any filter that matches nothing.
      query.user_id = user ? user->principal.user_id : 0;
    }
    keys = auth::ListApiKeys(*conn, query);
  }
  std::optional<int64_t> last = TrimToPage(keys, page->limit);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& k : keys) items.push_back(KeyJson(k));
  respond(http::Response::Json(200, PageJson(std::move(items), last)));
}

struct NewKey {
  std::string username;
  std::string name;
  std::optional<Timestamp> expires_at;
};

Result<NewKey> ParseNewKey(const std::string& body) {
  auto doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"username", "name", "expires_at"}, "");
  NewKey key{r.String(*doc, "username", "username", text_limits::kUsername, true),
             r.String(*doc, "name", "name", text_limits::kApiKeyName, true), std::nullopt};
  if (auto text = r.OptionalString(*doc, "expires_at", "expires_at")) {
    key.expires_at = ParseRfc3339(*text);
    if (!key.expires_at) {
      errors.push_back(
          {"expires_at", "invalid_format", "an RFC 3339 time, e.g. 2027-01-31T00:00:00Z"});
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("the API key has invalid fields", errors);
  return key;
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto admin = RequirePermission(ctx, request, respond, "users.write");
  if (!admin) return;
  if (auto refused = RefuseNonJsonBody(request)) return respond(std::move(*refused));
  auto in = ParseNewKey(request.body);
  if (!in.ok()) return respond(ProblemFor(in.status()));
  CommandContext cmd{admin->Actor(), request.request_id, ctx.clock.Now()};
  auto answer = std::make_shared<nlohmann::json>();
  ctx.executor.Submit(
      [cmd, in = *in, answer](store::Connection& conn) -> Status {
        auto issued = auth::CreateApiKey(conn, cmd, in.username, in.name, in.expires_at);
        if (!issued.ok()) return issued.status();
        auto stored = auth::FindApiKey(conn, issued->id);
        *answer = KeyJson(*stored);
        (*answer)["key"] = issued->key;
        return Status::Ok();
      },
      [answer, respond](const Status& st) {
        if (!st.ok()) return respond(ProblemFor(st));
        http::Response response = http::Response::Json(201, *answer);
        response.SetHeader("Location",
                           "/api/v1/api-keys/" + std::to_string((*answer)["id"].get<int64_t>()));
        respond(std::move(response));
      });
}

void Revoke(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto admin = RequirePermission(ctx, request, respond, "users.write");
  if (!admin) return;
  std::string id_text(request.PathParam("id").value_or(""));
  ResourceRef ref = ParseResourceRef(id_text);
  if (!ref.id) return respond(ProblemFor(Status::NotFound("no API key " + id_text)));
  CommandContext cmd{admin->Actor(), request.request_id, ctx.clock.Now()};
  ctx.executor.Submit(
      [cmd, id = *ref.id](store::Connection& conn) { return auth::RevokeApiKey(conn, cmd, id); },
      [respond](const Status& st) {
        if (!st.ok()) return respond(ProblemFor(st));
        respond(http::Response{204, {}, ""});
      });
}

}  // namespace

void AddApiKeyRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/api-keys", [&ctx](http::Request& request, http::Responder respond) {
    List(ctx, request, std::move(respond));
  });
  router.Add("POST", "/api/v1/api-keys", [&ctx](http::Request& request, http::Responder respond) {
    Create(ctx, request, std::move(respond));
  });
  router.Add("DELETE", "/api/v1/api-keys/{id}",
             [&ctx](http::Request& request, http::Responder respond) {
               Revoke(ctx, request, std::move(respond));
             });
}

}  // namespace ordo::api
