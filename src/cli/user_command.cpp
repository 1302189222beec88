#include "cli/user_command.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "auth/api_keys.h"
#include "auth/user_commands.h"
#include "auth/user_json.h"
#include "cli/cli_output.h"

namespace ordo::cli {
namespace {

struct AddArgs {
  std::string username;
  std::string password;
  std::vector<std::string> roles;
  std::string customer;
};

struct KeyArgs {
  std::string username;
  std::string name;
};

}  // namespace

void RegisterUserCommands(CLI::App& app, CliContext& ctx) {
  auto* user = app.add_subcommand("user", "Manage users and API keys");
  user->require_subcommand(1);

  auto add_args = std::make_shared<AddArgs>();
  auto* add = user->add_subcommand("add", "Create a user");
  add->add_option("--username", add_args->username, "3 to 64 of A-Z a-z 0-9 . _ - @")->required();
  add->add_option("--password", add_args->password, "At least 8 characters")->required();
  add->add_option("--role", add_args->roles,
                  "admin, sales, sales_manager, warehouse, ar_clerk, customer, integration")
      ->required();
  add->add_option("--customer", add_args->customer, "Customer code (for role customer)");
  add->callback([&ctx, add_args] {
    auth::NewUser in{add_args->username, add_args->password, add_args->roles, std::nullopt};
    if (!add_args->customer.empty()) in.customer = add_args->customer;
    auto exec = ctx.OpenExecutor();
    CommandContext cmd = ctx.NewCommandContext();
    auto created = exec->RunFor<auth::Principal>(
        [&](store::Connection& conn) { return auth::CreateUser(conn, cmd, in); });
    if (!created.ok()) throw ExitCode(PrintProblem(created.status()));
    std::cout << auth::ToJson(*created).dump(2) << "\n";
  });

  auto key_args = std::make_shared<KeyArgs>();
  auto* key = user->add_subcommand("api-key", "Create an API key for a user");
  key->add_option("--username", key_args->username, "The user the key acts as")->required();
  key->add_option("--name", key_args->name, "What the key is for, e.g. edi-gateway")->required();
  key->callback([&ctx, key_args] {
    auto exec = ctx.OpenExecutor();
    CommandContext cmd = ctx.NewCommandContext();
    auto issued = exec->RunFor<auth::IssuedApiKey>([&](store::Connection& conn) {
      return auth::CreateApiKey(conn, cmd, key_args->username, key_args->name);
    });
    if (!issued.ok()) throw ExitCode(PrintProblem(issued.status()));
    std::cout
        << nlohmann::json{{"id", issued->id}, {"name", issued->name}, {"key", issued->key}}.dump(2)
        << "\n";
  });
}

}  // namespace ordo::cli
