#include "api/failure_log.h"

#include "api/status_response.h"

namespace ordo::api {
namespace {

std::string GenericDetail(ErrorCode code) {
  switch (code) {
    case ErrorCode::kConflict:
      return "the request conflicts with a record that exists";
    case ErrorCode::kUnavailable:
      return "the database is busy or unavailable; retry later";
    case ErrorCode::kInvalidArgument:
      return "the request could not be processed";
    default:
      return "the server failed to process the request";
  }
}

}  // namespace

void LogFailure(const ApiContext& ctx, const http::Request& request, std::string_view code,
                std::string_view text) {
  if (!ctx.log || !ctx.log->Enabled(telemetry::LogLevel::kError)) return;
  ctx.log->Write(telemetry::LogLevel::kError, "request failed", [&](jsonio::JsonWriter& w) {
    w.Field("request_id", request.request_id)
        .Field("method", request.method)
        .Field("route", request.route)
        .Field("code", code)
        .Field("error", text);
  });
}

http::Response FailureResponse(const ApiContext& ctx, const http::Request& request,
                               const Status& status, bool from_exception) {
  bool internal = status.code() == ErrorCode::kInternal || status.code() == ErrorCode::kUnavailable;
  if (!from_exception && !internal) return ProblemFor(status);
  LogFailure(ctx, request, CodeName(status.code()), status.message());
  return ProblemFor(Status(status.code(), GenericDetail(status.code())));
}

}  // namespace ordo::api
