// Exchange: one request in a handler's hands, and the once-only path back to its connection
// (internal to the server).
//
// Shared by every copy of the request's Responder; keeps the Request alive until the last copy
// is gone. Only the first Respond() is delivered. If the Exchange dies unanswered, a 500 is
// delivered instead. Holds the connection weakly: a response for a connection that has closed,
// or arriving after the server stopped, is dropped. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "http/handler.h"
#include "http/server_context.h"

namespace ordo::http::internal {

class Connection;

class Exchange {
 public:
  Exchange(std::shared_ptr<Request> request, std::weak_ptr<Connection> connection,
           uint64_t sequence, std::shared_ptr<ResponderGate> gate);
  ~Exchange();
  Exchange(const Exchange&) = delete;
  Exchange& operator=(const Exchange&) = delete;

  Request& request() { return *request_; }

  void Respond(Response response);
  // Marks the exchange answered without delivering anything (the server answered itself).
  void Abandon() { responded_.store(true); }

  // A Responder bound to `exchange`.
  static Responder MakeResponder(std::shared_ptr<Exchange> exchange);

 private:
  void Deliver(Response response, std::string error);

  const std::shared_ptr<Request> request_;
  const std::weak_ptr<Connection> connection_;
  const uint64_t sequence_;
  const std::shared_ptr<ResponderGate> gate_;
  std::atomic<bool> responded_{false};
};

}  // namespace ordo::http::internal
