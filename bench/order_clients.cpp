#include "order_clients.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <exception>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "flows/order_placement.h"

namespace ordo::bench {

double ClientFigures::Percentile(double p) const {
  if (latencies_ms.empty()) return 0;
  std::vector<double> v = latencies_ms;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1));
  return v[std::min(i, v.size() - 1)];
}

ClientFigures PlaceOrdersWithClients(store::CommandExecutor& exec, store::ConnectionPool& readers,
                                     const std::vector<flows::PlaceOrderRequest>& requests,
                                     int64_t count, int clients, const std::string& actor) {
  const size_t n = static_cast<size_t>(count);
  ClientFigures out;
  out.latencies_ms.assign(n, 0);
  std::atomic<size_t> next{0};
  std::atomic<int64_t> created{0}, rejected{0}, failed{0};
  std::mutex failure_mu;
  SystemClock clock;

  auto client = [&] {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
      const flows::PlaceOrderRequest& r = requests[i % requests.size()];
      auto t0 = std::chrono::steady_clock::now();
      Status st = [&] {
        auto prepared = [&]() -> Result<flows::PreparedOrder> {
          try {
            auto conn = readers.Borrow();
            return flows::PrepareOrder(*conn, r);
          } catch (...) {
            return store::StatusOfException(std::current_exception());
          }
        }();
        if (!prepared.ok()) return prepared.status();
        return exec.Run([&](store::Connection& c) -> Status {
          CommandContext ctx{actor, "", clock.Now()};
          return flows::PlacePreparedOrder(c, ctx, r, *prepared).status();
        });
      }();
      out.latencies_ms[i] =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (st.ok()) {
        created++;
      } else if (st.code() == ErrorCode::kInvalidArgument) {
        rejected++;
      } else {
        failed++;
        std::lock_guard lock(failure_mu);
        if (out.first_failure.empty()) out.first_failure = st.ToString();
      }
    }
  };

  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) threads.emplace_back(client);
  for (auto& t : threads) t.join();
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.cpu_us_per_order =
      1e6 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC / static_cast<double>(n);
  out.orders = count;
  out.created = created;
  out.rejected = rejected;
  out.failed = failed;
  return out;
}

}  // namespace ordo::bench
