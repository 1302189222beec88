// Many clerks placing and cancelling orders at once through one CommandExecutor, for the same
// few SKUs with limited stock: nothing oversold, every acknowledged order stored whole (with
// what cancellations released to it since), every rejected one left no trace.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <latch>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "events/outbox.h"
#include "orders/order.h"
#include "orders/order_repository.h"
#include "store/query.h"
#include "support/checker_arithmetic.h"
#include "support/checker_status.h"
#include "support/invariants.h"
#include "support/test_db.h"
#include "views/order_view.h"

namespace ordo::flows {
namespace {

using test_support::LineSpec;
using test_support::OrderFor;
using test_support::SimpleCustomer;

constexpr int kThreads = 12;
constexpr int kOrdersPerThread = 25;

struct Attempt {
  std::string po;
  std::string customer;
  std::vector<LineSpec> lines;
  bool has_unknown_sku = false;
  std::optional<orders::Order> placed;  // set when acknowledged
  Status status;                        // the answer
};

struct CancelOutcome {
  OrderId id;
  Status status;
};

// (warehouse code, quantity) pairs, sorted, of one line.
std::vector<std::pair<std::string, int64_t>> Allocations(const orders::OrderLine& l) {
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& a : l.allocations) out.emplace_back(a.warehouse_code, a.quantity);
  std::sort(out.begin(), out.end());
  return out;
}

// `placed` with the allocations its order.allocated events of backorder release added since:
// stock that cancellations gave back serves backordered orders (flows/backorder_release.h).
orders::Order WithReleases(store::Connection& conn, orders::Order placed) {
  for (const auto& e : events::ForEntity(conn, "order", placed.id.value())) {
    if (e.type != "order.allocated" || e.payload.value("reason", "") != "backorder_release") {
      continue;
    }
    for (const auto& l : e.payload["lines"]) {
      auto& line = placed.lines.at(l["line_no"].get<size_t>() - 1);
      std::string code = l["warehouse"];
      auto a = std::find_if(line.allocations.begin(), line.allocations.end(),
                            [&](const auto& x) { return x.warehouse_code == code; });
      if (a == line.allocations.end()) {
        line.allocations.push_back({WarehouseId(), code, l["quantity"].get<int64_t>()});
      } else {
        a->quantity += l["quantity"].get<int64_t>();
      }
    }
  }
  return placed;
}

// What the status of an order as answered follows from (checker_status.h).
test_support::OrderFacts FactsOf(const orders::Order& o) {
  test_support::OrderFacts f;
  for (const auto& l : o.lines) {
    int64_t allocated = 0;
    for (const auto& a : l.allocations) allocated += a.quantity;
    const int64_t open = l.quantity - l.quantity_shipped - l.quantity_cancelled;
    f.ordered += l.quantity;
    f.cancelled += l.quantity_cancelled;
    f.shipped += l.quantity_shipped;
    f.invoiced += l.quantity_invoiced;
    if (open > allocated) f.unallocated += open - allocated;
  }
  for (const auto& h : o.holds) f.active_hold = f.active_hold || !h.released_at.has_value();
  f.settled = o.settled;
  return f;
}

class ConcurrentOrdersTest : public ::testing::Test {
 protected:
  ConcurrentOrdersTest() {
    // The movements' item index takes in its tail every 32 movements, inside the batches.
    db_.Connect()->Execute("UPDATE stock_movements_indexed SET batch = 32");
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddItem("SKU-A", "1.2250");  // an odd quantity's extension is a tie: half-even decides
    db_.AddItem("SKU-B", "3.10", {{"CS", 6}});
    db_.AddItem("SKU-C", "0.3333");
    for (auto [w, sku, qty] : std::vector<std::tuple<std::string, std::string, int64_t>>{
             {"W1", "SKU-A", 60}, {"W2", "SKU-A", 40}, {"W1", "SKU-B", 30}, {"W2", "SKU-C", 150}}) {
      db_.Receive(w, sku, qty);
      received_[{sku, w}] += qty;
    }
    db_.AddCustomer(SimpleCustomer("C-1", "1000000.00"));
    db_.AddCustomer(SimpleCustomer("C-2", "1000000.00", "W2"));
    db_.AddCustomer(SimpleCustomer("C-3", "1000000.00"));
    db_.AddCustomer(SimpleCustomer("C-LOW", "40.00"));
  }

  test_support::TestDb db_;
  std::map<std::pair<std::string, std::string>, int64_t> received_;  // (sku, warehouse)
};

TEST_F(ConcurrentOrdersTest, ConcurrentPlacementAndCancellationKeepEveryInvariant) {
  const std::vector<std::string> customers = {"C-1", "C-2", "C-3", "C-LOW"};
  const std::vector<std::string> skus = {"SKU-A", "SKU-B", "SKU-C"};

  std::vector<std::vector<Attempt>> attempts(kThreads);
  std::vector<std::vector<CancelOutcome>> cancels(kThreads);
  std::mutex queue_mu;
  std::deque<OrderId> to_cancel;
  std::latch go(kThreads);

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::mt19937 rng(1000 + t);
      std::string actor = "user:t" + std::to_string(t);
      go.arrive_and_wait();
      for (int i = 0; i < kOrdersPerThread; ++i) {
        Attempt a;
        a.po = "T" + std::to_string(t) + "-" + std::to_string(i);
        a.customer = customers[(t + i) % customers.size()];
        int n_lines = 1 + static_cast<int>(rng() % 3);
        for (int k = 0; k < n_lines; ++k) {
          const std::string& sku = skus[rng() % skus.size()];
          LineSpec line{sku, std::to_string(1 + rng() % 9)};
          if (sku == "SKU-B" && rng() % 3 == 0) line.uom = "CS";
          a.lines.push_back(line);
        }
        if (i % 6 == 5) {
          a.lines.insert(a.lines.begin() + static_cast<long>(rng() % a.lines.size()),
                         LineSpec{"NOPE-" + std::to_string(t), "1"});
          a.has_unknown_sku = true;
        }
        flows::PlaceOrderRequest r = OrderFor(a.customer, a.lines);
        r.po_number = a.po;
        auto placed = db_.Place(r, actor);
        a.status = placed.status();
        if (placed.ok()) {
          a.placed = *placed;
          if (i % 4 == 0) {
            std::lock_guard lock(queue_mu);
            to_cancel.push_back(placed->id);
            if (i % 8 == 0) to_cancel.push_back(placed->id);  // cancelled twice
          }
        }
        attempts[t].push_back(std::move(a));

        if (i % 3 == 2) {
          std::optional<OrderId> victim;
          {
            std::lock_guard lock(queue_mu);
            if (!to_cancel.empty()) {
              victim = to_cancel.front();
              to_cancel.pop_front();
            }
          }
          if (victim) {
            auto c = db_.Cancel(*victim, "changed plans", actor);
            cancels[t].push_back({*victim, c.status()});
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();

  // Answers: every valid request acknowledged, every one with an unknown SKU rejected.
  std::map<int64_t, const Attempt*> acked;
  std::vector<const Attempt*> rejected;
  for (const auto& per_thread : attempts) {
    ASSERT_EQ(per_thread.size(), static_cast<size_t>(kOrdersPerThread));
    for (const auto& a : per_thread) {
      if (a.has_unknown_sku) {
        EXPECT_EQ(a.status.code(), ErrorCode::kInvalidArgument) << a.po;
        ASSERT_EQ(a.status.errors().size(), 1u) << a.po;
        EXPECT_EQ(a.status.errors()[0].code, "unknown_sku") << a.po;
        EXPECT_FALSE(a.placed.has_value());
        rejected.push_back(&a);
      } else {
        ASSERT_TRUE(a.status.ok()) << a.po << ": " << a.status.ToString();
        ASSERT_TRUE(a.placed.has_value());
        EXPECT_TRUE(acked.emplace(a.placed->id.value(), &a).second) << "duplicate order id";
      }
    }
  }
  ASSERT_FALSE(rejected.empty());
  ASSERT_GE(acked.size(), 200u);

  // Cancellations: each order cancelled at most once; a second attempt is invalid_state.
  std::map<int64_t, int> cancelled_ok;
  for (const auto& per_thread : cancels) {
    for (const auto& c : per_thread) {
      if (c.status.ok()) {
        cancelled_ok[c.id.value()]++;
      } else {
        EXPECT_EQ(c.status.code(), ErrorCode::kInvalidState) << c.status.ToString();
      }
    }
  }
  ASSERT_FALSE(cancelled_ok.empty());
  for (const auto& [id, n] : cancelled_ok) EXPECT_EQ(n, 1) << "order " << id;

  // Stored state, through a fresh connection.
  store::ConnectionPtr conn = db_.Connect();
  EXPECT_TRUE(test_support::InvariantsHold(*conn));
  EXPECT_EQ(db_.Count("orders"), static_cast<int64_t>(acked.size()));

  // Statuses are read with the invariant checker's own rules, not orders::DeriveStatus.
  const std::map<int64_t, test_support::OrderFacts> facts = test_support::ReadOrderFacts(*conn);
  std::map<std::pair<std::string, std::string>, int64_t> expected_allocated;
  std::set<std::string> numbers;
  std::map<std::string, int> status_counts;
  int released_orders = 0;
  for (const auto& [id, a] : acked) {
    const orders::Order placed = WithReleases(*conn, *a->placed);
    for (size_t k = 0; k < placed.lines.size(); ++k) {
      if (placed.lines[k].quantity_allocated() != a->placed->lines[k].quantity_allocated()) {
        released_orders++;
        break;
      }
    }
    auto stored = views::LoadOrder(*conn, placed.id);
    ASSERT_TRUE(stored.has_value()) << placed.number;
    EXPECT_EQ(stored->number, placed.number);
    EXPECT_TRUE(numbers.insert(stored->number).second);
    EXPECT_EQ(stored->po_number, a->po);
    EXPECT_EQ(stored->customer_code, a->customer);
    ASSERT_EQ(stored->lines.size(), a->lines.size()) << placed.number;
    Money sum;
    bool cancelled = cancelled_ok.count(id) > 0;
    for (size_t k = 0; k < stored->lines.size(); ++k) {
      const auto& s = stored->lines[k];
      const auto& p = placed.lines[k];
      EXPECT_EQ(s.sku, a->lines[k].sku);
      EXPECT_EQ(s.entered_quantity, std::stoll(a->lines[k].quantity));
      EXPECT_EQ(s.quantity, p.quantity);
      EXPECT_EQ(s.unit_price, p.unit_price);
      EXPECT_EQ(s.extended_amount.units(),
                test_support::ExpectedExtension(s.unit_price.units(), s.quantity, 2));
      sum += s.extended_amount;
      if (cancelled) {
        EXPECT_EQ(s.quantity_cancelled, s.quantity);
        EXPECT_TRUE(s.allocations.empty());
      } else {
        EXPECT_EQ(s.quantity_cancelled, 0);
        EXPECT_EQ(Allocations(s), Allocations(p)) << placed.number << " line " << k + 1;
        for (const auto& al : s.allocations)
          expected_allocated[{s.sku, al.warehouse_code}] += al.quantity;
      }
    }
    EXPECT_EQ(stored->subtotal, sum);
    EXPECT_EQ(stored->subtotal, placed.subtotal);
    std::string status = test_support::ExpectedStatus(facts.at(id));
    status_counts[status]++;
    if (cancelled) {
      EXPECT_EQ(status, "cancelled") << placed.number;
    } else {
      EXPECT_EQ(status, test_support::ExpectedStatus(FactsOf(placed))) << placed.number;
    }
  }
  // The run exercised every path: held (C-LOW's limit), backordered (limited stock), open.
  EXPECT_GT(status_counts["on_hold"], 0);
  EXPECT_GT(status_counts["backordered"], 0);
  EXPECT_GT(status_counts["open"], 0);
  EXPECT_EQ(status_counts["cancelled"], static_cast<int>(cancelled_ok.size()));
  EXPECT_GT(released_orders, 0) << "no cancellation released stock to a backorder";
  EXPECT_EQ(*numbers.begin(), "SO-000001");
  EXPECT_EQ(*numbers.rbegin(), FormatDocumentNumber("SO", static_cast<int64_t>(acked.size())));

  for (const auto* a : rejected) {
    store::Query q(*conn, "SELECT COUNT(*) FROM orders WHERE po_number = ?", a->po);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Int(0), 0) << "rejected " << a->po << " left an order behind";
  }

  // Stock: never negative, never oversold, allocated exactly what the answers said.
  std::map<std::string, int64_t> allocated_per_sku;
  for (const auto& sku : skus) {
    int64_t received = 0;
    for (const char* w : {"W1", "W2"}) {
      auto s = db_.Stock(sku, w);
      int64_t want_on_hand = received_.count({sku, w}) ? received_[{sku, w}] : 0;
      EXPECT_EQ(s.on_hand, want_on_hand) << sku << "@" << w;
      EXPECT_GE(s.allocated, 0) << sku << "@" << w;
      EXPECT_LE(s.allocated, s.on_hand) << sku << "@" << w;
      int64_t want = expected_allocated.count({sku, w}) ? expected_allocated[{sku, w}] : 0;
      EXPECT_EQ(s.allocated, want) << sku << "@" << w;
      allocated_per_sku[sku] += s.allocated;
      received += want_on_hand;
    }
    EXPECT_LE(allocated_per_sku[sku], received) << sku;
  }
  store::Query q(*conn,
                 "SELECT COUNT(*) FROM stock_movements m "
                 "WHERE m.kind IN ('allocate', 'deallocate') AND m.order_id NOT IN "
                 "(SELECT id FROM orders)");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 0) << "stock movements of orders that do not exist";

  store::ExecutorStats stats = db_.executor().Stats();
  RecordProperty("batches", std::to_string(stats.batches));
  RecordProperty("max_batch", std::to_string(stats.max_batch));
}

}  // namespace
}  // namespace ordo::flows
