// The event stream behind GET /api/v1/events/stream: server-sent events of the business
// (order placed, held, released, allocated, shipped, invoiced, paid, returned, …), each
// filtered to what its subscriber may see (event_scope.h).
//
// One thread serves every open stream: every poll interval it reads the outbox from the
// oldest position any subscriber still needs (one read lease, never the writer; at most a few
// batches per poll, so a subscriber far behind catches up over several polls), and writes
// to each subscriber the events after its own position that it may see. Each event is sent as
//
//   id: 42
//   data: {"id": 42, "type": "shipment.confirmed", "entity": "shipment", "entity_id": 7,
//          "at": "…", "order": "SO-000012", "payload": {…}}
//
// ("payload" is left out for a user bound to a customer: the portal reads the documents
// through its own routes, which leave staff-only fields out). A stream begins with
// "retry: 2000" and an "event: ready" whose id is where it starts, so a client that saw no
// event yet still knows where to resume; a comment line (": heartbeat") is sent every
// heartbeat interval. A subscriber resumes after Last-Event-ID when it gives one (ids grow
// in commit order with one writer, so nothing is skipped or repeated), otherwise from the
// newest event at the time it subscribed. The thread starts with the first subscriber.
//
// Thread-safety: Subscribe() and open_streams() from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "api/api_context.h"
#include "auth/principal.h"
#include "http/response.h"

namespace ordo::api {

class EventStreamHub {
 public:
  explicit EventStreamHub(ApiContext& ctx) : ctx_(ctx) {}
  // Stops the thread and closes every stream.
  ~EventStreamHub();
  EventStreamHub(const EventStreamHub&) = delete;
  EventStreamHub& operator=(const EventStreamHub&) = delete;

  // Adds a stream for `who` that starts after event `after` (nullopt: after the newest).
  void Subscribe(auth::Principal who, std::optional<int64_t> after,
                 std::shared_ptr<http::StreamWriter> writer);
  // Streams subscribed and not yet ended.
  size_t open_streams() const { return open_.load(); }

 private:
  struct Subscriber {
    auth::Principal who;
    std::optional<int64_t> after;
    std::shared_ptr<http::StreamWriter> writer;
    int64_t cursor = 0;  // the last event id this subscriber is past
    std::chrono::steady_clock::time_point ends_at;
    std::chrono::steady_clock::time_point next_heartbeat;
  };

  void Run();
  void Tick();
  // Writes `text` to `s`; false (and the stream is to be dropped) when it is closed.
  static bool Send(Subscriber& s, std::string text);

  ApiContext& ctx_;
  std::atomic<size_t> open_{0};
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<Subscriber> pending_;  // guarded by mu_
  std::thread thread_;               // started by the first Subscribe()
  std::vector<Subscriber> active_;   // the thread's own
};

}  // namespace ordo::api
