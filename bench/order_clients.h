// OrderClients: how both benchmarks place orders in process, as `ordo serve` does over HTTP.
//
// A fixed number of clients, each sending its next order when the last is answered. A client
// validates and prices its order on a read connection (flows::PrepareOrder, as an HTTP worker
// does) and then runs flows::PlacePreparedOrder through the command executor (group commit),
// waiting for its durable answer. Latency is from the start of validation to that answer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "flows/place_order_request.h"
#include "store/command_executor.h"
#include "store/connection_pool.h"

namespace ordo::bench {

struct ClientFigures {
  int64_t orders = 0;    // answered
  int64_t created = 0;   // of those, placed
  int64_t rejected = 0;  // invalid_argument (validation)
  int64_t failed = 0;    // anything else
  std::string first_failure;
  double seconds = 0;
  double cpu_us_per_order = 0;  // process CPU time (all threads) per order
  std::vector<double> latencies_ms;

  double Percentile(double p) const;
};

// Places `count` orders, requests[i % requests.size()], with `clients` clients as `actor`.
// REQUIRES: requests non-empty, count > 0, clients > 0.
ClientFigures PlaceOrdersWithClients(store::CommandExecutor& exec, store::ConnectionPool& readers,
                                     const std::vector<flows::PlaceOrderRequest>& requests,
                                     int64_t count, int clients, const std::string& actor);

}  // namespace ordo::bench
