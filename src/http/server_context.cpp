#include "http/server_context.h"

namespace ordo::http::internal {

void ServerContext::ReportComplete(const Request& request, const Response& response,
                                   std::chrono::nanoseconds elapsed) const {
  if (!options.on_complete) return;
  try {
    options.on_complete(request, response, elapsed);
  } catch (...) {
  }
}

void ServerContext::ReportError(const Request& request, std::string_view message) const {
  if (!options.on_error) return;
  try {
    options.on_error(request, message);
  } catch (...) {
  }
}

Response InternalErrorResponse() {
  return Response::Problem(500, "internal", "Internal Server Error",
                           "the server failed to process the request");
}

}  // namespace ordo::http::internal
