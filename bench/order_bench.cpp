// Order-entry benchmark: durable 10-line orders placed in process through the command
// executor (group commit), next to the baseline loop in the same run.
//
//   ordo_bench_orders [--orders N] [--inflight C] [--runs R] [--db-dir DIR] [--pricing-rules]
//
// Each run builds fresh databases of the same demo-scale catalog: one for Ordo, one for the
// baseline, and one for the row-write ceiling (the baseline's rows, all in one transaction
// without fsync: what SQLite's CPU allows for these rows, which no design on them can pass). 1% of
// Ordo's orders carry an unknown SKU and must be rejected. Figures are printed per run and as
// medians, with the ratio Ordo / baseline.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>

#include "baseline_writer.h"
#include "bench_setup.h"
#include "core/clock.h"
#include "flows/order_placement.h"
#include "order_clients.h"
#include "store/connection_pool.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/wal_checkpointer.h"

namespace ordo::bench {
namespace {

struct Workload {
  std::vector<flows::PlaceOrderRequest> requests;
  std::vector<BaselineOrder> baseline;
  int expected_rejects = 0;
};

Workload MakeWorkload(const BenchCatalog& cat, int orders, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  Workload w;
  for (int i = 0; i < orders; ++i) {
    flows::PlaceOrderRequest r;
    size_t customer = pick(cat.customers.size());
    r.customer = cat.customers[customer];
    r.po_number = "PO-" + std::to_string(i);
    BaselineOrder b{static_cast<int64_t>(customer + 1), {}};
    bool reject = i % 100 == 99;
    std::vector<size_t> chosen;
    while (chosen.size() < 10) {
      size_t s = pick(cat.skus.size());
      if (std::find(chosen.begin(), chosen.end(), s) == chosen.end()) chosen.push_back(s);
    }
    for (size_t k = 0; k < chosen.size(); ++k) {
      flows::PlaceOrderLine line;
      line.sku = cat.skus[chosen[k]];
      int64_t qty = 1 + static_cast<int64_t>(pick(20));
      if (k % 4 == 3) {
        line.uom = "CS";
        line.quantity = std::to_string(qty % 3 + 1);
        b.lines.push_back({static_cast<int64_t>(chosen[k] + 1), (qty % 3 + 1) * 12});
      } else {
        line.quantity = std::to_string(qty);
        b.lines.push_back({static_cast<int64_t>(chosen[k] + 1), qty});
      }
      r.lines.push_back(std::move(line));
    }
    if (reject) {
      r.lines[5].sku = "NO-SUCH-SKU";
      w.expected_rejects++;
    }
    w.requests.push_back(std::move(r));
    w.baseline.push_back(std::move(b));
  }
  return w;
}

std::string g_synchronous = "FULL";

store::ConnectionPtr FreshDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  store::SqliteOptions options;
  options.synchronous = g_synchronous;
  auto conn = store::OpenSqlite(path, options);
  SystemClock clock;
  auto applied = store::Migrate(*conn, clock);
  if (!applied.ok()) throw std::runtime_error(applied.status().ToString());
  return conn;
}

struct OrdoFigures {
  ClientFigures run;
  store::ExecutorStats stats;
  double writer_cpu_seconds = 0;   // the writer thread's, during the run
  double writer_wait_seconds = 0;  // its time with no command queued, during the run
  int64_t writer_bytes = 0;        // what it passed to write calls (the WAL), during the run
  int64_t writer_writes = 0;
};

// What a thread of this process, found by name, has written so far (Linux /proc; zeros when
// it cannot be read).
struct ThreadIo {
  int64_t bytes_written = 0;
  int64_t write_calls = 0;
};

ThreadIo ReadThreadIo(const std::string& name) {
  ThreadIo out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/task", ec)) {
    std::ifstream comm(e.path() / "comm");
    std::string comm_name;
    if (!std::getline(comm, comm_name) || comm_name != name) continue;
    std::ifstream io(e.path() / "io");
    std::string key;
    int64_t value = 0;
    while (io >> key >> value) {
      if (key == "wchar:") out.bytes_written = value;
      if (key == "syscw:") out.write_calls = value;
    }
  }
  return out;
}

OrdoFigures RunOrdo(store::CommandExecutor& exec, const std::string& db_path,
                    const std::vector<flows::PlaceOrderRequest>& reqs, int inflight) {
  store::SqliteOptions options;
  options.synchronous = g_synchronous;
  options.query_only = true;
  store::ConnectionPool readers(4, [&] { return store::OpenSqlite(db_path, options); });
  OrdoFigures out;
  const store::ExecutorStats before = exec.Stats();
  const ThreadIo io_before = ReadThreadIo("ordo-writer");
  out.run = PlaceOrdersWithClients(exec, readers, reqs, static_cast<int64_t>(reqs.size()), inflight,
                                   "bench");
  out.stats = exec.Stats();
  out.writer_cpu_seconds = out.stats.writer_cpu_seconds - before.writer_cpu_seconds;
  out.writer_wait_seconds = out.stats.writer_wait_seconds - before.writer_wait_seconds;
  const ThreadIo io_after = ReadThreadIo("ordo-writer");
  out.writer_bytes = io_after.bytes_written - io_before.bytes_written;
  out.writer_writes = io_after.write_calls - io_before.write_calls;
  return out;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace
}  // namespace ordo::bench

int main(int argc, char** argv) {
  using namespace ordo;
  using namespace ordo::bench;
  int orders = 20000;
  int baseline_orders = 2000;
  int inflight = 64;
  int runs = 3;
  std::string dir = "build/bench-data";
  bool pricing_rules = false;
  CLI::App app("Ordo order-entry benchmark");
  app.add_option("--orders", orders, "Orders placed through Ordo per run");
  app.add_option("--baseline-orders", baseline_orders, "Orders written by the baseline per run");
  app.add_option("--inflight", inflight, "Orders in flight (concurrent clients)");
  app.add_option("--runs", runs, "Runs; medians are reported");
  app.add_option("--db-dir", dir, "Where the benchmark databases go");
  app.add_option("--synchronous", g_synchronous,
                 "SQLite synchronous for Ordo's database (FULL; OFF only to study CPU cost)");
  app.add_flag("--pricing-rules", pricing_rules,
               "Ordo's database also holds 10,000 contract prices, 1,000 promotions and a price "
               "list with breaks for every item (issue 14)");
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(dir);

  std::vector<double> ceiling_rate, ordo_rate, ordo_p50, ordo_p99, base_rate, base_p50, base_p99,
      ratio;
  for (int run = 1; run <= runs; ++run) {
    BenchScale scale;
    // As `ordo serve` runs it: WAL checkpoints on a background connection, not the writer.
    store::ConnectionPtr writer = FreshDb(dir + "/ordo.db");
    store::WalCheckpointer::TakeOverFrom(*writer);
    store::WalCheckpointer checkpointer(dir + "/ordo.db");
    auto exec = std::make_unique<store::CommandExecutor>(std::move(writer));
    BenchCatalog cat = SetUpBenchCatalog(*exec, scale);
    if (pricing_rules) AddBenchPricingRules(*exec, cat);
    Workload w = MakeWorkload(cat, orders, 1000 + run);
    {
      auto base_exec = std::make_unique<store::CommandExecutor>(FreshDb(dir + "/baseline.db"));
      SetUpBenchCatalog(*base_exec, scale);
    }
    std::vector<BaselineOrder> base_orders(
        w.baseline.begin(),
        w.baseline.begin() + std::min<size_t>(baseline_orders, w.baseline.size()));
    RunFigures base = RunBaseline(dir + "/baseline.db", base_orders);
    {
      auto ceiling_exec = std::make_unique<store::CommandExecutor>(FreshDb(dir + "/ceiling.db"));
      SetUpBenchCatalog(*ceiling_exec, scale);
    }
    RunFigures ceiling = RunRowWriteCeiling(dir + "/ceiling.db", w.baseline);
    OrdoFigures o = RunOrdo(*exec, dir + "/ordo.db", w.requests, inflight);
    if (o.run.rejected != w.expected_rejects || o.run.failed != 0) {
      std::cerr << "FAIL: rejected " << o.run.rejected << " (expected " << w.expected_rejects
                << "), failed " << o.run.failed << " " << o.run.first_failure << "\n";
      return 1;
    }
    const double ordo_per_second = static_cast<double>(o.run.orders) / o.run.seconds;
    double r = ordo_per_second / base.orders_per_second();
    std::printf(
        "run %d: ordo %.0f orders/s p50 %.2f ms p99 %.2f ms (cpu %.0f us/order; writer %.0f "
        "us/order, "
        "busy %.0f%%, idle %.0f%%, %.1f KB and %.1f writes/order; batches avg %.1f, max %lld) | "
        "baseline %.0f orders/s p50 %.2f ms p99 %.2f ms | ratio %.2fx | row-write ceiling %.0f "
        "orders/s\n",
        run, ordo_per_second, o.run.Percentile(50), o.run.Percentile(99), o.run.cpu_us_per_order,
        1e6 * o.writer_cpu_seconds / static_cast<double>(o.run.orders),
        100 * o.writer_cpu_seconds / o.run.seconds, 100 * o.writer_wait_seconds / o.run.seconds,
        static_cast<double>(o.writer_bytes) / 1024.0 / static_cast<double>(o.run.orders),
        static_cast<double>(o.writer_writes) / static_cast<double>(o.run.orders),
        static_cast<double>(o.stats.commands) / static_cast<double>(o.stats.batches),
        static_cast<long long>(o.stats.max_batch), base.orders_per_second(), base.Percentile(50),
        base.Percentile(99), r, ceiling.orders_per_second());
    ceiling_rate.push_back(ceiling.orders_per_second());
    ordo_rate.push_back(ordo_per_second);
    ordo_p50.push_back(o.run.Percentile(50));
    ordo_p99.push_back(o.run.Percentile(99));
    base_rate.push_back(base.orders_per_second());
    base_p50.push_back(base.Percentile(50));
    base_p99.push_back(base.Percentile(99));
    ratio.push_back(r);
  }
  std::printf(
      "median of %d runs: ordo %.0f orders/s (p50 %.2f ms, p99 %.2f ms, %d in flight) | "
      "baseline %.0f orders/s (p50 %.2f ms, p99 %.2f ms) | ratio %.2fx | "
      "row-write ceiling %.0f orders/s\n",
      runs, Median(ordo_rate), Median(ordo_p50), Median(ordo_p99), inflight, Median(base_rate),
      Median(base_p50), Median(base_p99), Median(ratio), Median(ceiling_rate));
  return 0;
}
