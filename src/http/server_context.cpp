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

Response BusyResponse(std::string_view code, std::string_view detail) {
  Response response = Response::Problem(503, code, "Service Unavailable", detail);
  response.SetHeader("Retry-After", std::to_string(kRetryAfterSeconds));
  return response;
}

}  // namespace ordo::http::internal
