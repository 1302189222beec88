#include "cli/user_command.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "auth/api_keys.h"
#include "auth/credential_commands.h"
#include "auth/user_commands.h"
#include "auth/user_json.h"
#include "auth/user_update.h"
#include "cli/cli_output.h"
#include "cli/password_input.h"

namespace ordo::cli {
namespace {

struct AddArgs {
  std::string username;
  PasswordSource password;
  std::vector<std::string> roles;
  std::string customer;
};

struct UserArgs {
  std::string user;  // username, or id
  PasswordSource password;
};

struct RolesArgs {
  std::string user;  // username, or id
  std::vector<std::string> roles;
  std::string customer;
};

struct KeyArgs {
  std::string username;
  std::string name;
  std::string expires_at;
  int64_t id = 0;
};

void Check(const Status& st) {
  if (!st.ok()) throw ExitCode(PrintProblem(st));
}

template <typename T>
T Value(Result<T> result) {
  Check(result.status());
  return std::move(result).value();
}

nlohmann::json TimeOrNull(const std::optional<Timestamp>& t) {
  return t ? nlohmann::json(FormatRfc3339(*t)) : nlohmann::json(nullptr);
}

// The user named (or numbered) `ref`, or exit 1 with not_found.
auth::UserRecord FindUser(CliContext& ctx, const std::string& ref) {
  auto conn = ctx.Open();
  auto user = auth::FindUserByRef(*conn, ref);
  if (!user) Check(Status::NotFound("no user " + ref));
  return *user;
}

void RegisterAdd(CLI::App& user, CliContext& ctx) {
  auto args = std::make_shared<AddArgs>();
  auto* add = user.add_subcommand("add", "Create a user");
  add->add_option("--username", args->username, "3 to 64 of A-Z a-z 0-9 . _ - @")->required();
  AddPasswordOptions(*add, args->password);
  add->add_option("--role", args->roles,
                  "admin, sales, sales_manager, warehouse, ar_clerk, customer, integration")
      ->required();
  add->add_option("--customer", args->customer, "Customer code (for role customer)");
  add->callback([&ctx, args] {
    std::string password = Value(ReadPassword(args->password));
    auth::NewUser in{args->username, password, args->roles, std::nullopt};
    if (!args->customer.empty()) in.customer = args->customer;
    auto exec = ctx.OpenExecutor();
    CommandContext cmd = ctx.NewCommandContext();
    auto created = exec->RunFor<auth::Principal>(
        [&](store::Connection& conn) { return auth::CreateUser(conn, cmd, in); });
    std::cout << auth::ToJson(Value(std::move(created))).dump(2) << "\n";
  });
}

void RegisterSetPassword(CLI::App& user, CliContext& ctx) {
  auto args = std::make_shared<UserArgs>();
  auto* cmd = user.add_subcommand("set-password", "Set a user's password; its tokens end");
  cmd->add_option("user", args->user, "Username (or id)")->required();
  AddPasswordOptions(*cmd, args->password);
  cmd->callback([&ctx, args] {
    std::string password = Value(ReadPassword(args->password));
    std::string hash = Value(auth::HashNewPassword(password, "password"));
    auth::UserRecord target = FindUser(ctx, args->user);
    auto exec = ctx.OpenExecutor();
    CommandContext context = ctx.NewCommandContext();
    Check(exec->Run([&](store::Connection& conn) {
      return auth::StorePassword(conn, context, target.principal.user_id, hash,
                                 "user.password_reset");
    }));
    std::cout << auth::ToJson(target.principal).dump(2) << "\n";
  });
}

void RegisterDisable(CLI::App& user, CliContext& ctx) {
  auto args = std::make_shared<UserArgs>();
  auto* cmd = user.add_subcommand("disable", "Disable a user: no login, its tokens and keys end");
  cmd->add_option("user", args->user, "Username (or id)")->required();
  cmd->callback([&ctx, args] {
    auth::UserRecord target = FindUser(ctx, args->user);
    auto exec = ctx.OpenExecutor();
    CommandContext context = ctx.NewCommandContext();
    Check(exec->Run([&](store::Connection& conn) {
      return auth::DisableUser(conn, context, target.principal.user_id);
    }));
    std::cout << auth::ToJson(target.principal).dump(2) << "\n";
  });
}

// Runs `patch` on the user named `ref` (auth::UpdateUser: the API's rules) and prints the user.
void RunUpdate(CliContext& ctx, const std::string& ref, const auth::UserPatch& patch) {
  auth::UserRecord target = FindUser(ctx, ref);
  auto exec = ctx.OpenExecutor();
  CommandContext context = ctx.NewCommandContext();
  auto updated = exec->RunFor<auth::UserRecord>([&](store::Connection& conn) {
    return auth::UpdateUser(conn, context, target.principal.user_id, patch, std::nullopt);
  });
  std::cout << auth::ToJson(Value(std::move(updated)).principal).dump(2) << "\n";
}

void RegisterSetRoles(CLI::App& user, CliContext& ctx) {
  auto args = std::make_shared<RolesArgs>();
  auto* cmd =
      user.add_subcommand("set-roles", "Replace a user's roles (and customer); its tokens end");
  cmd->add_option("user", args->user, "Username (or id)")->required();
  cmd->add_option("--role", args->roles,
                  "admin, sales, sales_manager, warehouse, ar_clerk, customer, integration")
      ->required();
  cmd->add_option("--customer", args->customer, "Customer code (for role customer)");
  cmd->callback([&ctx, args] {
    auth::UserPatch patch;
    patch.roles = args->roles;
    patch.customer = args->customer.empty() ? std::nullopt : std::optional(args->customer);
    RunUpdate(ctx, args->user, patch);
  });
}

void RegisterEnable(CLI::App& user, CliContext& ctx) {
  auto args = std::make_shared<UserArgs>();
  auto* cmd = user.add_subcommand("enable", "Let a disabled user sign in again");
  cmd->add_option("user", args->user, "Username (or id)")->required();
  cmd->callback([&ctx, args] { RunUpdate(ctx, args->user, auth::UserPatch{.disabled = false}); });
}

void RegisterApiKeys(CLI::App& user, CliContext& ctx) {
  auto args = std::make_shared<KeyArgs>();
  auto* key = user.add_subcommand("api-key", "Create an API key for a user");
  key->add_option("--username", args->username, "The user the key acts as")->required();
  key->add_option("--name", args->name, "What the key is for, e.g. edi-gateway")->required();
  key->add_option("--expires-at", args->expires_at,
                  "RFC 3339 time the key ends (default: a year from now)");
  key->callback([&ctx, args] {
    std::optional<Timestamp> expires_at;
    if (!args->expires_at.empty()) {
      expires_at = ParseRfc3339(args->expires_at);
      if (!expires_at) {
        Check(Status::InvalidArgument(
            "--expires-at is not an RFC 3339 time",
            {{"expires_at", "invalid_format", "an RFC 3339 time, e.g. 2027-01-31T00:00:00Z"}}));
      }
    }
    auto exec = ctx.OpenExecutor();
    CommandContext cmd = ctx.NewCommandContext();
    auto issued = Value(exec->RunFor<auth::IssuedApiKey>([&](store::Connection& conn) {
      return auth::CreateApiKey(conn, cmd, args->username, args->name, expires_at);
    }));
    std::cout << nlohmann::json{{"id", issued.id},
                                {"name", issued.name},
                                {"prefix", issued.prefix},
                                {"expires_at", FormatRfc3339(issued.expires_at)},
                                {"key", issued.key}}
                     .dump(2)
              << "\n";
  });

  auto* list = user.add_subcommand("api-keys", "List API keys (never their secrets)");
  list->add_option("--username", args->username, "Only this user's keys");
  list->callback([&ctx, args] {
    auto conn = ctx.Open();
    auth::ApiKeyQuery query;
    if (!args->username.empty()) query.user_id = FindUser(ctx, args->username).principal.user_id;
    nlohmann::json out = nlohmann::json::array();
    for (const auto& k : auth::ListApiKeys(*conn, query)) {
      out.push_back(
          {{"id", k.id},
           {"prefix", k.prefix.empty() ? nlohmann::json(nullptr) : nlohmann::json(k.prefix)},
           {"name", k.name},
           {"username", k.username},
           {"created_at", FormatRfc3339(k.created_at)},
           {"expires_at", TimeOrNull(k.expires_at)},
           {"last_used_at", TimeOrNull(k.last_used_at)},
           {"revoked_at", TimeOrNull(k.revoked_at)}});
    }
    std::cout << out.dump(2) << "\n";
  });

  auto* revoke = user.add_subcommand("revoke-api-key", "Revoke an API key");
  revoke->add_option("id", args->id, "The key's id (from ordo user api-keys)")->required();
  revoke->callback([&ctx, args] {
    auto exec = ctx.OpenExecutor();
    CommandContext cmd = ctx.NewCommandContext();
    Check(exec->Run(
        [&](store::Connection& conn) { return auth::RevokeApiKey(conn, cmd, args->id); }));
  });
}

}  // namespace

void RegisterUserCommands(CLI::App& app, CliContext& ctx) {
  auto* user = app.add_subcommand("user", "Manage users and API keys");
  user->require_subcommand(1);
  RegisterAdd(*user, ctx);
  RegisterSetPassword(*user, ctx);
  RegisterDisable(*user, ctx);
  RegisterEnable(*user, ctx);
  RegisterSetRoles(*user, ctx);
  RegisterApiKeys(*user, ctx);
}

}  // namespace ordo::cli
