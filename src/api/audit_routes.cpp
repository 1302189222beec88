#include "api/audit_routes.h"

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "audit/audit_query.h"
#include "jsonio/json_writer.h"

namespace ordo::api {
namespace {

Result<audit::AuditFilter> ParseFilter(const http::Request& request) {
  audit::AuditFilter filter;
  filter.entity = NonEmptyQuery(request, "entity");
  auto entity_id = QueryId(request, "entity_id");
  if (!entity_id.ok()) return entity_id.status();
  filter.entity_id = *entity_id;
  if (filter.entity_id && !filter.entity) {
    return Status::InvalidArgument(
        "entity_id needs entity",
        {{"entity", "required", "an entity_id is looked up within an entity, e.g. entity=order"}});
  }
  filter.actor = NonEmptyQuery(request, "actor");
  filter.action = NonEmptyQuery(request, "action");
  filter.request_id = NonEmptyQuery(request, "request_id");
  return filter;
}

void WriteOptionalRaw(jsonio::JsonWriter& w, std::string_view key,
                      const std::optional<std::string>& json) {
  w.Key(key);
  if (json) {
    w.Raw(*json);
  } else {
    w.Null();
  }
}

// The page as JSON text: the stored images are inserted as they are, never re-parsed.
std::string PageText(const std::vector<audit::AuditEntry>& rows, std::optional<int64_t> next) {
  jsonio::JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const auto& e : rows) {
    w.BeginObject()
        .Field("id", e.id)
        .Field("at", FormatRfc3339(e.at))
        .Field("actor", e.actor)
        .Field("action", e.action)
        .Field("entity", e.entity)
        .Field("entity_id", e.entity_id);
    WriteOptionalRaw(w, "before", e.before_json);
    WriteOptionalRaw(w, "after", e.after_json);
    w.Key("request_id");
    if (e.request_id) {
      w.String(*e.request_id);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray().Key("next_cursor");
  if (next) {
    w.String(EncodeCursor(*next));
  } else {
    w.Null();
  }
  w.EndObject();
  return w.Take();
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "audit.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto filter = ParseFilter(request);
  if (!filter.ok()) return respond(ProblemFor(filter.status()));
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return audit::ListAudit(*conn, *filter, page->after.value_or(0), page->limit + 1);
  }();
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  respond(http::Response::Text(200, PageText(rows, next), "application/json"));
}

}  // namespace

void AddAuditRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/audit",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
