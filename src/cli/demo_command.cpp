#include "cli/demo_command.h"

#include <iostream>
#include <memory>

#include "cli/cli_output.h"
#include "demo/demo_data.h"
#include "demo/demo_users.h"
#include "store/command_executor.h"

namespace ordo::cli {
namespace {

void PrintSummary(const std::string& db, const demo::DemoOptions& o, const demo::DemoSummary& s) {
  std::cout << "demo data written to " << db << " (seed " << o.seed << ")\n"
            << "  " << s.warehouses << " warehouses, " << s.price_tiers << " price tiers\n"
            << "  " << s.price_lists << " price lists, " << s.contracts << " contracts, "
            << s.promotions << " promotions, " << s.quotes << " quotes\n"
            << "  " << s.items << " items (" << s.inactive_items << " inactive)\n"
            << "  " << s.customers << " customers with " << s.ship_tos << " ship-tos\n"
            << "  " << s.receipts << " stock receipts\n"
            << "  " << s.orders << " orders with " << s.order_lines << " lines, "
            << FormatDate(s.first_day) << " to " << FormatDate(s.last_day) << ", USD "
            << s.order_value.Format(2) << "\n"
            << "  " << s.held_orders << " placed on credit hold, " << s.released_holds
            << " released\n"
            << "  " << s.cancelled_orders << " cancelled\n"
            << "  " << s.shipments << " shipments, each invoiced; " << s.payments << " payments; "
            << s.open_receivables.Format(2) << " still receivable\n";
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, CliContext& ctx) {
  auto options = std::make_shared<demo::DemoOptions>();
  auto* cmd = app.add_subcommand("demo-data", "Fill an empty database with a demo distributor");
  cmd->add_option("--seed", options->seed, "Random seed (the same seed gives the same data)");
  cmd->add_option("--items", options->items, "Catalog items");
  cmd->add_option("--customers", options->customers, "Customers");
  cmd->add_option("--days", options->history_days, "Days of order history before today");
  cmd->add_option("--orders-per-day", options->orders_per_day, "Orders on a business day");
  cmd->callback([&ctx, options] {
    store::CommandExecutor exec(ctx.Open(/*migrate=*/true));
    auto summary = demo::GenerateDemoData(exec, *options, ctx.clock().Now());
    if (!summary.ok()) throw ExitCode(PrintProblem(summary.status()));
    Status users = demo::CreateDemoUsers(exec, ctx.clock().Now());
    if (!users.ok()) throw ExitCode(PrintProblem(users));
    PrintSummary(ctx.options().db_path, *options, *summary);
    std::cout << "  users (password):";
    for (const auto& u : demo::DemoUsers())
      std::cout << " " << u.username << " (" << u.password << ")";
    std::cout << "\n";
  });
}

}  // namespace ordo::cli
