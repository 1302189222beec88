#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace ordo::cli {

// `ordo user ...`: user administration. Passwords are never arguments: they come from a prompt
// (standard input a terminal), --password-stdin or --password-file (password_input.h).
//   ordo user add --username U --role R [--role R2] [--customer CODE]
//     prints the created user as JSON ({"id", "username", "roles", "customer_id"}).
//   ordo user set-password USER     a new password; every token of the user ends
//   ordo user disable USER          no more logins; the user's tokens and API keys end
//   ordo user api-key --username U --name NAME [--expires-at RFC3339]
//     prints {"id", "name", "prefix", "expires_at", "key"}; the key is shown only this once.
//   ordo user api-keys [--username U]   the keys, never their secrets
//   ordo user revoke-api-key ID
// Errors go to stderr as JSON problems with exit status 1.
void RegisterUserCommands(CLI::App& app, CliContext& ctx);

}  // namespace ordo::cli
