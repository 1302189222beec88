// InProcessLoad: the in-process figure next to the HTTP one. The same orders are placed by
// order_clients.h's clients (validation on read connections, then the command executor's group
// commit, synchronous=FULL, as `ordo serve` opens its database), as bench/order_bench.cpp
// does. No HTTP, JSON parsing, auth or response body: the difference from the HTTP figure is
// what the server adds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "flows/place_order_request.h"
#include "store/command_executor.h"

namespace ordo::bench {

struct InProcessFigures {
  int64_t orders = 0;   // placed (answered)
  int64_t created = 0;  // of those, OK
  std::string first_failure;
  double seconds = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double cpu_us_per_order = 0;  // process CPU time (all threads) per order
  store::ExecutorStats stats;

  double created_per_second() const { return seconds > 0 ? created / seconds : 0; }
};

// Places `count` orders, requests[i % requests.size()], `inflight` at a time, as
// "user:<actor>", into the database at `db_path`. REQUIRES: requests non-empty, count > 0,
// inflight > 0. Throws std::runtime_error when the database cannot be opened.
InProcessFigures RunInProcess(const std::string& db_path,
                              const std::vector<flows::PlaceOrderRequest>& requests, int64_t count,
                              int inflight, const std::string& actor);

}  // namespace ordo::bench
