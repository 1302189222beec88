#include "order_bodies.h"

#include <algorithm>
#include <random>

#include "jsonio/json_writer.h"

namespace ordo::bench {

std::vector<std::string> MakeOrderBodies(const DemoMix& mix, int count, int lines, uint64_t seed) {
  // Only integer draws from the engine, so a seed gives the same bodies everywhere.
  std::mt19937_64 rng(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  std::vector<std::string> bodies;
  bodies.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    const DemoBuyer& buyer = mix.buyers[pick(mix.buyers.size())];
    jsonio::JsonWriter w;
    w.BeginObject().Field("customer", buyer.code);
    if (!buyer.ship_tos.empty()) w.Field("ship_to", buyer.ship_tos[pick(buyer.ship_tos.size())]);
    w.Field("po_number", "BENCH-" + std::to_string(i)).Field("channel", "api");
    w.Key("lines").BeginArray();
    std::vector<size_t> chosen;
    while (chosen.size() < static_cast<size_t>(lines)) {
      size_t s = pick(mix.skus.size());
      if (std::find(chosen.begin(), chosen.end(), s) == chosen.end()) chosen.push_back(s);
    }
    for (size_t s : chosen) {
      const DemoSku& sku = mix.skus[s];
      w.BeginObject().Field("sku", sku.sku);
      if (sku.packs.empty()) {
        w.Key("quantity").Int(static_cast<int64_t>(1 + pick(24)));
      } else {
        const DemoPack& pack = sku.packs[pick(sku.packs.size())];
        w.Key("quantity").Int(static_cast<int64_t>(1 + pick(4))).Field("uom", pack.uom);
      }
      w.EndObject();
    }
    w.EndArray().EndObject();
    bodies.push_back(w.Take());
  }
  return bodies;
}

}  // namespace ordo::bench
