#include "demo/demo_data.h"

#include <string>
#include <utility>
#include <vector>

#include "catalog/customer_part_number.h"
#include "catalog/item_commands.h"
#include "catalog/item_queries.h"
#include "customers/customer_commands.h"
#include "customers/customer_queries.h"
#include "customers/customer_repository.h"
#include "demo/demo_accounts.h"
#include "demo/demo_approvals.h"
#include "demo/demo_batch.h"
#include "demo/demo_calendar.h"
#include "demo/demo_catalog.h"
#include "demo/demo_catalog_facts.h"
#include "demo/demo_configurators.h"
#include "demo/demo_history.h"
#include "demo/demo_order_changes.h"
#include "demo/demo_orders.h"
#include "demo/demo_pricing.h"
#include "demo/demo_product_lines.h"
#include "demo/demo_quotes.h"
#include "demo/demo_random.h"
#include "demo/demo_returns.h"
#include "demo/demo_stock.h"
#include "demo/demo_tax_exemptions.h"
#include "demo/demo_tax_rates.h"
#include "fulfillment/shipment_repository.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_queries.h"
#include "receivables/payment_count.h"

namespace ordo::demo {
namespace {

// Follow-up decisions draw from their own stream, so changing them leaves the plan alone.
constexpr uint64_t kFollowUpStream = 0x9e37'79b9'7f4a'7c15;
constexpr uint64_t kReturnsStream = 0xc2b2'ae3d'27d4'eb4f;

Status ValidateOptions(const DemoOptions& o) {
  std::vector<FieldError> errors;
  auto check = [&](const char* field, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      errors.push_back(
          {field, "out_of_range",
           std::string(field) + " must be " + std::to_string(lo) + " to " + std::to_string(hi)});
    }
  };
  check("items", o.items, 10, 20'000);
  check("customers", o.customers, 1, 5'000);
  check("history_days", o.history_days, 1, 730);
  check("orders_per_day", o.orders_per_day, 0, 2'000);
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("invalid demo data options", std::move(errors));
}

// invalid_state unless the tables the demo fills are empty.
Status RequireEmptyDatabase(store::CommandExecutor& exec) {
  auto found = exec.RunFor<std::string>([](store::Connection& c) -> Result<std::string> {
    std::string found;
    const std::pair<const char*, int64_t> counts[] = {{"items", catalog::CountItems(c)},
                                                      {"customers", customers::CountCustomers(c)},
                                                      {"warehouses", inventory::CountWarehouses(c)},
                                                      {"orders", orders::CountOrders(c)}};
    for (const auto& [what, count] : counts) {
      if (count > 0) found += (found.empty() ? "" : ", ") + std::to_string(count) + " " + what;
    }
    return found;
  });
  if (!found.ok()) return found.status();
  if (found->empty()) return Status::Ok();
  return Status::InvalidState("the database already has " + *found +
                              ": demo data goes only into an empty database");
}

// Tiers and warehouses, then the catalog, then the customers, on the days before the history.
Status CreateMasterData(store::CommandExecutor& exec,
                        const std::vector<customers::PriceTier>& tiers,
                        const std::vector<inventory::Warehouse>& warehouses,
                        const std::vector<DemoItem>& catalog,
                        const std::vector<DemoCustomer>& customers, const HistoryWindow& window) {
  const Date setup{window.first.days - 10};
  CommandBatch batch(exec);
  CommandContext admin{"user:admin", "", At(setup, 14 * kHour)};
  for (const auto& t : tiers) {
    batch.Add("price tier " + t.code,
              [&t, admin](store::Connection& c) { return customers::SavePriceTier(c, admin, t); });
  }
  for (const auto& rate : DemoTaxRates()) {
    batch.Add(
        "tax rate " + rate.region + " " + rate.tax_class,
        [rate, admin](store::Connection& c) { return invoicing::SaveTaxRate(c, admin, rate); });
  }
  for (const auto& w : warehouses) {
    batch.Add("warehouse " + w.code, [&w, admin](store::Connection& c) {
      return inventory::CreateWarehouse(c, admin, w).status();
    });
  }
  for (const auto& line : DemoProductLines()) {
    batch.Add("product line " + line.code, [line, admin](store::Connection& c) {
      return catalog::CreateProductLine(c, admin, line).status();
    });
  }
  for (size_t i = 0; i < catalog.size(); ++i) {
    CommandContext ctx{"user:purchasing.kim", "",
                       At(Date{setup.days + 1}, 14 * kHour + 5 * static_cast<int64_t>(i))};
    const catalog::NewItem& item = catalog[i].item;
    batch.Add("item " + item.sku, [&item, ctx](store::Connection& c) {
      return catalog::CreateItem(c, ctx, item).status();
    });
  }
  for (size_t i = 0; i < customers.size(); ++i) {
    CommandContext ctx{"user:credit.manager", "",
                       At(Date{setup.days + 2}, 15 * kHour + 90 * static_cast<int64_t>(i))};
    const customers::NewCustomer& account = customers[i].account;
    batch.Add("customer " + account.code, [&account, ctx](store::Connection& c) {
      return customers::CreateCustomer(c, ctx, account).status();
    });
  }
  AddDemoTaxExemptions(batch, customers, window);
  CommandContext sales{"user:sales", "", At(Date{setup.days + 3}, 10 * kHour)};
  for (const auto& p : DemoPartNumbers(catalog, customers)) {
    batch.Add("part number " + p.part_number, [p, sales](store::Connection& c) -> Status {
      auto customer = customers::FindCustomerByCode(c, p.customer);
      if (!customer) return Status::Internal("no demo customer " + p.customer);
      return catalog::SaveCustomerPartNumber(c, sales, customer->id, p.part_number, p.sku, p.uom)
          .status();
    });
  }
  return batch.Wait();
}

}  // namespace

Result<DemoSummary> GenerateDemoData(store::CommandExecutor& exec, const DemoOptions& options,
                                     Timestamp now) {
  if (Status st = ValidateOptions(options); !st.ok()) return st;
  if (Status st = RequireEmptyDatabase(exec); !st.ok()) return st;

  DemoRandom rng(options.seed);
  const HistoryWindow window = WindowBefore(now, options.history_days);
  const std::vector<customers::PriceTier> tiers = DemoPriceTiers();
  const std::vector<inventory::Warehouse> warehouses = DemoWarehouses();
  std::vector<DemoItem> catalog = BuildCatalog(rng, options.items);
  AddCatalogFacts(catalog);
  std::vector<DemoCustomer> customers = BuildCustomers(rng, options.customers, catalog);
  const std::vector<PlannedOrder> orders =
      PlanOrders(rng, catalog, customers, tiers, window, options.orders_per_day);
  std::vector<Money> planned(customers.size());
  for (const auto& o : orders) planned[o.customer] += o.value;
  SizeCreditLimits(rng, planned, options.history_days, customers);
  const StockPlan stock = PlanStock(rng, catalog, orders, warehouses, window);
  for (size_t i = 0; i < catalog.size(); ++i) {
    catalog[i].item.reorder_point = stock.reorder_points[i];
  }

  if (Status st = CreateMasterData(exec, tiers, warehouses, catalog, customers, window); !st.ok()) {
    return st;
  }
  const Date configured{window.first.days - 8};
  if (Status st = CreateDemoConfigurators(exec, At(configured, 11 * kHour)); !st.ok()) return st;
  DemoRandom follow_ups(options.seed ^ kFollowUpStream);
  auto history = RunHistory(exec, orders, stock.receipts, window, follow_ups);
  if (!history.ok()) return history.status();
  auto returned = RunDemoReturns(exec, window, options.seed ^ kReturnsStream);
  if (!returned.ok()) return returned.status();
  // This morning's orders that wait for a decision, on rules set after the history.
  auto waiting =
      RunDemoApprovals(exec, catalog, customers, Timestamp{now.micros - 3 * kHour * 1'000'000});
  if (!waiting.ok()) return waiting.status();
  // Three of the open orders changed by the desk, so that the audit shows a change.
  auto changed = RunDemoOrderChanges(exec, catalog, Timestamp{now.micros - 2 * kHour * 1'000'000});
  if (!changed.ok()) return changed.status();
  auto pricing = CreateDemoPricing(exec, catalog, customers, now);
  if (!pricing.ok()) return pricing.status();
  auto quoted = CreateDemoQuotes(exec, catalog, customers, now);
  if (!quoted.ok()) return quoted.status();

  DemoSummary s;
  s.price_tiers = static_cast<int>(tiers.size());
  s.price_lists = pricing->price_lists;
  s.contracts = pricing->contracts;
  s.promotions = pricing->promotions;
  s.warehouses = static_cast<int>(warehouses.size());
  s.items = static_cast<int>(catalog.size());
  for (const auto& d : catalog) s.inactive_items += d.item.active ? 0 : 1;
  s.customers = static_cast<int>(customers.size());
  for (const auto& d : customers) s.ship_tos += static_cast<int>(d.account.ship_tos.size());
  s.receipts = history->receipts;
  s.orders = history->orders;
  s.order_lines = history->order_lines;
  s.released_holds = history->released;
  s.order_value = history->value;
  s.orders += waiting->orders;
  s.order_lines += waiting->order_lines;
  s.order_value += waiting->value;
  s.quotes = quoted->quotes;
  s.orders += quoted->orders;
  s.order_lines += quoted->order_lines;
  s.order_value += quoted->order_value;
  // What the back office did, and which cancellations took effect (one that came after
  // everything shipped was too late), as stored.
  Status counted = exec.Run([&s](store::Connection& c) {
    s.shipments = static_cast<int>(fulfillment::CountShippedShipments(c));
    s.payments = static_cast<int>(receivables::CountPayments(c));
    s.open_receivables = customers::TotalOpenReceivables(c);
    s.cancelled_orders = static_cast<int>(orders::CountCancelledOrders(c));
    // Every hold as stored: the history's credit holds, the holds the approval rules put on
    // orders (a price below its floor among them) and this morning's waiting orders.
    s.held_orders = static_cast<int>(orders::CountHeldOrders(c));
    return Status::Ok();
  });
  if (!counted.ok()) return counted;
  s.first_day = window.first;
  s.last_day = window.Day(window.days - 1);
  return s;
}

}  // namespace ordo::demo
