#include "demo/demo_orders.h"

#include <algorithm>

#include "core/quantity.h"
#include "demo/demo_vocab.h"
#include "pricing/price_resolution.h"

namespace ordo::demo {
namespace {

constexpr int kManualPricePermille = 20;

// Picks the lines' items and what the customer pays; the rest of an order is its header.
class OrderPlanner {
 public:
  OrderPlanner(DemoRandom& rng, const std::vector<DemoItem>& catalog,
               const std::vector<customers::PriceTier>& tiers)
      : rng_(rng), catalog_(catalog), tiers_(tiers), any_item_(Popularity(catalog)) {}

  bool CanPick() const { return any_item_.has_value(); }

  // Adds `count` lines for distinct items to `order`.
  void AddLines(const DemoCustomer& customer, int count, PlannedOrder& order) {
    std::vector<size_t> chosen;
    for (int attempt = 0; static_cast<int>(chosen.size()) < count && attempt < count * 8;
         ++attempt) {
      size_t item = !customer.usual_items.empty() && rng_.Chance(750)
                        ? rng_.Pick(customer.usual_items)
                        : any_item_->Draw(rng_);
      if (std::find(chosen.begin(), chosen.end(), item) != chosen.end()) continue;
      chosen.push_back(item);
      AddLine(customer, item, order);
    }
  }

 private:
  static std::optional<WeightedTable> Popularity(const std::vector<DemoItem>& catalog) {
    std::vector<int> weights;
    bool any = false;
    for (const auto& d : catalog) {
      weights.push_back(d.item.active ? d.popularity : 0);
      any = any || d.item.active;
    }
    if (!any) return std::nullopt;
    return WeightedTable(weights);
  }

  std::optional<pricing::TierDiscount> TierOf(const DemoCustomer& customer) const {
    for (const auto& t : tiers_) {
      if (customer.account.price_tier == t.code) {
        return pricing::TierDiscount{t.code, t.discount_bp};
      }
    }
    return std::nullopt;
  }

  // How much of `item` a line asks for: an amount and the unit it is entered in. Now and then
  // a pallet, often whole cases or boxes, otherwise base units in amounts that suit the price.
  Quantity DrawQuantity(const catalog::NewItem& item) {
    const PackSize* pack = nullptr;
    for (const auto& p : item.packs) {
      if (p.uom == "PL" && rng_.Chance(8)) return {1, p.uom};
      if (p.uom != "PL" && pack == nullptr) pack = &p;
    }
    if (pack != nullptr && rng_.Chance(350)) {
      const Money pack_price = item.list_price * pack->quantity;
      return {rng_.Between(1, pack_price > Money::FromWhole(200) ? 2 : 6), pack->uom};
    }
    const int64_t price = item.list_price.units();
    if (price < 5'000) return {rng_.Between(1, 20) * 25, item.uom};
    if (price < 50'000) return {rng_.Between(1, 24) * 5, item.uom};
    if (price < 500'000) return {rng_.Between(1, 24), item.uom};
    return {rng_.Between(1, 6), item.uom};
  }

  void AddLine(const DemoCustomer& customer, size_t index, PlannedOrder& order) {
    const catalog::NewItem& item = catalog_[index].item;
    const Quantity q = DrawQuantity(item);
    flows::PlaceOrderLine line;
    line.sku = item.sku;
    line.quantity = std::to_string(q.amount);
    if (q.uom != item.uom) line.uom = q.uom;
    const auto tier = TierOf(customer);
    pricing::PriceInputs inputs{item.list_price, tier, std::nullopt, ""};
    if (rng_.Chance(kManualPricePermille)) {
      Money usual = pricing::ResolvePrice(inputs)->unit_price;
      Money manual = usual.MulRatio(rng_.Between(85, 97), 100);
      if (manual >= Money::FromWhole(1)) manual = manual.Round(2);
      line.unit_price = manual.Format(2);
      line.override_reason = std::string(rng_.Pick(OverrideReasons()));
      inputs.manual_price = manual;
      inputs.override_reason = line.override_reason;
    }
    const int64_t base = q.amount * UnitConversions(item.uom, item.packs).UnitsPer(q.uom);
    order.value += pricing::ExtendedAmount(pricing::ResolvePrice(inputs)->unit_price, base, kUsd);
    order.demand.push_back({index, base});
    order.request.lines.push_back(std::move(line));
  }

  DemoRandom& rng_;
  const std::vector<DemoItem>& catalog_;
  const std::vector<customers::PriceTier>& tiers_;
  std::optional<WeightedTable> any_item_;
};

// How many orders arrive on `day`: fewer at the weekend, more on Mondays, slowly growing.
int OrdersOn(DemoRandom& rng, const HistoryWindow& window, int day, int per_day) {
  const int weekday = Weekday(window.Day(day));
  if (weekday == 0) return static_cast<int>(rng.Between(0, per_day * 4 / 100));
  if (weekday == 6) return static_cast<int>(rng.Between(0, per_day * 10 / 100));
  int64_t n = per_day * rng.Between(80, 120) / 100;
  if (weekday == 1) n = n * 115 / 100;
  if (weekday == 5) n = n * 90 / 100;
  return static_cast<int>(n * (95 + 10 * day / std::max(1, window.days)) / 100);
}

std::string DrawChannel(DemoRandom& rng, const DemoCustomer& c, bool weekend) {
  static const std::vector<std::string> kChannels = {"phone", "email", "web", "portal"};
  static const std::vector<int> kWeights = {35, 30, 20, 15};
  std::string channel = rng.Chance(750) ? c.channel : kChannels[rng.Weighted(kWeights)];
  if (weekend && (channel == "phone" || channel == "email")) channel = "web";
  return channel;
}

// When in the day an order of `channel` arrives, in seconds after midnight UTC.
int64_t DrawSecondOfDay(DemoRandom& rng, const std::string& channel) {
  if (channel == "phone") return 13 * kHour + rng.Between(0, 9 * kHour + 1'800);
  if (channel == "email") return 12 * kHour + rng.Between(0, 11 * kHour);
  if (channel == "edi") return 6 * kHour * rng.Between(1, 3) + rng.Between(0, 600);
  return 11 * kHour + rng.Between(0, 13 * kHour - 1);
}

std::string DrawActor(DemoRandom& rng, const DemoCustomer& c, const std::string& channel) {
  if (channel == "web") return "system:webstore";
  if (channel == "portal") return "system:portal";
  if (channel == "edi") return "system:edi";
  return rng.Chance(800) ? c.rep_actor : std::string(rng.Pick(ServiceActors()));
}

std::string Initials(const std::string& name) {
  std::string initials;
  bool start = true;
  for (char ch : name) {
    if (start && ch >= 'A' && ch <= 'Z' && initials.size() < 3) initials += ch;
    start = ch == ' ';
  }
  return initials;
}

std::string DrawPoNumber(DemoRandom& rng, const DemoCustomer& c, const std::string& channel,
                         int64_t& sequence) {
  ++sequence;
  if (channel == "web" && rng.Chance(400)) return "";
  switch (c.po_style) {
    case 0:
      return "PO" + std::to_string(sequence);
    case 1:
      return "45000" + std::to_string(sequence);
    case 2:
      return Initials(c.account.name) + "-" + std::to_string(sequence % 10'000);
    default:
      if (channel != "edi" && rng.Chance(600)) return "";
      return "REQ-" + std::to_string(sequence % 100'000);
  }
}

}  // namespace

std::vector<PlannedOrder> PlanOrders(DemoRandom& rng, const std::vector<DemoItem>& catalog,
                                     const std::vector<DemoCustomer>& customers,
                                     const std::vector<customers::PriceTier>& tiers,
                                     const HistoryWindow& window, int orders_per_day) {
  std::vector<PlannedOrder> orders;
  OrderPlanner planner(rng, catalog, tiers);
  if (customers.empty() || !planner.CanPick()) return orders;
  std::vector<int> weights;
  std::vector<int64_t> po_sequence;
  for (const auto& c : customers) {
    weights.push_back(c.weight);
    po_sequence.push_back(c.po_style == 1 ? rng.Between(10'000, 20'000)
                                          : rng.Between(10'000, 60'000));
  }
  const WeightedTable pick_customer(weights);
  static const std::vector<int> kLineCountWeights = {18, 16, 14, 12, 10, 8, 6, 5, 4, 3, 2, 2};
  for (int day = 0; day < window.days; ++day) {
    const Date date = window.Day(day);
    const int count = OrdersOn(rng, window, day, orders_per_day);
    const size_t first = orders.size();
    for (int k = 0; k < count; ++k) {
      PlannedOrder o;
      o.day = day;
      o.customer = pick_customer.Draw(rng);
      const DemoCustomer& c = customers[o.customer];
      const std::string channel = DrawChannel(rng, c, IsWeekend(date));
      o.at = At(date, DrawSecondOfDay(rng, channel));
      o.actor = DrawActor(rng, c, channel);
      auto& r = o.request;
      r.customer = c.account.code;
      const auto& ship_tos = c.account.ship_tos;
      r.ship_to = rng.Chance(550) ? ship_tos.front().code : rng.Pick(ship_tos).code;
      r.po_number = DrawPoNumber(rng, c, channel, po_sequence[o.customer]);
      r.channel = channel;
      if (rng.Chance(250))
        r.requested_date = FormatDate(Date{static_cast<int32_t>(date.days + rng.Between(2, 14))});
      r.allow_partial_shipment = !rng.Chance(80);
      planner.AddLines(c, static_cast<int>(rng.Weighted(kLineCountWeights)) + 1, o);
      orders.push_back(std::move(o));
    }
    std::stable_sort(orders.begin() + static_cast<std::ptrdiff_t>(first), orders.end(),
                     [](const PlannedOrder& a, const PlannedOrder& b) { return a.at < b.at; });
  }
  return orders;
}

}  // namespace ordo::demo
