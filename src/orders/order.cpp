#include "orders/order.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ordo::orders {
namespace {

constexpr std::array<std::pair<OrderStatus, std::string_view>, 8> kNames = {{
    {OrderStatus::kOnHold, "on_hold"},
    {OrderStatus::kOpen, "open"},
    {OrderStatus::kBackordered, "backordered"},
    {OrderStatus::kPartiallyShipped, "partially_shipped"},
    {OrderStatus::kShipped, "shipped"},
    {OrderStatus::kInvoiced, "invoiced"},
    {OrderStatus::kClosed, "closed"},
    {OrderStatus::kCancelled, "cancelled"},
}};

}  // namespace

int64_t OrderLine::quantity_allocated() const {
  int64_t sum = 0;
  for (const auto& a : allocations) sum += a.quantity;
  return sum;
}

std::string_view StatusName(OrderStatus s) {
  for (const auto& [status, name] : kNames) {
    if (status == s) return name;
  }
  return "unknown";
}

std::optional<OrderStatus> StatusFromName(std::string_view name) {
  for (const auto& [status, n] : kNames) {
    if (n == name) return status;
  }
  return std::nullopt;
}

bool Order::has_active_hold() const {
  for (const auto& h : holds) {
    if (h.active()) return true;
  }
  return false;
}

const Hold* Order::ActiveHold(std::string_view kind) const {
  for (const auto& h : holds) {
    if (h.active() && h.kind == kind) return &h;
  }
  return nullptr;
}

OrderLine* Order::FindLine(OrderLineId id) {
  for (auto& l : lines) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

const OrderLine* Order::FindLine(OrderLineId id) const {
  for (const auto& l : lines) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

OrderStatus DeriveStatus(const Order& order) {
  int64_t wanted = 0;  // ordered - cancelled
  int64_t shipped = 0;
  int64_t invoiced = 0;
  int64_t unallocated = 0;
  for (const auto& l : order.lines) {
    wanted += l.quantity - l.quantity_cancelled;
    shipped += l.quantity_shipped;
    invoiced += l.quantity_invoiced;
    unallocated += std::max<int64_t>(l.quantity_unallocated(), 0);
  }
  if (wanted == 0) return OrderStatus::kCancelled;
  if (shipped < wanted && order.has_active_hold()) return OrderStatus::kOnHold;
  if (invoiced == wanted) return order.settled ? OrderStatus::kClosed : OrderStatus::kInvoiced;
  if (shipped == wanted) return OrderStatus::kShipped;
  if (shipped > 0) return OrderStatus::kPartiallyShipped;
  if (unallocated > 0) return OrderStatus::kBackordered;
  return OrderStatus::kOpen;
}

bool IsValidChannel(std::string_view channel) {
  static constexpr std::array<std::string_view, 7> kChannels = {"phone", "email", "web", "portal",
                                                                "edi",   "api",   "csv"};
  for (auto c : kChannels) {
    if (c == channel) return true;
  }
  return false;
}

}  // namespace ordo::orders
