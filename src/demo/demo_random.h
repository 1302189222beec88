// Random draws for the demo data generator, reproducible for a seed.
//
// Everything is drawn from one std::mt19937_64 (whose output the standard fixes) through the
// integer helpers below, never through std:: distributions (whose output it does not), so a
// seed gives the same data on every platform. No floating point.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace ordo::demo {

class DemoRandom {
 public:
  explicit DemoRandom(uint64_t seed) : engine_(seed) {}

  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int64_t Between(int64_t lo, int64_t hi);
  // Uniform in [0, n). REQUIRES: n > 0.
  size_t Index(size_t n) { return static_cast<size_t>(Between(0, static_cast<int64_t>(n) - 1)); }
  // True with probability permille / 1000.
  bool Chance(int permille) { return Between(0, 999) < permille; }
  // An index drawn in proportion to `weights`. REQUIRES: weights >= 0, some weight > 0.
  size_t Weighted(const std::vector<int>& weights);

  template <typename T>
  const T& Pick(const std::vector<T>& values) {
    return values[Index(values.size())];
  }

 private:
  std::mt19937_64 engine_;
};

// Draws indices in proportion to fixed weights, in O(log n) per draw.
class WeightedTable {
 public:
  // REQUIRES: weights >= 0, some weight > 0.
  explicit WeightedTable(const std::vector<int>& weights);
  size_t Draw(DemoRandom& rng) const;

 private:
  std::vector<int64_t> cumulative_;
};

}  // namespace ordo::demo
