// The HTTP benchmark's database: the demo distributor of `ordo demo-data` (600 items, 60
// customers, 3 warehouses, four months of history, the demo users), made ready for a load of
// orders that should allocate rather than backorder or go on credit hold.
//
// What is changed after the demo data, and why: every active item receives 1,000,000,000 base
// units in every warehouse (the demo stocks about six weeks of demand, which a load test
// places in seconds), and every customer's credit limit is raised to 900,000,000,000.00 (the
// demo sizes limits to four months of orders, so a load test would put every order on credit
// hold within seconds). Both go through the domain commands (ReceiveStock, UpdateCustomer),
// with their audit rows. Customers on hold stay on hold; the order mix leaves them out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ordo::bench {

struct DemoPack {
  std::string uom;
  int64_t quantity = 0;  // base units per pack
};

struct DemoSku {
  std::string sku;
  std::vector<DemoPack> packs;  // may be empty: sold by the base unit only
};

struct DemoBuyer {
  std::string code;
  std::vector<std::string> ship_tos;
};

// What orders may be drawn from: the active items and the customers not on hold.
struct DemoMix {
  std::vector<DemoSku> skus;
  std::vector<DemoBuyer> buyers;
  int64_t last_order_id = 0;  // the demo history's orders have ids up to this one
};

// Creates the database at `path` (any old file and its -wal/-shm are removed first) with the
// demo data of `seed`, the demo users, and the stock and credit above. The database is closed
// (checkpointed, no -wal left) on return, so that the file can be copied. Throws
// std::runtime_error when a step fails.
DemoMix CreateDemoLoadDb(const std::string& path, uint64_t seed);

// Reads the mix from an existing database made by CreateDemoLoadDb.
DemoMix ReadDemoMix(const std::string& path);

// Copies the database file `from` to `to`, removing `to`'s -wal/-shm first: each measurement
// starts from the same fresh database.
void CopyDb(const std::string& from, const std::string& to);

}  // namespace ordo::bench
