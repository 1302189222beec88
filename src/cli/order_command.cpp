#include "cli/order_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_output.h"
#include "core/ids.h"
#include "core/text_check.h"
#include "flows/order_changes.h"
#include "flows/order_placement.h"
#include "orders/order_json.h"
#include "orders/order_repository.h"
#include "requests/order_request_json.h"
#include "views/order_view.h"

namespace ordo::cli {
namespace {

struct PlaceArgs {
  std::string json_file;
  std::string customer;
  std::string ship_to;
  std::string po_number;
  std::string channel = "phone";
  std::string requested_date;
  bool no_partial = false;
  std::vector<std::string> lines;  // SKU:QTY[:UOM[:PRICE:REASON]]
};

std::string ReadAll(const std::string& file) {
  std::stringstream buf;
  if (file == "-") {
    buf << std::cin.rdbuf();
  } else {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file);
    buf << in.rdbuf();
  }
  return buf.str();
}

// The text of the arguments, checked as the API checks the same fields (core/text_check.h),
// each named by its option; nullopt when all are acceptable.
std::optional<Status> CheckTextArgs(const PlaceArgs& a, const flows::PlaceOrderRequest& r) {
  std::vector<FieldError> errors;
  CheckText(a.customer, text_limits::kCustomerCode, "--customer", errors);
  CheckText(a.ship_to, text_limits::kShipToCode, "--ship-to", errors);
  CheckText(a.po_number, text_limits::kPoNumber, "--po", errors);
  CheckText(a.channel, text_limits::kUnlisted, "--channel", errors);
  CheckText(a.requested_date, text_limits::kUnlisted, "--requested-date", errors);
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const flows::PlaceOrderLine& line = r.lines[i];
    const std::string at = "--line " + std::to_string(i + 1) + " ";
    CheckText(line.sku, text_limits::kSku, at + "SKU", errors);
    CheckText(line.quantity, text_limits::kUnlisted, at + "QTY", errors);
    CheckText(line.uom, text_limits::kUom, at + "UOM", errors);
    CheckText(line.unit_price.value_or(""), text_limits::kUnlisted, at + "PRICE", errors);
    CheckText(line.override_reason, text_limits::kOverrideReason, at + "REASON", errors);
  }
  if (errors.empty()) return std::nullopt;
  return Status::InvalidArgument("the arguments hold text that is not acceptable",
                                 std::move(errors));
}

Result<flows::PlaceOrderRequest> BuildRequest(const PlaceArgs& a) {
  if (!a.json_file.empty()) return requests::ParsePlaceOrderJson(ReadAll(a.json_file));
  flows::PlaceOrderRequest r;
  r.customer = a.customer;
  r.ship_to = a.ship_to;
  r.po_number = a.po_number;
  r.channel = a.channel;
  if (!a.requested_date.empty()) r.requested_date = a.requested_date;
  r.allow_partial_shipment = !a.no_partial;
  for (const auto& spec : a.lines) {
    std::vector<std::string> parts;
    std::stringstream ss(spec);
    for (std::string p; std::getline(ss, p, ':');) parts.push_back(p);
    flows::PlaceOrderLine line;
    if (parts.size() > 0) line.sku = parts[0];
    if (parts.size() > 1) line.quantity = parts[1];
    if (parts.size() > 2) line.uom = parts[2];
    if (parts.size() > 3) line.unit_price = parts[3];
    if (parts.size() > 4) line.override_reason = parts[4];
    r.lines.push_back(std::move(line));
  }
  if (std::optional<Status> refused = CheckTextArgs(a, r)) return *refused;
  return r;
}

// Finds an order by number ("SO-000042") or id ("42").
std::optional<orders::Order> FindOrder(store::Connection& conn, const std::string& ref) {
  if (auto seq = ParseDocumentNumber(ref, "SO")) return views::LoadOrderByNumber(conn, ref);
  try {
    size_t used = 0;
    long long id = std::stoll(ref, &used);
    if (used == ref.size()) return views::LoadOrder(conn, OrderId(id));
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

int PrintOutcome(const Result<orders::Order>& r) {
  if (!r.ok()) return PrintProblem(r.status());
  std::cout << orders::ToJson(*r).dump(2) << "\n";
  return 0;
}

}  // namespace

void RegisterOrderCommands(CLI::App& app, CliContext& ctx) {
  auto* order = app.add_subcommand("order", "Place, show, cancel and release sales orders");
  order->require_subcommand(1);

  auto args = std::make_shared<PlaceArgs>();
  auto* place = order->add_subcommand("place", "Place an order");
  place->add_option("--json", args->json_file, "Order as API JSON (a file, or - for stdin)");
  place->add_option("--customer", args->customer, "Customer code");
  place->add_option("--ship-to", args->ship_to, "Ship-to code (default: the first)");
  place->add_option("--po", args->po_number, "Customer PO number");
  place->add_option("--channel", args->channel, "phone|email|web|portal|edi|api|csv");
  place->add_option("--requested-date", args->requested_date, "YYYY-MM-DD");
  place->add_flag("--no-partial", args->no_partial, "Forbid partial shipment");
  place->add_option("--line", args->lines, "SKU:QTY[:UOM[:PRICE:REASON]] (repeat)");
  place->callback([&ctx, args] {
    auto request = BuildRequest(*args);
    if (!request.ok()) throw ExitCode(PrintProblem(request.status()));
    auto exec = ctx.OpenExecutor();
    CommandContext cc = ctx.NewCommandContext();
    auto placed = exec->RunFor<orders::Order>(
        [&](store::Connection& c) { return flows::PlaceOrder(c, cc, *request); });
    if (int rc = PrintOutcome(placed); rc != 0) throw ExitCode(rc);
  });

  auto ref = std::make_shared<std::string>();
  auto* show = order->add_subcommand("show", "Show an order by number or id");
  show->add_option("order", *ref, "SO-000042 or 42")->required();
  show->callback([&ctx, ref] {
    auto conn = ctx.Open();
    auto o = FindOrder(*conn, *ref);
    if (!o) throw ExitCode(PrintProblem(Status::NotFound("no order " + *ref)));
    std::cout << orders::ToJson(*o).dump(2) << "\n";
  });

  auto cancel_ref = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  auto* cancel = order->add_subcommand("cancel", "Cancel an order's unshipped quantities");
  cancel->add_option("order", *cancel_ref, "SO-000042 or 42")->required();
  cancel->add_option("--reason", *reason, "Why")->required();
  cancel->callback([&ctx, cancel_ref, reason] {
    auto exec = ctx.OpenExecutor();
    CommandContext cc = ctx.NewCommandContext();
    auto r = exec->RunFor<orders::Order>([&](store::Connection& c) -> Result<orders::Order> {
      auto o = FindOrder(c, *cancel_ref);
      if (!o) return Status::NotFound("no order " + *cancel_ref);
      return flows::CancelOrder(c, cc, o->id, *reason, std::nullopt);
    });
    if (int rc = PrintOutcome(r); rc != 0) throw ExitCode(rc);
  });

  auto rel_ref = std::make_shared<std::string>();
  auto kind = std::make_shared<std::string>("credit");
  auto note = std::make_shared<std::string>();
  auto* release = order->add_subcommand("release-hold", "Release an order's hold");
  release->add_option("order", *rel_ref, "SO-000042 or 42")->required();
  release->add_option("--kind", *kind, "Hold kind (default credit)");
  release->add_option("--note", *note, "Why it may go ahead");
  release->callback([&ctx, rel_ref, kind, note] {
    auto exec = ctx.OpenExecutor();
    CommandContext cc = ctx.NewCommandContext();
    auto r = exec->RunFor<orders::Order>([&](store::Connection& c) -> Result<orders::Order> {
      auto o = FindOrder(c, *rel_ref);
      if (!o) return Status::NotFound("no order " + *rel_ref);
      return flows::ReleaseHold(c, cc, o->id, *kind, *note, std::nullopt);
    });
    if (int rc = PrintOutcome(r); rc != 0) throw ExitCode(rc);
  });
}

}  // namespace ordo::cli
