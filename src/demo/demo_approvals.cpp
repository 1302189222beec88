#include "demo/demo_approvals.h"

#include <algorithm>
#include <string>

#include "approvals/rule_commands.h"
#include "customers/credit.h"
#include "customers/customer_repository.h"
#include "flows/order_placement.h"
#include "flows/price_quote.h"

namespace ordo::demo {
namespace {

constexpr int64_t kMinute = 60'000'000;  // microseconds

// The first active items, most expensive first, at most `count`.
std::vector<const catalog::NewItem*> PricedItems(const std::vector<DemoItem>& catalog,
                                                 size_t count) {
  std::vector<const catalog::NewItem*> items;
  for (const auto& d : catalog) {
    if (d.item.active && d.item.list_price > Money()) items.push_back(&d.item);
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const auto* a, const auto* b) { return a->list_price > b->list_price; });
  if (items.size() > count) items.resize(count);
  return items;
}

// The customers not on hold, the most credit available first: the demo's held orders should
// wait on their rule alone, not on credit as well.
Result<std::vector<std::string>> ByAvailableCredit(store::CommandExecutor& exec,
                                                   const std::vector<DemoCustomer>& customers) {
  return exec.RunFor<std::vector<std::string>>(
      [&](store::Connection& c) -> Result<std::vector<std::string>> {
        std::vector<std::pair<Money, std::string>> room;
        for (const auto& d : customers) {
          auto found = customers::FindCustomerByCode(c, d.account.code);
          if (!found || found->on_hold) continue;
          room.emplace_back(customers::LoadCreditPosition(c, found->id).available(), found->code);
        }
        std::stable_sort(room.begin(), room.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::string> codes;
        for (auto& r : room) codes.push_back(std::move(r.second));
        return codes;
      });
}

// One unit of `sku` priced for `customer` on `day` by the pricing rules (the price quote).
Result<Money> RulesPrice(store::CommandExecutor& exec, const std::string& customer,
                         const std::string& sku, Date day) {
  return exec.RunFor<Money>([&](store::Connection& c) -> Result<Money> {
    auto quote = flows::QuotePrices(c, {customer, "", day, {{sku, "1", "", std::nullopt}}}, day);
    if (!quote.ok()) return quote.status();
    const auto& line = quote->lines.front();
    if (!line.price) return Status::Internal("the demo could not price " + sku);
    return line.price->unit_price;
  });
}

}  // namespace

Result<ApprovalCounts> RunDemoApprovals(store::CommandExecutor& exec,
                                        const std::vector<DemoItem>& catalog,
                                        const std::vector<DemoCustomer>& customers, Timestamp at) {
  ApprovalCounts counts;
  if (customers.empty()) return counts;
  CommandContext manager{"user:manager", "", at};
  const approvals::NewRule rules[] = {
      {"DISC-20", "Manual price over 20% below the agreed price", "discount_over", "20", {}, true},
      {"BIG-ORDER", "Order total over 25,000", "order_total_over", "25000", {}, true},
      {"NEW-CUSTOMER", "A new customer's first order", "first_order", {}, {}, true},
  };
  for (const auto& rule : rules) {
    Status st = exec.Run(
        [&](store::Connection& c) { return approvals::CreateRule(c, manager, rule).status(); });
    if (!st.ok()) return st;
    ++counts.rules;
  }

  auto items = PricedItems(catalog, 6);
  if (items.empty()) return counts;
  auto codes = ByAvailableCredit(exec, customers);
  if (!codes.ok()) return codes.status();
  if (codes->empty()) return counts;
  const std::string& big = codes->front();
  const std::string& other = codes->size() > 1 ? (*codes)[1] : big;
  std::vector<flows::PlaceOrderRequest> requests;
  // A stocking order over 25,000 at list (40,000): over it after any tier's discount too.
  {
    const catalog::NewItem& item = *items.front();
    int64_t units = 40'000 * Money::kScale / std::max<int64_t>(item.list_price.units(), 1) + 20;
    requests.push_back({big,
                        "",
                        "PO-STOCK-UP",
                        "email",
                        std::nullopt,
                        true,
                        "USD",
                        {{item.sku, std::to_string(units), "", std::nullopt, ""}}});
  }
  // A competitor's price matched on one line: 25% below what the pricing rules give the
  // customer (a discount is measured from that price, not from list).
  {
    flows::PlaceOrderRequest r{other, "", "PO-MATCH-1", "phone"};
    // The discount goes on the item with the most margin, so that 25% off stays above its
    // product line's floor and the order waits on the discount rule alone.
    size_t widest = 0;
    auto cost_share = [&](size_t i) {
      return static_cast<double>(items[i]->cost.units()) / items[i]->list_price.units();
    };
    for (size_t i = 1; i < items.size(); ++i) {
      if (cost_share(i) < cost_share(widest)) widest = i;
    }
    auto by_rules = RulesPrice(exec, other, items[widest]->sku, DateOf(at));
    if (!by_rules.ok()) return by_rules.status();
    for (size_t i = 0; i < items.size(); ++i) {
      flows::PlaceOrderLine line{items[i]->sku, "1", "", std::nullopt, ""};
      if (i == widest) {
        Money off = Money::FromUnits(by_rules->units() / 4);
        line.unit_price = (*by_rules - off).Format(4);
        line.override_reason = "Matches a competitor's quote";
      }
      r.lines.push_back(std::move(line));
    }
    requests.push_back(std::move(r));
  }
  // An order of a customer whose account is on hold, last: it waits for the AR clerk.
  for (const auto& d : customers) {
    if (!d.account.on_hold) continue;
    requests.push_back({d.account.code,
                        "",
                        "PO-ON-HOLD",
                        "phone",
                        std::nullopt,
                        true,
                        "USD",
                        {{items.back()->sku, "1", "", std::nullopt, ""}}});
    break;
  }
  for (size_t i = 0; i < requests.size(); ++i) {
    CommandContext sales{"user:sales", "", Timestamp{at.micros + (5 + 7 * int64_t(i)) * kMinute}};
    auto placed = exec.RunFor<orders::Order>(
        [&](store::Connection& c) { return flows::PlaceOrder(c, sales, requests[i]); });
    if (!placed.ok()) return placed.status();
    if (!placed->has_active_hold()) {
      return Status::Internal("demo order " + placed->number + " was meant to wait for approval");
    }
    ++counts.orders;
    counts.order_lines += static_cast<int>(placed->lines.size());
    counts.value += placed->subtotal;
  }
  return counts;
}

}  // namespace ordo::demo
