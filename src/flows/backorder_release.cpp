#include "flows/backorder_release.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "flows/order_allocation.h"
#include "inventory/stock_movements.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_json.h"
#include "orders/order_repository.h"
#include "views/order_view.h"

namespace ordo::flows {
namespace {

struct PlannedTake {
  OrderLineId line;
  WarehouseId warehouse;
  int64_t quantity = 0;
};

// Per order (by id), what it gets; takes of one line come from distinct warehouses.
using Plan = std::map<OrderId, std::vector<PlannedTake>>;

int64_t AvailableIn(store::Connection& conn, const StockKey& key) {
  for (const auto& a : inventory::AvailableStock(conn, key.item)) {
    if (a.warehouse == key.warehouse) return a.quantity;
  }
  return 0;
}

// Plans every key's available stock onto the backordered lines of its item in priority order,
// and reserves it in the stock table (one guarded UPDATE per key, in key order).
Plan PlanAndReserve(store::Connection& conn, const std::vector<StockKey>& keys) {
  Plan plan;
  std::unordered_map<OrderLineId, int64_t> planned;  // per line, over every warehouse
  std::optional<ItemId> listed;
  std::vector<orders::BackorderedLine> lines;
  for (const StockKey& key : keys) {
    const int64_t available = AvailableIn(conn, key);
    if (available <= 0) continue;
    if (listed != key.item) {
      lines = orders::ListBackorderedLines(conn, key.item);
      listed = key.item;
    }
    int64_t taken = 0;
    for (const auto& line : lines) {
      if (taken == available) break;
      int64_t& already = planned[line.line];
      const int64_t take = std::min(line.quantity - already, available - taken);
      if (take <= 0) continue;
      plan[line.order].push_back({line.line, key.warehouse, take});
      already += take;
      taken += take;
    }
    // What was just read inside this unit of work is there unless an invariant is broken;
    // refuse to go on rather than oversell.
    if (taken > 0 && !inventory::TryReserve(conn, key.item, key.warehouse, taken)) {
      throw std::logic_error("backorder release exceeded available stock");
    }
  }
  return plan;
}

std::string CodeOf(const std::vector<inventory::Warehouse>& warehouses, WarehouseId id) {
  for (const auto& w : warehouses) {
    if (w.id == id) return w.code;
  }
  return "";
}

// Records one order's takes (stock already reserved): movements, allocation rows, version and
// status, audit and event. Returns the allocations by line_no, then warehouse id.
std::vector<ReleasedAllocation> AllocateToOrder(
    store::Connection& conn, const CommandContext& ctx, OrderId id,
    const std::vector<PlannedTake>& takes, const std::vector<inventory::Warehouse>& warehouses) {
  std::optional<orders::Order> loaded = views::LoadOrder(conn, id);
  // The plan came from ListBackorderedLines in this unit of work: the order is there, unheld.
  if (!loaded || loaded->has_active_hold()) {
    throw std::logic_error("backorder release: order " + std::to_string(id.value()) +
                           " is gone or held");
  }
  orders::Order& order = *loaded;
  nlohmann::json before = orders::ToJson(order);
  Reservation reservation;
  for (const auto& take : takes) {
    auto line = std::find_if(order.lines.begin(), order.lines.end(),
                             [&](const orders::OrderLine& l) { return l.id == take.line; });
    if (line == order.lines.end()) throw std::logic_error("backorder release: line not found");
    reservation.takes.push_back(
        {static_cast<size_t>(line - order.lines.begin()), take.warehouse, take.quantity});
    reservation.total += take.quantity;
  }
  // LoadOrder reads lines by line_no.
  std::sort(reservation.takes.begin(), reservation.takes.end(), [](const auto& a, const auto& b) {
    return std::make_pair(a.line_index, a.warehouse) < std::make_pair(b.line_index, b.warehouse);
  });
  std::vector<ReleasedAllocation> released;
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& take : reservation.takes) {
    const orders::OrderLine& line = order.lines[take.line_index];
    lines.push_back({{"line_no", line.line_no},
                     {"sku", line.sku},
                     {"warehouse", CodeOf(warehouses, take.warehouse)},
                     {"quantity", take.quantity}});
    released.push_back(
        {order.id, order.number, line.line_no, line.item, take.warehouse, take.quantity});
  }
  RecordReservation(conn, ctx, order, reservation);
  ApplyReservation(order, reservation, warehouses);
  if (!orders::TouchOrder(conn, order, ctx.now, std::nullopt)) {
    throw std::logic_error("backorder release: order " + order.number + " changed");
  }
  order.version++;
  order.updated_at = ctx.now;
  audit::Record(conn, ctx, "order.allocate", "order", order.id.value(), before,
                orders::ToJson(order));
  events::Publish(conn, ctx, "order.allocated", "order", order.id.value(),
                  {{"id", order.id.value()},
                   {"number", order.number},
                   {"quantity", reservation.total},
                   {"reason", "backorder_release"},
                   {"lines", std::move(lines)}});
  return released;
}

}  // namespace

int64_t BackorderRelease::total() const {
  int64_t sum = 0;
  for (const auto& a : allocations) sum += a.quantity;
  return sum;
}

BackorderRelease ReleaseBackorders(store::Connection& conn, const CommandContext& ctx,
                                   std::vector<StockKey> keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  Plan plan = PlanAndReserve(conn, keys);
  BackorderRelease release;
  if (plan.empty()) return release;
  const std::vector<inventory::Warehouse> warehouses = inventory::ListWarehouses(conn);
  for (const auto& [order, takes] : plan) {
    std::vector<ReleasedAllocation> released = AllocateToOrder(conn, ctx, order, takes, warehouses);
    release.allocations.insert(release.allocations.end(), released.begin(), released.end());
  }
  return release;
}

BackorderRelease ReleaseBackorders(store::Connection& conn, const CommandContext& ctx, ItemId item,
                                   WarehouseId warehouse) {
  return ReleaseBackorders(conn, ctx, std::vector<StockKey>{{item, warehouse}});
}

}  // namespace ordo::flows
