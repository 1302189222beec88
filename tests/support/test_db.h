// A migrated SQLite database in a temp directory with a CommandExecutor on it, and helpers that
// set up warehouses, items, customers and stock through the domain commands.
//
//   test_support::TestDb db;
//   db.AddWarehouse("W1", 10);
//   db.AddItem("WID-100", "2.50");
//   db.Receive("W1", "WID-100", 40);
//   db.AddCustomer(test_support::SimpleCustomer("C-1", "1000.00"));
//   auto order = db.Place(test_support::OrderFor("C-1", {{"WID-100", "3"}}));
//
// Setup helpers (Add*, Receive, SaveTier) throw std::runtime_error when the command fails, so a
// broken setup fails the test with the command's error. Receive is flows::ReceiveStock, so it
// releases backorders as a real receipt does. The operations under test (Place, Cancel,
// ReleaseHold) return the command's Result.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/item.h"
#include "core/clock.h"
#include "core/command_context.h"
#include "customers/customer.h"
#include "flows/place_order_request.h"
#include "inventory/warehouse.h"
#include "orders/order.h"
#include "store/command_executor.h"
#include "store/database.h"
#include "support/temp_dir.h"

namespace ordo::test_support {

inline constexpr std::string_view kClerk = "user:clerk";
inline constexpr std::string_view kManager = "user:manager";

struct TestDbOptions {
  std::string synchronous = "FULL";
  size_t max_batch = 512;
};

class TestDb {
 public:
  explicit TestDb(TestDbOptions options = {});
  ~TestDb();
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  const std::string& path() const { return db_.path(); }
  store::CommandExecutor& executor() { return *executor_; }
  // Stops the executor (after the commands it was given) and starts a new one on a new write
  // connection to the same file, as a restarted process would. References to the old
  // executor are invalid afterwards.
  void RestartExecutor();
  ManualClock& clock() { return clock_; }
  // A command context for `actor` at the clock's current time.
  CommandContext Context(std::string_view actor = kClerk) const;

  // A new connection to the database file.
  store::ConnectionPtr Connect() const { return db_.Connect(); }
  // A new read connection, as `ordo serve` opens its readers: writes through it are refused.
  store::ConnectionPtr ConnectReader() const {
    return db_.Connect(store::SqliteOptions{.query_only = true});
  }
  // A read connection kept by the fixture (separate from the executor's writer).
  store::Connection& reader();

  // Reads through reader().
  int64_t Count(std::string_view table);
  int64_t QueryInt(std::string_view sql);
  // Row counts of every domain table, the next document numbers and the stock, shipped,
  // returned, open-value and settlement totals, for "nothing was written" checks.
  std::map<std::string, int64_t> Snapshot();

  // Setup through the domain commands; each throws std::runtime_error on failure.
  inventory::Warehouse AddWarehouse(const std::string& code, int rank = 100);
  catalog::Item AddItem(const std::string& sku, const std::string& list_price,
                        std::vector<PackSize> packs = {}, bool active = true);
  catalog::Item AddItem(const catalog::NewItem& item);
  customers::Customer AddCustomer(const customers::NewCustomer& customer);
  // A sales tax rate ("8.875" percent) for a ship-to region and item tax class.
  void SetTaxRate(const std::string& region, const std::string& tax_class,
                  const std::string& percent);
  void SaveTier(const std::string& code, int discount_bp);
  void Receive(const std::string& warehouse, const std::string& sku, int64_t quantity);

  // The commands under test, each as one command through the executor.
  Result<orders::Order> Place(const flows::PlaceOrderRequest& request,
                              std::string_view actor = kClerk);
  Result<orders::Order> Cancel(OrderId id, const std::string& reason,
                               std::string_view actor = kClerk,
                               std::optional<int64_t> expected_version = std::nullopt);
  Result<orders::Order> ReleaseHold(OrderId id, const std::string& kind, const std::string& note,
                                    std::string_view actor = kManager,
                                    std::optional<int64_t> expected_version = std::nullopt);

  // Reads through reader(); the order as shown (views::LoadOrder: codes and SKUs filled).
  std::optional<orders::Order> LoadOrder(OrderId id);
  std::optional<orders::Order> LoadOrder(std::string_view number);
  struct StockRow {
    int64_t on_hand = 0;
    int64_t allocated = 0;
  };
  // Zeros when there is no stock row.
  StockRow Stock(const std::string& sku, const std::string& warehouse);
  Money OpenOrderValue(const std::string& customer_code);

 private:
  TempDb db_;
  TestDbOptions options_;
  ManualClock clock_;
  std::unique_ptr<store::CommandExecutor> executor_;
  store::ConnectionPtr reader_;
};

// A customer with one ship-to "MAIN" (preferring `preferred_warehouse` when given), NET30 terms
// and the given credit limit.
customers::NewCustomer SimpleCustomer(const std::string& code, const std::string& credit_limit,
                                      std::optional<std::string> preferred_warehouse = {});

struct LineSpec {
  std::string sku;
  std::string quantity;
  std::string uom = "";
  std::optional<std::string> unit_price = std::nullopt;
  std::string override_reason = "";
};
// A valid request shape for `customer` with `lines` (channel "api", ship-to defaulted).
flows::PlaceOrderRequest OrderFor(const std::string& customer, const std::vector<LineSpec>& lines);

// Money from decimal text; throws std::invalid_argument when malformed.
Money Dollars(std::string_view text);

}  // namespace ordo::test_support
