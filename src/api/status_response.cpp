#include "api/status_response.h"

#include <nlohmann/json.hpp>

namespace ordo::api {
namespace {

std::string_view TitleFor(int http_status) {
  switch (http_status) {
    case 400:
      return "Invalid request";
    case 401:
      return "Unauthenticated";
    case 403:
      return "Forbidden";
    case 404:
      return "Not found";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition failed";
    case 422:
      return "Unprocessable request";
    case 429:
      return "Too many requests";
    case 503:
      return "Unavailable";
    default:
      return "Internal error";
  }
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return 200;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kWeakPassword:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
    case ErrorCode::kIdempotencyKeyReused:
    case ErrorCode::kInvalidState:  // the document's state forbids the transition
      return 409;
    case ErrorCode::kPreconditionFailed:
      return 412;
    case ErrorCode::kInsufficientStock:
    case ErrorCode::kCreditLimitExceeded:
    case ErrorCode::kCustomerOnHold:
      return 422;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

http::Response ProblemFor(const Status& status) {
  int http_status = HttpStatusFor(status.code());
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : status.errors()) {
    errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
  }
  return http::Response::Problem(http_status, CodeName(status.code()), TitleFor(http_status),
                                 status.message(), errors);
}

}  // namespace ordo::api
