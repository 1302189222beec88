// Changing what a user can log in with: a new password (the user's own change or an admin's
// reset), disabling the user, logging out, and purging expired tokens.
//
// Every change of password and every disable revokes all of the user's bearer tokens in the
// same transaction, so a token issued before it stops working as soon as the change commits
// (tokens are looked up on every request). API keys are separate credentials with their own
// revocation (api_keys.h); a disabled user's keys stop working too, since a key acts only for
// an active user.
//
// Hashing is slow: HashNewPassword runs on a request or CLI thread; the commands below only
// write and are meant for the command executor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/login_throttle.h"
#include "auth/password.h"
#include "core/command_context.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::auth {

// The argon2id hash of `password` when it satisfies the password policy; otherwise
// weak_password (or invalid_argument, too long) naming `field`.
Result<std::string> HashNewPassword(std::string_view password, std::string_view field,
                                    const PasswordCost& cost = {});

// Stores `password_hash` (from HashNewPassword) as the password of user `user_id`, revokes
// every token of the user, and audits `action` ("user.password_change" or
// "user.password_reset", with how many tokens were revoked, never the hash). Fails not_found
// for an unknown user.
Status StorePassword(store::Connection& conn, const CommandContext& ctx, int64_t user_id,
                     const std::string& password_hash, std::string_view action);

// Marks user `user_id` inactive and revokes every token of the user (audited "user.disable").
// Disabling a disabled user is harmless (nothing changes, nothing is audited). Fails
// not_found for an unknown user, and conflict when the user is `acting_user` (own_account) or
// the last active admin (last_admin; user_update.h holds these rules).
Status DisableUser(store::Connection& conn, const CommandContext& ctx, int64_t user_id,
                   std::optional<int64_t> acting_user = std::nullopt);

// Audits a lockout the login throttle started ("auth.lockout", entity "user" with `user_id`
// when it is a known user's, else entity id 0; the after image names the username or address,
// the failures counted and the end of the lockout).
void AuditLockout(store::Connection& conn, const CommandContext& ctx, const Lockout& lockout,
                  std::optional<int64_t> user_id);

// Revokes the bearer token `token` (logout). Fails not_found when no such token is stored.
Status RevokeToken(store::Connection& conn, std::string_view token);

// Deletes the tokens of user `user_id`; returns how many there were.
int64_t RevokeUserTokens(store::Connection& conn, int64_t user_id);

// Deletes every token that expired at or before `now`; returns how many. An expired token is
// refused anyway: this keeps the table from growing for ever.
int64_t PurgeExpiredTokens(store::Connection& conn, Timestamp now);

}  // namespace ordo::auth
