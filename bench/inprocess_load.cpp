#include "inprocess_load.h"

#include <memory>

#include "order_clients.h"
#include "store/connection_pool.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/wal_checkpointer.h"

namespace ordo::bench {

InProcessFigures RunInProcess(const std::string& db_path,
                              const std::vector<flows::PlaceOrderRequest>& requests, int64_t count,
                              int inflight, const std::string& actor) {
  InProcessFigures out;
  // As `ordo serve` runs it: WAL checkpoints on a background connection, not the writer.
  store::ConnectionPtr writer = store::OpenSqlite(db_path);
  store::WalCheckpointer::TakeOverFrom(*writer);
  store::WalCheckpointer checkpointer(db_path);
  auto executor = std::make_unique<store::CommandExecutor>(std::move(writer));
  // As `ordo serve` opens its read connections (readers = 4 by default).
  store::ConnectionPool readers(4, [&db_path] {
    return store::OpenSqlite(db_path, store::SqliteOptions{.query_only = true});
  });
  ClientFigures c =
      PlaceOrdersWithClients(*executor, readers, requests, count, inflight, "user:" + actor);
  out.orders = c.orders;
  out.created = c.created;
  out.first_failure = c.first_failure;
  if (out.first_failure.empty() && c.rejected > 0) out.first_failure = "an order was rejected";
  out.seconds = c.seconds;
  out.cpu_us_per_order = c.cpu_us_per_order;
  out.p50_ms = c.Percentile(50);
  out.p99_ms = c.Percentile(99);
  out.stats = executor->Stats();
  return out;
}

}  // namespace ordo::bench
