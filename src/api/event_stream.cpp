#include "api/event_stream.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "api/event_scope.h"
#include "core/clock.h"
#include "events/event_feed.h"
#include "jsonio/json_writer.h"
#include "orders/order_queries.h"

namespace ordo::api {
namespace {

// Events read per query, and queries per poll: a subscriber far behind (an old Last-Event-ID)
// catches up over several polls, so that one poll never holds its read lease for long.
constexpr int kBatch = 500;
constexpr int kBatchesPerPoll = 4;
// What the client waits before reconnecting after the stream ends (the SSE "retry" field).
constexpr std::string_view kRetryMillis = "2000";

std::string Frame(const events::FeedEvent& e, const std::string* order_number, bool with_payload) {
  jsonio::JsonWriter w;
  w.BeginObject()
      .Field("id", e.id)
      .Field("type", e.type)
      .Field("entity", e.entity)
      .Field("entity_id", e.entity_id)
      .Field("at", FormatRfc3339(e.at))
      .Key("order");
  if (order_number) {
    w.String(*order_number);
  } else {
    w.Null();
  }
  if (with_payload) w.Key("payload").Raw(e.payload_json);
  w.EndObject();
  return "id: " + std::to_string(e.id) + "\ndata: " + w.Take() + "\n\n";
}

std::string ReadyFrame(int64_t cursor) {
  return "retry: " + std::string(kRetryMillis) + "\nevent: ready\nid: " + std::to_string(cursor) +
         "\ndata: {\"last_id\":" + std::to_string(cursor) + "}\n\n";
}

}  // namespace

EventStreamHub::~EventStreamHub() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  for (auto& s : pending_) s.writer->Close();
  for (auto& s : active_) s.writer->Close();
}

void EventStreamHub::Subscribe(auth::Principal who, std::optional<int64_t> after,
                               std::shared_ptr<http::StreamWriter> writer) {
  auto now = std::chrono::steady_clock::now();
  Subscriber s{std::move(who),
               after,
               std::move(writer),
               0,
               now + ctx_.event_streams.lifetime,
               now + ctx_.event_streams.heartbeat};
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      s.writer->Close();
      return;
    }
    pending_.push_back(std::move(s));
    ++open_;
    if (!thread_.joinable()) thread_ = std::thread([this] { Run(); });
  }
  wake_.notify_all();
}

void EventStreamHub::Run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    try {
      Tick();
    } catch (...) {
      // A failed read (e.g. the database busy) is tried again at the next poll.
    }
    lock.lock();
    wake_.wait_for(lock, ctx_.event_streams.poll_interval,
                   [this] { return stopping_ || !pending_.empty(); });
  }
}

bool EventStreamHub::Send(Subscriber& s, std::string text) {
  return s.writer->Write(std::move(text));
}

void EventStreamHub::Tick() {
  std::vector<Subscriber> joining;
  {
    std::lock_guard lock(mu_);
    joining.swap(pending_);
  }
  auto now = std::chrono::steady_clock::now();
  // Ended streams go first: closed by the client or the server, or past their lifetime.
  auto ended = [&](Subscriber& s) {
    if (s.writer->closed()) return true;
    if (s.ends_at > now) return false;
    s.writer->Close();
    return true;
  };
  size_t before = active_.size();
  std::erase_if(active_, ended);
  open_ -= before - active_.size();
  if (active_.empty() && joining.empty()) return;

  auto conn = ctx_.readers.Borrow();
  if (!joining.empty()) {
    int64_t newest = events::LastEventId(*conn);
    for (auto& s : joining) {
      s.cursor = s.after.value_or(newest);
      if (Send(s, ReadyFrame(s.cursor))) {
        active_.push_back(std::move(s));
      } else {
        --open_;
      }
    }
  }

  for (int batch = 0; batch < kBatchesPerPoll && !active_.empty(); ++batch) {
    int64_t from = std::numeric_limits<int64_t>::max();
    for (const auto& s : active_) from = std::min(from, s.cursor);
    auto rows = events::EventsAfter(*conn, {}, from, kBatch);
    if (rows.empty()) break;
    std::vector<EventScope> scopes;
    std::vector<OrderId> order_ids;
    scopes.reserve(rows.size());
    for (const auto& e : rows) {
      scopes.push_back(ScopeOf(*conn, e));
      if (scopes.back().order) order_ids.push_back(*scopes.back().order);
    }
    auto numbers = orders::OrderNumbers(*conn, order_ids);
    for (auto& s : active_) {
      std::string text;
      for (size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].id <= s.cursor || !MayReceive(s.who, scopes[i])) continue;
        const std::string* number = nullptr;
        if (scopes[i].order) {
          auto it = numbers.find(*scopes[i].order);
          if (it != numbers.end()) number = &it->second;
        }
        text += Frame(rows[i], number, !s.who.customer_id);
      }
      s.cursor = std::max(s.cursor, rows.back().id);
      if (!text.empty()) Send(s, std::move(text));
    }
    if (rows.size() < static_cast<size_t>(kBatch)) break;
  }

  for (auto& s : active_) {
    if (s.next_heartbeat > now) continue;
    Send(s, ": heartbeat\n\n");
    s.next_heartbeat = now + ctx_.event_streams.heartbeat;
  }
}

}  // namespace ordo::api
