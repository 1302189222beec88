// Pricing benchmark (issue 14): orders of 10, 100 and 1,000 lines quoted and placed on a
// database that holds 10,000 contract prices, 1,000 promotions and a price list with a break for
// every item, and the same on a database without them, side by side in each run.
//
//   ordo_bench_pricing [--runs R] [--orders N] [--inflight C] [--db-dir DIR]
//
// Per run and database:
// - quote: flows::QuotePrices on a read connection (what POST /api/v1/pricing/quote does):
//   every line priced, taxed and given its stock, nothing written;
// - place: one order at a time, PrepareOrder on a read connection and PlacePreparedOrder
//   through the command executor, to its durable answer (priced, taxed, approval rules and
//   credit checked, allocated, committed with fsync);
// - throughput: N durable 10-line orders with C in flight (as `make bench`).
// Latencies are medians (and p95) over each run's repetitions; the summary gives the medians
// of the runs, 1,000 lines against 10 (the bound: at most 120×), and the 10-line
// throughput with the rules against without them (the bound: within 15%).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>

#include "bench_setup.h"
#include "core/clock.h"
#include "flows/order_placement.h"
#include "flows/price_quote.h"
#include "order_clients.h"
#include "store/connection_pool.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/wal_checkpointer.h"

namespace ordo::bench {
namespace {

constexpr int kSizes[] = {10, 100, 1000};

store::ConnectionPtr FreshDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  auto conn = store::OpenSqlite(path, store::SqliteOptions{});
  SystemClock clock;
  auto applied = store::Migrate(*conn, clock);
  if (!applied.ok()) throw std::runtime_error(applied.status().ToString());
  return conn;
}

// An order of `lines` distinct items (a few in cases) for a customer, quantities that reach
// the price list's break (10+) on some lines.
flows::PlaceOrderRequest MakeOrder(const BenchCatalog& cat, int lines, std::mt19937_64& rng) {
  flows::PlaceOrderRequest r;
  r.customer = cat.customers[rng() % cat.customers.size()];
  r.po_number = "PO-PRICING";
  std::vector<size_t> skus(cat.skus.size());
  for (size_t i = 0; i < skus.size(); ++i) skus[i] = i;
  std::shuffle(skus.begin(), skus.end(), rng);
  for (int k = 0; k < lines; ++k) {
    flows::PlaceOrderLine line;
    line.sku = cat.skus[skus[static_cast<size_t>(k) % skus.size()]];
    if (k % 4 == 3) {
      line.uom = "CS";
      line.quantity = std::to_string(1 + rng() % 3);
    } else {
      line.quantity = std::to_string(1 + rng() % 20);
    }
    r.lines.push_back(std::move(line));
  }
  return r;
}

flows::QuoteRequest AsQuote(const flows::PlaceOrderRequest& r) {
  flows::QuoteRequest q;
  q.customer = r.customer;
  for (const auto& l : r.lines) q.lines.push_back({l.sku, l.quantity, l.uom, std::nullopt});
  return q;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1));
  return v[std::min(i, v.size() - 1)];
}

double Median(const std::vector<double>& v) {
  return Percentile(v, 50);
}

struct Database {
  std::string name;
  std::string path;
  std::unique_ptr<store::WalCheckpointer> checkpointer;
  std::unique_ptr<store::CommandExecutor> exec;
  std::unique_ptr<store::ConnectionPool> readers;
  BenchCatalog cat;
};

std::unique_ptr<Database> OpenDatabase(const std::string& dir, const std::string& name,
                                       bool rules) {
  auto db = std::make_unique<Database>();
  db->name = name;
  db->path = dir + "/pricing-" + name + ".db";
  store::ConnectionPtr writer = FreshDb(db->path);
  store::WalCheckpointer::TakeOverFrom(*writer);
  db->checkpointer = std::make_unique<store::WalCheckpointer>(db->path);
  db->exec = std::make_unique<store::CommandExecutor>(std::move(writer));
  BenchScale scale;
  scale.items = 2000;  // a 1,000-line order of distinct items
  db->cat = SetUpBenchCatalog(*db->exec, scale);
  if (rules) AddBenchPricingRules(*db->exec, db->cat);
  store::SqliteOptions options;
  options.query_only = true;
  const std::string path = db->path;
  db->readers = std::make_unique<store::ConnectionPool>(
      4, [path, options] { return store::OpenSqlite(path, options); });
  return db;
}

// Milliseconds of each of `reps` quotes of orders of `lines` lines.
std::vector<double> TimeQuotes(Database& db, int lines, int reps, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> ms;
  SystemClock clock;
  const Date today = DateOf(clock.Now());
  for (int i = 0; i < reps; ++i) {
    flows::QuoteRequest q = AsQuote(MakeOrder(db.cat, lines, rng));
    auto conn = db.readers->Borrow();
    auto t0 = std::chrono::steady_clock::now();
    auto quote = flows::QuotePrices(*conn, q, today);
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (!quote.ok()) throw std::runtime_error("quote: " + quote.status().ToString());
    for (const auto& l : quote->lines) {
      if (!l.errors.empty()) throw std::runtime_error("quote line: " + l.errors.front().message);
    }
  }
  return ms;
}

// Milliseconds of each of `reps` orders of `lines` lines placed one at a time.
std::vector<double> TimePlacements(Database& db, int lines, int reps, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<flows::PlaceOrderRequest> orders;
  for (int i = 0; i < reps; ++i) orders.push_back(MakeOrder(db.cat, lines, rng));
  ClientFigures f = PlaceOrdersWithClients(*db.exec, *db.readers, orders, reps, 1, "bench");
  if (f.created != reps) {
    throw std::runtime_error("placed " + std::to_string(f.created) + " of " + std::to_string(reps) +
                             ": " + f.first_failure);
  }
  return f.latencies_ms;
}

double Throughput(Database& db, int orders, int inflight, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<flows::PlaceOrderRequest> requests;
  for (int i = 0; i < orders; ++i) requests.push_back(MakeOrder(db.cat, 10, rng));
  ClientFigures f =
      PlaceOrdersWithClients(*db.exec, *db.readers, requests, orders, inflight, "bench");
  if (f.created != orders) throw std::runtime_error("throughput: " + f.first_failure);
  return static_cast<double>(f.orders) / f.seconds;
}

int Reps(int lines) {
  return lines == 10 ? 200 : lines == 100 ? 50 : 15;
}

}  // namespace
}  // namespace ordo::bench

int main(int argc, char** argv) {
  using namespace ordo::bench;
  int runs = 3;
  int orders = 5000;
  int inflight = 64;
  std::string dir = "build/bench-data";
  CLI::App app("Ordo pricing benchmark (issue 14)");
  app.add_option("--runs", runs, "Runs; medians are reported");
  app.add_option("--orders", orders, "10-line orders per database for the throughput");
  app.add_option("--inflight", inflight, "Orders in flight for the throughput");
  app.add_option("--db-dir", dir, "Where the benchmark databases go");
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(dir);

  // figures[database][what] per run.
  std::map<std::string, std::map<std::string, std::vector<double>>> figures;
  for (int run = 1; run <= runs; ++run) {
    std::vector<std::unique_ptr<Database>> dbs;
    dbs.push_back(OpenDatabase(dir, "plain", false));
    dbs.push_back(OpenDatabase(dir, "rules", true));
    // Alternate which database goes first, so neither always has the warmer machine.
    if (run % 2 == 0) std::swap(dbs[0], dbs[1]);
    for (auto& db : dbs) {
      auto& f = figures[db->name];
      std::printf("run %d %-5s", run, db->name.c_str());
      for (int lines : kSizes) {
        auto quotes = TimeQuotes(*db, lines, Reps(lines), 7 * run + lines);
        auto placed = TimePlacements(*db, lines, Reps(lines), 11 * run + lines);
        f["quote" + std::to_string(lines)].push_back(Median(quotes));
        f["place" + std::to_string(lines)].push_back(Median(placed));
        std::printf(" | %4d lines: quote %.2f ms (p95 %.2f), place %.2f ms (p95 %.2f)", lines,
                    Median(quotes), Percentile(quotes, 95), Median(placed), Percentile(placed, 95));
      }
      double rate = Throughput(*db, orders, inflight, 13 * run);
      f["throughput"].push_back(rate);
      std::printf(" | 10-line throughput %.0f orders/s\n", rate);
      std::fflush(stdout);
    }
  }
  std::printf("median of %d runs:\n", runs);
  for (const char* name : {"plain", "rules"}) {
    auto& f = figures[name];
    std::printf("  %-5s", name);
    for (int lines : kSizes) {
      std::printf(" | %4d lines: quote %.2f ms, place %.2f ms", lines,
                  Median(f["quote" + std::to_string(lines)]),
                  Median(f["place" + std::to_string(lines)]));
    }
    std::printf(" | throughput %.0f orders/s\n", Median(f["throughput"]));
  }
  auto& rules = figures["rules"];
  auto& plain = figures["plain"];
  std::printf(
      "with rules: 1,000-line order placed in %.2f ms (target < 100 ms); 1,000 lines / 10 lines: "
      "place %.1fx, quote %.1fx (target <= 120x); 10-line throughput with rules / without: "
      "%.2f (target >= 0.85)\n",
      Median(rules["place1000"]), Median(rules["place1000"]) / Median(rules["place10"]),
      Median(rules["quote1000"]) / Median(rules["quote10"]),
      Median(rules["throughput"]) / Median(plain["throughput"]));
  return 0;
}
