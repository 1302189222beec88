#include "demo_load.h"

#include <filesystem>
#include <map>
#include <stdexcept>

#include "core/clock.h"
#include "customers/customer_update.h"
#include "demo/demo_data.h"
#include "demo/demo_users.h"
#include "inventory/stock_commands.h"
#include "store/command_executor.h"
#include "store/migrations.h"
#include "store/query.h"
#include "store/sqlite/sqlite_connection.h"

namespace ordo::bench {
namespace {

constexpr int64_t kStockPerItemAndWarehouse = 1'000'000'000;
constexpr int64_t kCreditLimitWhole = 900'000'000'000;

void Check(const Status& st, const char* step) {
  if (!st.ok()) throw std::runtime_error(std::string(step) + ": " + st.ToString());
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// Every active item into every warehouse, one receipt per warehouse.
Status ReceiveLoadStock(store::Connection& c, const CommandContext& ctx) {
  std::vector<std::string> warehouses;
  for (store::Query q(c, "SELECT code FROM warehouses ORDER BY id"); q.Next();) {
    warehouses.push_back(q.Text(0));
  }
  std::vector<std::string> skus;
  for (store::Query q(c, "SELECT sku FROM items WHERE active = 1 ORDER BY id"); q.Next();) {
    skus.push_back(q.Text(0));
  }
  for (const auto& w : warehouses) {
    inventory::Receipt receipt{w, {}, "benchmark load stock"};
    for (const auto& sku : skus) receipt.lines.push_back({sku, kStockPerItemAndWarehouse});
    if (Status st = inventory::ReceiveStock(c, ctx, receipt); !st.ok()) return st;
  }
  return Status::Ok();
}

Status RaiseCreditLimits(store::Connection& c, const CommandContext& ctx) {
  std::vector<int64_t> ids;
  for (store::Query q(c, "SELECT id FROM customers ORDER BY id"); q.Next();)
    ids.push_back(q.Int(0));
  customers::CustomerPatch patch;
  patch.credit_limit = Money::FromWhole(kCreditLimitWhole);
  for (int64_t id : ids) {
    auto r = customers::UpdateCustomer(c, ctx, CustomerId(id), patch, std::nullopt);
    if (!r.ok()) return r.status();
  }
  return Status::Ok();
}

DemoMix ReadMix(store::Connection& c) {
  DemoMix mix;
  std::map<int64_t, size_t> sku_index;
  for (store::Query q(c, "SELECT id, sku FROM items WHERE active = 1 ORDER BY id"); q.Next();) {
    sku_index[q.Int(0)] = mix.skus.size();
    mix.skus.push_back({q.Text(1), {}});
  }
  for (store::Query q(c,
                      "SELECT item_id, uom, quantity FROM item_packs ORDER BY item_id, quantity");
       q.Next();) {
    auto it = sku_index.find(q.Int(0));
    if (it != sku_index.end()) mix.skus[it->second].packs.push_back({q.Text(1), q.Int(2)});
  }
  for (store::Query q(c, "SELECT id, code FROM customers WHERE on_hold = 0 ORDER BY id");
       q.Next();) {
    DemoBuyer buyer{q.Text(1), {}};
    for (store::Query s(c, "SELECT code FROM ship_tos WHERE customer_id = ? ORDER BY id", q.Int(0));
         s.Next();) {
      buyer.ship_tos.push_back(s.Text(0));
    }
    mix.buyers.push_back(std::move(buyer));
  }
  store::Query orders(c, "SELECT COALESCE(MAX(id), 0) FROM orders");
  if (orders.Next()) mix.last_order_id = orders.Int(0);
  if (mix.skus.empty() || mix.buyers.empty()) {
    throw std::runtime_error("the demo database has no active items or no customer off hold");
  }
  return mix;
}

}  // namespace

DemoMix CreateDemoLoadDb(const std::string& path, uint64_t seed) {
  RemoveDb(path);
  SystemClock clock;
  {
    auto conn = store::OpenSqlite(path);
    auto applied = store::Migrate(*conn, clock);
    if (!applied.ok()) throw std::runtime_error("migrate: " + applied.status().ToString());
    store::CommandExecutor exec(std::move(conn));
    demo::DemoOptions options;
    options.seed = seed;
    auto summary = demo::GenerateDemoData(exec, options, clock.Now());
    Check(summary.status(), "demo data");
    Check(demo::CreateDemoUsers(exec, clock.Now()), "demo users");
    CommandContext ctx{"user:admin", "", clock.Now()};
    Check(exec.Run([&](store::Connection& c) { return ReceiveLoadStock(c, ctx); }), "load stock");
    Check(exec.Run([&](store::Connection& c) { return RaiseCreditLimits(c, ctx); }),
          "credit limits");
  }
  return ReadDemoMix(path);
}

DemoMix ReadDemoMix(const std::string& path) {
  auto conn = store::OpenSqlite(path);
  return ReadMix(*conn);
}

void CopyDb(const std::string& from, const std::string& to) {
  RemoveDb(to);
  std::filesystem::copy_file(from, to);
}

}  // namespace ordo::bench
