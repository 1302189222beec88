// HTTP order-entry benchmark: wrk against POST /api/v1/orders of the real `ordo serve`, next
// to the in-process figure for the same orders, in one run.
//
//   ordo_bench_http [--seconds S] [--connections C] [--runs R] [--db-dir DIR]
//                   [--perf-seconds P] [--ordo PATH]
//
// Once: the demo distributor of `ordo demo-data` is made into DIR/http-demo.db with deep stock
// and high credit limits (demo_load.h), and a few thousand valid 10-line order bodies are
// drawn from it (order_bodies.h). Each run then:
//  1. copies it to DIR/http-run.db and starts `ordo serve` on it (127.0.0.1, ephemeral port);
//  2. logs in as the demo user "sales" for a bearer token;
//  3. runs wrk (2 threads, C connections, S seconds) cycling through the bodies, counting
//     201s and everything else; stops the server (SIGTERM);
//  4. counts the orders stored and checks them against the 201s (the database may hold up to
//     C more: orders committed while wrk was closing its connections);
//  5. copies the demo database again and places as many orders as the server stored 201s for,
//     the same bodies parsed by the API's parser, in process (inprocess_load.h), C in flight.
// Printed per run and as medians: orders/s (201s per second of wrk's run), p50 and p99 of
// both, and HTTP / in-process. Any answer other than 201, any socket error and any mismatch
// between 201s and stored orders is printed loudly and makes the exit status 1.
//
// --perf-seconds P records the server with `perf record -g` for P seconds during run 1
// (DIR/perf.data), starting one second into the load.
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "child_process.h"
#include "demo_load.h"
#include "http_call.h"
#include "inprocess_load.h"
#include "order_bodies.h"
#include "ordo_server.h"
#include "requests/order_request_json.h"
#include "store/query.h"
#include "store/sqlite/sqlite_connection.h"
#include "wrk_load.h"

namespace ordo::bench {
namespace {

struct Settings {
  int seconds = 10;
  int connections = 64;
  int wrk_threads = 2;
  int runs = 3;
  int bodies = 4000;
  int lines = 10;
  uint64_t seed = 42;
  int perf_seconds = 0;
  std::string perf_call_graph = "dwarf,16384";
  std::string dir = "build/bench-data";
  std::string ordo = ORDO_BINARY;
  std::string user = "sales";
  std::string password = "sales-demo-1";
};

struct RunResult {
  WrkFigures http;
  InProcessFigures inproc;
  int64_t stored = 0;  // orders in the database after the HTTP run, beyond the demo's
  double server_cpu_seconds = 0;
  double load_average = 0;  // of the machine over the last minute, when the run started
  std::string stored_statuses;
  bool ok = true;
};

std::string Token(uint16_t port, const Settings& s) {
  nlohmann::json login = {{"username", s.user}, {"password", s.password}};
  HttpAnswer a = HttpCall(port, "POST", "/api/v1/auth/token", login.dump(),
                          {{"Content-Type", "application/json"}});
  if (a.status != 200) {
    throw std::runtime_error("login as " + s.user + " answered " + std::to_string(a.status) + ": " +
                             a.body);
  }
  return nlohmann::json::parse(a.body).at("token").get<std::string>();
}

// Orders after `last_demo_order` in the database at `path`: their number, and their count by
// status ("open 9012, backordered 3").
std::pair<int64_t, std::string> CountNewOrders(const std::string& path, int64_t last_demo_order) {
  auto conn = store::OpenSqlite(path);
  int64_t total = 0;
  std::string by_status;
  for (store::Query q(*conn,
                      "SELECT status, COUNT(*) FROM orders WHERE id > ? GROUP BY status "
                      "ORDER BY COUNT(*) DESC",
                      last_demo_order);
       q.Next();) {
    total += q.Int(1);
    by_status += (by_status.empty() ? "" : ", ") + q.Text(0) + " " + std::to_string(q.Int(1));
  }
  return {total, by_status.empty() ? "none" : by_status};
}

void Loud(const std::string& message) {
  std::printf("!!! %s\n", message.c_str());
  std::fflush(stdout);
}

RunResult RunOnce(int run, const Settings& s, const std::string& demo_db, const DemoMix& mix,
                  const std::vector<std::string>& bodies,
                  const std::vector<flows::PlaceOrderRequest>& requests) {
  RunResult r;
  getloadavg(&r.load_average, 1);
  const std::string http_db = s.dir + "/http-run.db";
  CopyDb(demo_db, http_db);
  {
    OrdoServer server(s.ordo, http_db, s.dir + "/serve.log");
    WrkOptions w;
    w.port = server.port();
    w.token = Token(server.port(), s);
    w.threads = s.wrk_threads;
    w.connections = s.connections;
    w.seconds = s.seconds;
    w.script_path = s.dir + "/orders.lua";
    w.output_path = s.dir + "/wrk.out";
    WriteWrkScript(w, bodies);

    std::unique_ptr<ChildProcess> perf;
    auto attach_perf = [&] {
      if (run != 1 || s.perf_seconds <= 0) return;
      std::this_thread::sleep_for(std::chrono::seconds(1));
      int secs = std::min(s.perf_seconds, std::max(1, s.seconds - 2));
      perf = std::make_unique<ChildProcess>(
          std::vector<std::string>{"perf", "record", "-F", "499", "--call-graph", s.perf_call_graph,
                                   "-p", std::to_string(server.pid()), "-o", s.dir + "/perf.data",
                                   "--", "sleep", std::to_string(secs)},
          s.dir + "/perf.out", s.dir + "/perf.err");
    };
    r.http = RunWrk(w, attach_perf);
    if (perf) {
      auto code = perf->Wait(std::chrono::seconds(120));
      if (code && *code == 0) {
        std::printf("perf: %s/perf.data (perf report -i %s/perf.data --no-children)\n",
                    s.dir.c_str(), s.dir.c_str());
      } else {
        Loud("perf record failed: " + ReadFileText(s.dir + "/perf.err"));
      }
    }
    int code = server.Stop();
    r.server_cpu_seconds = server.cpu_seconds();
    if (code != 0) {
      Loud("ordo serve exited with " + std::to_string(code) + "; see " + s.dir + "/serve.log");
      r.ok = false;
    }
  }

  auto [stored, statuses] = CountNewOrders(http_db, mix.last_order_id);
  r.stored = stored;
  r.stored_statuses = statuses;
  if (r.http.not_created > 0) {
    Loud(std::to_string(r.http.not_created) + " of " + std::to_string(r.http.responses) +
         " answers were NOT 201 (4xx " + std::to_string(r.http.s4xx) + ", 5xx " +
         std::to_string(r.http.s5xx) +
         "); they are not counted as orders. First: " + r.http.first_failure);
    r.ok = false;
  }
  if (r.http.socket_errors > 0) {
    Loud(std::to_string(r.http.socket_errors) + " socket errors or timeouts; see " + s.dir +
         "/wrk.out");
    r.ok = false;
  }
  if (stored < r.http.created || stored - r.http.created > s.connections) {
    Loud("the database holds " + std::to_string(stored) + " new orders but wrk counted " +
         std::to_string(r.http.created) + " 201s (expected 0 to " + std::to_string(s.connections) +
         " more, committed while wrk closed its connections)");
    r.ok = false;
  }

  const std::string inproc_db = s.dir + "/inprocess-run.db";
  CopyDb(demo_db, inproc_db);
  // The same work as the server did, so both databases grow alike; a run with no 201s (already
  // reported) still gets an in-process figure.
  int64_t count = r.http.created > 0 ? r.http.created : 10'000;
  r.inproc = RunInProcess(inproc_db, requests, count, s.connections, s.user);
  auto [inproc_stored, inproc_statuses] = CountNewOrders(inproc_db, mix.last_order_id);
  if (r.inproc.created != r.inproc.orders || inproc_stored != r.inproc.created) {
    Loud("in process: " + std::to_string(r.inproc.orders - r.inproc.created) + " of " +
         std::to_string(r.inproc.orders) + " orders failed, " + std::to_string(inproc_stored) +
         " stored. First failure: " + r.inproc.first_failure);
    r.ok = false;
  }
  return r;
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
  Settings s;
  CLI::App app("Ordo HTTP order-entry benchmark (wrk against ordo serve, next to in-process)");
  app.add_option("--seconds", s.seconds, "Length of each wrk run")->check(CLI::Range(1, 3600));
  app.add_option("--connections", s.connections, "wrk connections; also the in-process clients")
      ->check(CLI::Range(1, 1000));
  app.add_option("--wrk-threads", s.wrk_threads, "wrk threads")->check(CLI::Range(1, 64));
  app.add_option("--runs", s.runs, "Runs; medians are reported")->check(CLI::Range(1, 100));
  app.add_option("--bodies", s.bodies, "Distinct order bodies cycled through")
      ->check(CLI::Range(1, 100'000));
  app.add_option("--lines", s.lines, "Lines per order")->check(CLI::Range(1, 100));
  app.add_option("--seed", s.seed, "Seed of the demo data and of the order bodies");
  app.add_option("--db-dir", s.dir, "Where the databases, the wrk script and logs go");
  app.add_option("--ordo", s.ordo, "The ordo binary to serve with");
  app.add_option("--perf-seconds", s.perf_seconds,
                 "Record the server with perf for this long during run 1 (0: no)");
  app.add_option("--perf-call-graph", s.perf_call_graph, "perf record --call-graph mode");
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(s.dir);

  double load[3] = {0, 0, 0};
  getloadavg(load, 3);
  std::printf("cores %u, load average %.2f before the benchmark; server %s\n",
              std::thread::hardware_concurrency(), load[0], s.ordo.c_str());
  const std::string demo_db = s.dir + "/http-demo.db";
  auto setup_start = std::chrono::steady_clock::now();
  DemoMix mix;
  try {
    mix = CreateDemoLoadDb(demo_db, s.seed);
  } catch (const std::exception& e) {
    std::cerr << "setup: " << e.what() << "\n";
    return 1;
  }
  std::vector<std::string> bodies = MakeOrderBodies(mix, s.bodies, s.lines, s.seed);
  std::vector<flows::PlaceOrderRequest> requests;
  for (const auto& b : bodies) {
    auto parsed = requests::ParsePlaceOrderJson(b);
    if (!parsed.ok()) {
      std::cerr << "a generated body does not parse: " << parsed.status().ToString() << "\n"
                << b << "\n";
      return 1;
    }
    requests.push_back(std::move(parsed).value());
  }
  std::printf(
      "demo database: %zu active SKUs, %zu customers off hold, %lld demo orders (%.0f s to "
      "make); %zu bodies of %d lines\n",
      mix.skus.size(), mix.buyers.size(), static_cast<long long>(mix.last_order_id),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - setup_start).count(),
      bodies.size(), s.lines);
  std::fflush(stdout);

  bool ok = true;
  std::vector<double> http_rate, http_p50, http_p99, in_rate, in_p50, in_p99, ratio;
  for (int run = 1; run <= s.runs; ++run) {
    RunResult r;
    try {
      r = RunOnce(run, s, demo_db, mix, bodies, requests);
    } catch (const std::exception& e) {
      std::cerr << "run " << run << ": " << e.what() << "\n";
      return 1;
    }
    ok = ok && r.ok;
    double x = r.inproc.created_per_second() > 0
                   ? r.http.created_per_second() / r.inproc.created_per_second()
                   : 0;
    auto per = [](double seconds, int64_t n) { return n > 0 ? 1e6 * seconds / n : 0.0; };
    std::printf(
        "run %d (load %.1f): HTTP %.0f orders/s, p50 %.2f ms, p99 %.2f ms (%lld 201s in %.1f s, "
        "%lld not 201; stored %lld: %s; server cpu %.0f us/order, wrk cpu %.0f us/request) | "
        "in process %.0f orders/s, p50 %.2f ms, p99 %.2f ms (%lld orders, cpu %.0f us/order, "
        "batch avg %.1f) | HTTP/in-process %.2f\n",
        run, r.load_average, r.http.created_per_second(), r.http.p50_ms, r.http.p99_ms,
        static_cast<long long>(r.http.created), r.http.seconds,
        static_cast<long long>(r.http.not_created), static_cast<long long>(r.stored),
        r.stored_statuses.c_str(), per(r.server_cpu_seconds, r.stored),
        per(r.http.wrk_cpu_seconds, r.http.responses), r.inproc.created_per_second(),
        r.inproc.p50_ms, r.inproc.p99_ms, static_cast<long long>(r.inproc.orders),
        r.inproc.cpu_us_per_order,
        r.inproc.stats.batches > 0 ? static_cast<double>(r.inproc.stats.commands) /
                                         static_cast<double>(r.inproc.stats.batches)
                                   : 0.0,
        x);
    std::fflush(stdout);
    http_rate.push_back(r.http.created_per_second());
    http_p50.push_back(r.http.p50_ms);
    http_p99.push_back(r.http.p99_ms);
    in_rate.push_back(r.inproc.created_per_second());
    in_p50.push_back(r.inproc.p50_ms);
    in_p99.push_back(r.inproc.p99_ms);
    ratio.push_back(x);
  }
  double http = Median(http_rate), share = Median(ratio);
  std::printf(
      "median of %d runs (%d connections, %d s): HTTP %.0f orders/s (p50 %.2f ms, p99 %.2f ms) "
      "| in process %.0f orders/s (p50 %.2f ms, p99 %.2f ms) | HTTP/in-process %.2f\n",
      s.runs, s.connections, s.seconds, http, Median(http_p50), Median(http_p99), Median(in_rate),
      Median(in_p50), Median(in_p99), share);
  std::printf("targets: HTTP >= 60%% of in process: %s (%.0f%%); HTTP >= 10,000 orders/s: %s\n",
              share >= 0.6 ? "met" : "NOT met", 100 * share, http >= 10'000 ? "met" : "NOT met");
  if (!ok) Loud("some answers were not 201 or did not match the stored orders: see above");
  return ok ? 0 : 1;
}
