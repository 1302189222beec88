#include "inprocess_load.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>

#include "core/clock.h"
#include "flows/order_placement.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/wal_checkpointer.h"

namespace ordo::bench {
namespace {

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1));
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

InProcessFigures RunInProcess(const std::string& db_path,
                              const std::vector<flows::PlaceOrderRequest>& requests, int64_t count,
                              int inflight, const std::string& actor) {
  InProcessFigures out;
  // As `ordo serve` runs it: WAL checkpoints on a background connection, not the writer.
  store::ConnectionPtr writer = store::OpenSqlite(db_path);
  store::WalCheckpointer::TakeOverFrom(*writer);
  store::WalCheckpointer checkpointer(db_path);
  auto executor = std::make_unique<store::CommandExecutor>(std::move(writer));
  store::CommandExecutor& exec = *executor;
  const size_t n = static_cast<size_t>(count);
  std::vector<double> latencies_ms(n, 0);
  std::vector<std::chrono::steady_clock::time_point> started(n);
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable cv;
  size_t done = 0;
  int64_t created = 0;  // only the writer thread's callbacks touch it, read after `done`
  std::string first_failure;
  SystemClock clock;
  const std::string who = "user:" + actor;

  // A client: when its order is answered (on the writer thread, after the commit), it sends
  // the next one.
  std::function<void()> send = [&] {
    size_t i = next.fetch_add(1);
    if (i >= n) return;
    started[i] = std::chrono::steady_clock::now();
    const flows::PlaceOrderRequest& r = requests[i % requests.size()];
    exec.Submit(
        [&r, &clock, &who](store::Connection& c) -> Status {
          CommandContext ctx{who, "", clock.Now()};
          return flows::PlaceOrder(c, ctx, r).status();
        },
        [&, i](const Status& st) {
          latencies_ms[i] = std::chrono::duration<double, std::milli>(
                                std::chrono::steady_clock::now() - started[i])
                                .count();
          if (st.ok()) {
            created++;
          } else if (first_failure.empty()) {
            first_failure = st.ToString();
          }
          send();
          std::lock_guard lock(mu);
          if (++done == n) cv.notify_all();
        });
  };
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  for (int c = 0; c < inflight; ++c) send();
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return done == n; });
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.cpu_us_per_order =
      1e6 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / static_cast<double>(n);
  out.orders = count;
  out.created = created;
  out.first_failure = first_failure;
  out.p50_ms = Percentile(latencies_ms, 50);
  out.p99_ms = Percentile(latencies_ms, 99);
  out.stats = exec.Stats();
  // The writer thread may still be returning from the last callback, which refers to the
  // locals here: stop it before they go.
  executor.reset();
  return out;
}

}  // namespace ordo::bench
