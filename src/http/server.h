// Server: an HTTP/1.1 server (Boost.Beast underneath) that dispatches requests to a Router.
//
// io threads read and write sockets; handlers run on a bounded worker pool and answer through
// an asynchronous Responder (see handler.h). Connections are kept alive and serve one request
// at a time (pipelined requests are answered in order). Every response carries X-Request-Id.
// Open connections are bounded in total and per client address; one beyond a bound is answered
// 503 with Retry-After and closed at once (see ServerOptions), so slow or idle clients cannot
// exhaust the process's file descriptors, and every connection has a deadline for its header.
//
// Lifecycle: construct, Start(), ... , Stop() (or destroy). Stop() is graceful: it stops
// accepting, closes idle connections and streams (Response::stream), lets in-flight requests finish
// and their responses be written (bounded by drain_timeout), then joins all threads. After Stop(),
// late Responder calls are ignored.
//
// Handlers may block their worker briefly, but not indefinitely: Stop() joins the workers.
//
// Thread-safety: Start() once, from one thread. Stop() and WaitForSignals() may be called from
// any thread except the server's own io/worker threads (i.e. not from a handler or hook).
#pragma once

#include <cstdint>
#include <memory>

#include "http/router.h"
#include "http/server_options.h"

namespace ordo::http {

class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();  // Stop()
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the threads. Throws std::runtime_error, e.g.
  // "cannot listen on 127.0.0.1:8080: address already in use".
  void Start();

  // Graceful shutdown, see above. Idempotent; concurrent callers return once it is done.
  void Stop();

  // Blocks until SIGINT or SIGTERM arrives (then calls Stop()) or until Stop() is called
  // elsewhere. Returns the signal number, or 0 when woken by Stop().
  int WaitForSignals();

  // The bound port (the ephemeral one when options.port was 0). REQUIRES: Start() succeeded.
  uint16_t port() const;

  const Router& router() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ordo::http
