#include "api/login_guard.h"

#include <memory>
#include <vector>

#include "api/status_response.h"
#include "auth/credential_commands.h"

namespace ordo::api {

std::string ClientAddress(std::string_view remote_address) {
  if (remote_address.starts_with('[')) {
    size_t end = remote_address.find(']');
    if (end != std::string_view::npos) return std::string(remote_address.substr(1, end - 1));
  }
  size_t colon = remote_address.rfind(':');
  if (colon == std::string_view::npos) return std::string(remote_address);
  return std::string(remote_address.substr(0, colon));
}

http::Response TooManyAttempts(int64_t seconds) {
  http::Response response =
      ProblemFor(Status(ErrorCode::kTooManyRequests, "too many failed attempts; try again in " +
                                                         std::to_string(seconds) + " seconds"));
  response.SetHeader("Retry-After", std::to_string(seconds));
  return response;
}

bool RefuseWhileLockedOut(auth::LoginThrottle& throttle, std::string_view username,
                          std::string_view address, Timestamp now, const http::Responder& respond) {
  auto wait = throttle.RetryAfter(username, address, now);
  if (!wait) return false;
  respond(TooManyAttempts(*wait));
  return true;
}

void RefuseLogin(ApiContext& ctx, auth::LoginThrottle& throttle, const http::Request& request,
                 std::string_view username, std::optional<int64_t> user_id, Timestamp now,
                 http::Response refusal, http::Responder respond) {
  std::vector<auth::Lockout> lockouts =
      throttle.RecordFailure(username, ClientAddress(request.remote_address), now);
  if (lockouts.empty()) return respond(std::move(refusal));
  CommandContext cmd{"system", request.request_id, now};
  auto answer = std::make_shared<http::Response>(std::move(refusal));
  ctx.executor.Submit(
      [cmd, lockouts = std::move(lockouts), user_id](store::Connection& conn) {
        for (const auto& lockout : lockouts) {
          auth::AuditLockout(conn, cmd, lockout, lockout.kind == "user" ? user_id : std::nullopt);
        }
        return Status::Ok();
      },
      // The refusal stands whether or not the audit row could be written.
      [answer, respond](const Status&) { respond(std::move(*answer)); });
}

}  // namespace ordo::api
