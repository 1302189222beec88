#include "demo/demo_random.h"

#include <algorithm>
#include <limits>

namespace ordo::demo {

int64_t DemoRandom::Between(int64_t lo, int64_t hi) {
  const uint64_t span = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1;
  if (span == 0) return static_cast<int64_t>(engine_());  // the whole int64 range
  // Rejection keeps every value equally likely.
  const uint64_t max = std::numeric_limits<uint64_t>::max();
  const uint64_t limit = max - (max % span + 1) % span;
  uint64_t draw;
  do {
    draw = engine_();
  } while (draw > limit);
  return static_cast<int64_t>(static_cast<uint64_t>(lo) + draw % span);
}

size_t DemoRandom::Weighted(const std::vector<int>& weights) {
  int64_t total = 0;
  for (int w : weights) total += w;
  int64_t draw = Between(0, total - 1);
  for (size_t i = 0; i < weights.size(); ++i) {
    if (draw < weights[i]) return i;
    draw -= weights[i];
  }
  return weights.size() - 1;
}

WeightedTable::WeightedTable(const std::vector<int>& weights) {
  int64_t total = 0;
  cumulative_.reserve(weights.size());
  for (int w : weights) {
    total += w;
    cumulative_.push_back(total);
  }
}

size_t WeightedTable::Draw(DemoRandom& rng) const {
  const int64_t draw = rng.Between(0, cumulative_.back() - 1);
  return static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), draw) -
                             cumulative_.begin());
}

}  // namespace ordo::demo
