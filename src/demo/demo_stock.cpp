#include "demo/demo_stock.h"

#include <algorithm>
#include <map>
#include <utility>

namespace ordo::demo {
namespace {

// Stock cover, in days of forecast demand.
constexpr int kOpeningDays = 45;
constexpr int kReorderDays = 10;
constexpr int kReviewDays = 14;  // a weekly review looks two weeks ahead
constexpr int kReplenishDays = 35;
// Only slow movers (at most this many planned lines) run out for good, as in real life.
constexpr size_t kSlowMoverLines = 6;

int64_t RoundUp(int64_t quantity, int64_t pack) {
  return (quantity + pack - 1) / pack * pack;
}

struct ItemPolicy {
  std::vector<size_t> warehouses;  // indices of the warehouses that stock it
  bool replenished = false;
  int64_t pack = 1;   // receipts come in whole packs of this many base units
  int64_t daily = 0;  // forecast base units per day
  int64_t received = 0;
};

// Receipt lines gathered for one moment, one receipt per (warehouse, product line).
class ReceiptBatch {
 public:
  ReceiptBatch(const std::vector<inventory::Warehouse>& warehouses, int64_t& po_sequence)
      : warehouses_(warehouses), po_sequence_(po_sequence) {}

  // Receives `quantity` of the item across its warehouses, in proportion to their weights.
  void Add(const DemoItem& d, ItemPolicy& p, int64_t quantity) {
    int64_t weight_sum = 0;
    for (size_t w : p.warehouses) weight_sum += Weight(w);
    for (size_t w : p.warehouses) {
      int64_t share = RoundUp((quantity * Weight(w) + weight_sum - 1) / weight_sum, p.pack);
      lines_[{w, d.line}].push_back({d.item.sku, share});
      p.received += share;
    }
  }

  // Appends the gathered receipts to `out`, the first at `start` and a few minutes apart.
  void Emit(int day, Date date, int64_t start, std::vector<PlannedReceipt>& out) {
    int64_t offset = 0;
    for (auto& [key, lines] : lines_) {
      const inventory::Warehouse& w = warehouses_[key.first];
      std::string actor = "user:receiving.";
      for (char c : w.code) actor += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      out.push_back({day,
                     At(date, start + offset),
                     actor,
                     {w.code, std::move(lines), "PO-" + std::to_string(++po_sequence_)}});
      offset += 180;
    }
    lines_.clear();
  }

 private:
  static int64_t Weight(size_t warehouse) {
    return warehouse < 3 ? 45 - 10 * static_cast<int64_t>(warehouse) : 20;
  }

  const std::vector<inventory::Warehouse>& warehouses_;
  int64_t& po_sequence_;
  std::map<std::pair<size_t, size_t>, std::vector<inventory::ReceiptLine>> lines_;
};

ItemPolicy DrawPolicy(DemoRandom& rng, const DemoItem& d, size_t planned_lines,
                      size_t warehouse_count) {
  const bool slow_mover = planned_lines <= kSlowMoverLines;
  ItemPolicy p;
  p.pack = d.item.packs.empty() ? 1 : d.item.packs.front().quantity;
  if (!d.item.active) {
    // Discontinued: some have what was left over in one warehouse.
    if (rng.Chance(500)) p.warehouses.push_back(rng.Index(warehouse_count));
    return p;
  }
  if (slow_mover && rng.Chance(80)) return p;  // out of stock everywhere
  for (size_t w = 0; w < warehouse_count; ++w) p.warehouses.push_back(w);
  const int64_t spread = rng.Between(0, 99);
  if (spread < 30 && warehouse_count > 1) {
    p.warehouses.erase(p.warehouses.begin() +
                       static_cast<std::ptrdiff_t>(rng.Index(p.warehouses.size())));
  }
  if (spread < 6 && warehouse_count > 2) p.warehouses.resize(1);
  p.replenished = !(slow_mover && rng.Chance(120));
  return p;
}

}  // namespace

StockPlan PlanStock(DemoRandom& rng, const std::vector<DemoItem>& catalog,
                    const std::vector<PlannedOrder>& orders,
                    const std::vector<inventory::Warehouse>& warehouses,
                    const HistoryWindow& window) {
  const size_t n = catalog.size();
  std::vector<std::vector<std::pair<int, int64_t>>> demand(n);  // (day, base units), by day
  std::vector<int64_t> total(n, 0);
  for (const auto& o : orders) {
    for (const auto& d : o.demand) {
      demand[d.item].push_back({o.day, d.quantity});
      total[d.item] += d.quantity;
    }
  }

  StockPlan plan;
  plan.reorder_points.resize(n);
  std::vector<ItemPolicy> policies;
  int64_t po_sequence = rng.Between(40'000, 40'900);
  ReceiptBatch opening(warehouses, po_sequence);
  for (size_t i = 0; i < n; ++i) {
    ItemPolicy p = DrawPolicy(rng, catalog[i], demand[i].size(), warehouses.size());
    p.daily = (total[i] + window.days - 1) / std::max(1, window.days);
    plan.reorder_points[i] = RoundUp(std::max<int64_t>(p.daily * kReorderDays, 5), p.pack);
    if (!p.warehouses.empty()) {
      int64_t quantity =
          total[i] == 0 || !catalog[i].item.active
              ? p.pack * rng.Between(2, 6)
              : p.daily * kOpeningDays * rng.Between(100, 160) / 100 + plan.reorder_points[i];
      opening.Add(catalog[i], p, RoundUp(quantity, p.pack));
    }
    policies.push_back(std::move(p));
  }
  opening.Emit(-1, Date{window.first.days - 2}, 13 * kHour, plan.receipts);

  std::vector<size_t> next(n, 0);
  std::vector<int64_t> consumed(n, 0);
  for (int day = 0; day < window.days; ++day) {
    const Date date = window.Day(day);
    if (Weekday(date) != 1) continue;
    ReceiptBatch weekly(warehouses, po_sequence);
    for (size_t i = 0; i < n; ++i) {
      ItemPolicy& p = policies[i];
      while (next[i] < demand[i].size() && demand[i][next[i]].first < day) {
        consumed[i] += demand[i][next[i]++].second;
      }
      if (!p.replenished) continue;
      const int64_t projected = p.received - consumed[i];
      if (projected >= plan.reorder_points[i] + p.daily * kReviewDays) continue;
      int64_t quantity =
          p.daily * kReplenishDays * rng.Between(100, 150) / 100 + std::max<int64_t>(0, -projected);
      weekly.Add(catalog[i], p, RoundUp(std::max<int64_t>(quantity, 1), p.pack));
    }
    weekly.Emit(day, date, 11 * kHour, plan.receipts);
  }
  return plan;
}

}  // namespace ordo::demo
