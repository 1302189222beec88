#include "api/event_routes.h"

#include <charconv>

#include "api/authenticate.h"
#include "api/event_stream.h"
#include "api/pagination.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "events/event_feed.h"
#include "jsonio/json_writer.h"

namespace ordo::api {
namespace {

// Where the page starts: `after` (0 or an event id) or the list's `cursor`, not both.
Result<int64_t> ParseAfter(const http::Request& request, const PageRequest& page) {
  auto text = request.Query("after");
  if (!text || text->empty()) return page.after.value_or(0);
  if (page.after) {
    return Status::InvalidArgument("give after or cursor, not both",
                                   {{"after", "conflicting", "after and cursor both given"}});
  }
  int64_t after = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), after);
  if (ec != std::errc() || end != text->data() + text->size() || after < 0) {
    return Status::InvalidArgument(
        "after must be an event id",
        {{"after", "invalid_value", "after is 0 or the id of an event already seen"}});
  }
  return after;
}

// The page as JSON text: each stored payload is inserted as it is, never re-parsed.
std::string PageText(const std::vector<events::FeedEvent>& rows, bool more, int64_t last_id) {
  jsonio::JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const auto& e : rows) {
    w.BeginObject()
        .Field("id", e.id)
        .Field("type", e.type)
        .Field("entity", e.entity)
        .Field("entity_id", e.entity_id)
        .Field("at", FormatRfc3339(e.at))
        .Key("payload")
        .Raw(e.payload_json)
        .EndObject();
  }
  w.EndArray().Key("next_cursor");
  if (more) {
    w.String(EncodeCursor(last_id));
  } else {
    w.Null();
  }
  w.Field("last_id", last_id).EndObject();
  return w.Take();
}

void Feed(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "events.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto after = ParseAfter(request, *page);
  if (!after.ok()) return respond(ProblemFor(after.status()));
  events::FeedFilter filter{NonEmptyQuery(request, "type"), NonEmptyQuery(request, "entity")};
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return events::EventsAfter(*conn, filter, *after, page->limit + 1);
  }();
  bool more = rows.size() > static_cast<size_t>(page->limit);
  if (more) rows.resize(page->limit);
  int64_t last_id = rows.empty() ? *after : rows.back().id;
  respond(http::Response::Text(200, PageText(rows, more, last_id), "application/json"));
}

// The Last-Event-ID header: the id of the last event the client has seen, or nullopt.
Result<std::optional<int64_t>> ParseLastEventId(const http::Request& request) {
  auto text = request.Header("Last-Event-ID");
  if (!text || text->empty()) return std::optional<int64_t>();
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc() || end != text->data() + text->size() || id < 0) {
    return Status::InvalidArgument(
        "Last-Event-ID must be an event id",
        {{"Last-Event-ID", "invalid_value", "Last-Event-ID is the id of an event already seen"}});
  }
  return std::optional<int64_t>(id);
}

void Stream(ApiContext& ctx, const std::shared_ptr<EventStreamHub>& hub, http::Request& request,
            http::Responder respond) {
  auto who = RequirePrincipal(ctx, request, respond);
  if (!who) return;
  auto after = ParseLastEventId(request);
  if (!after.ok()) return respond(ProblemFor(after.status()));
  if (hub->open_streams() >= ctx.event_streams.max_streams) {
    auto busy = http::Response::Problem(503, "too_many_streams", "Service Unavailable",
                                        "too many event streams are open; retry later");
    busy.SetHeader("Retry-After", "5");
    return respond(std::move(busy));
  }
  http::Response r = http::Response::Text(200, "", "text/event-stream");
  r.stream = [hub, who = *who, after = *after](std::shared_ptr<http::StreamWriter> writer) {
    hub->Subscribe(who, after, std::move(writer));
  };
  respond(std::move(r));
}

}  // namespace

void AddEventRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/events",
             [&ctx](http::Request& q, http::Responder r) { Feed(ctx, q, std::move(r)); });
  // The hub lives as long as the routes (the server's router) and stops with them.
  auto hub = std::make_shared<EventStreamHub>(ctx);
  AddPortalRoute(
      router, ctx.portal, "GET", "/api/v1/events/stream",
      [&ctx, hub](http::Request& q, http::Responder r) { Stream(ctx, hub, q, std::move(r)); });
}

}  // namespace ordo::api
