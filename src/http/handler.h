// Handler and Responder: the asynchronous contract between the server and route handlers.
//
// The server calls a Handler on a worker thread with the request and a Responder. The handler
// may answer at once or hand the Responder to another thread (e.g. a commit queue) and return;
// it must not block waiting for that answer. The Request stays alive, unchanged by the server,
// until the Responder has been called (or every copy of it destroyed).
//
// Responder is copyable and may be called from any thread. Only the first call counts; later
// calls are ignored. If every copy is destroyed without a call, the client gets a 500 problem.
#pragma once

#include <functional>
#include <utility>

#include "http/request.h"
#include "http/response.h"

namespace ordo::http {

using Responder = std::function<void(Response)>;
using Handler = std::function<void(Request&, Responder)>;

// Adapts a handler that computes its response synchronously (it still runs on a worker thread).
inline Handler SyncHandler(std::function<Response(Request&)> fn) {
  return [fn = std::move(fn)](Request& request, Responder respond) { respond(fn(request)); };
}

}  // namespace ordo::http
