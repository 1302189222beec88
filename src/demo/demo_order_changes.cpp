#include "demo/demo_order_changes.h"

#include <algorithm>
#include <string>
#include <utility>

#include "flows/order_edit.h"
#include "orders/order_queries.h"
#include "views/order_view.h"

namespace ordo::demo {
namespace {

constexpr int64_t kDayMicros = 86'400'000'000;

// The open orders (allocated, nothing shipped) the history left, newest first, at most 20.
Result<std::vector<OrderId>> OpenOrders(store::CommandExecutor& exec) {
  return exec.RunFor<std::vector<OrderId>>(
      [](store::Connection& c) -> Result<std::vector<OrderId>> {
        orders::OrderFilter filter;
        filter.status = orders::OrderStatus::kOpen;
        std::vector<OrderId> ids;
        for (const auto& o : orders::ListOrders(c, filter, std::nullopt, 20)) ids.push_back(o.id);
        return ids;
      });
}

// The first active item's SKU and a quantity its ordering rules take.
std::pair<std::string, int64_t> ItemToAdd(const std::vector<DemoItem>& catalog) {
  for (const auto& d : catalog) {
    if (!d.item.active) continue;
    const int64_t multiple = std::max<int64_t>(d.item.order_multiple, 1);
    const int64_t least = std::max<int64_t>(d.item.min_order_quantity, 1);
    return {d.item.sku, (least + multiple - 1) / multiple * multiple};
  }
  return {"", 0};
}

}  // namespace

Result<int> RunDemoOrderChanges(store::CommandExecutor& exec, const std::vector<DemoItem>& catalog,
                                Timestamp at) {
  auto ids = OpenOrders(exec);
  if (!ids.ok()) return ids.status();
  const std::pair<std::string, int64_t> to_add = ItemToAdd(catalog);
  const std::string& sku = to_add.first;
  const int64_t quantity = to_add.second;
  int changed = 0;
  for (OrderId id : *ids) {
    if (changed == 3) break;
    CommandContext sales{"user:sales", "", Timestamp{at.micros + changed * 600'000'000}};
    auto result = exec.RunFor<orders::Order>([&](store::Connection& c) -> Result<orders::Order> {
      auto order = views::LoadOrder(c, id);
      if (!order) return Status::NotFound("demo order vanished");
      flows::OrderEditRequest edit;
      if (changed == 0) {
        // The customer doubles the first line and wants the second ten days later.
        if (order->lines.size() < 2) return Status::InvalidState("one line only");
        const orders::OrderLine& first = order->lines[0];
        flows::OrderLineEdit more;
        more.line_no = first.line_no;
        more.quantity = std::to_string(first.entered_quantity * 2);
        more.uom = first.entered_uom;
        edit.lines.push_back(more);
        flows::OrderLineEdit later;
        later.line_no = order->lines[1].line_no;
        later.requested_date = FormatDate(DateOf(Timestamp{at.micros + 10 * kDayMicros}));
        edit.lines.push_back(later);
      } else if (changed == 2) {
        // The customer adds a safety cabinet, configured on the phone (demo_configurators).
        flows::OrderLineEdit cabinet;
        cabinet.configuration = flows::LineConfigurationRequest{
            "SAFETY-CABINET",
            {{"capacity", "30"}, {"door", "self"}, {"color", "yellow"}, {"liner", std::nullopt}}};
        cabinet.quantity = "1";
        edit.lines.push_back(cabinet);
      } else {
        // The customer adds an item it forgot.
        if (sku.empty()) return Status::InvalidState("no item to add");
        flows::OrderLineEdit added;
        added.sku = sku;
        added.quantity = std::to_string(quantity);
        edit.lines.push_back(added);
      }
      return flows::ChangeOrder(c, sales, id, edit, order->version);
    });
    if (result.ok()) {
      ++changed;
      continue;
    }
    const ErrorCode code = result.status().code();
    if (code != ErrorCode::kInvalidArgument && code != ErrorCode::kInvalidState) {
      return result.status();
    }
  }
  return changed;
}

}  // namespace ordo::demo
