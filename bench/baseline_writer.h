// The benchmark's baseline: the row writes of a 10-line order done by a plain loop of SQLite
// prepared statements, one order per durable transaction, with no group commit and no
// validation. It is what a straightforward implementation on the same disk achieves.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ordo::bench {

struct BaselineOrder {
  int64_t customer_id;
  std::vector<std::pair<int64_t, int64_t>> lines;  // (item id, quantity)
};

struct RunFigures {
  int64_t orders = 0;
  double seconds = 0;
  std::vector<double> latencies_ms;
  double orders_per_second() const { return seconds > 0 ? orders / seconds : 0; }
  double Percentile(double p) const;
};

// Writes `orders` into the migrated database at `path` (its items, customers, warehouse 1 and
// stock rows must exist), one durable transaction per order.
RunFigures RunBaseline(const std::string& path, const std::vector<BaselineOrder>& orders);

// The same row writes with no durability and one transaction for all orders, the ledger's
// item index written once at the end in index order: what SQLite's CPU allows for these rows
// on this machine, the ceiling any design on this schema meets.
RunFigures RunRowWriteCeiling(const std::string& path, const std::vector<BaselineOrder>& orders);

}  // namespace ordo::bench
