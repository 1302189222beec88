#include "documents/column_widths.h"

#include <algorithm>

namespace ordo::documents {
namespace {

// Adds `amount` (may be negative) to the columns chosen by `take`, in proportion to `weight`;
// equally when the weights add up to nothing.
template <typename Take, typename Weight>
void Spread(std::vector<float>& widths, float amount, Take take, Weight weight) {
  float total = 0;
  int count = 0;
  for (size_t i = 0; i < widths.size(); ++i) {
    if (!take(i)) continue;
    total += weight(i);
    ++count;
  }
  if (count == 0) return;
  for (size_t i = 0; i < widths.size(); ++i) {
    if (!take(i)) continue;
    widths[i] += total > 0 ? amount * weight(i) / total : amount / static_cast<float>(count);
  }
}

}  // namespace

std::vector<float> ColumnWidths(const std::vector<ColumnNeed>& needs, float available) {
  std::vector<float> widths;
  float total = 0;
  bool any_stretch = false;
  for (const ColumnNeed& n : needs) {
    widths.push_back(n.natural);
    total += n.natural;
    any_stretch = any_stretch || n.stretch;
  }
  if (widths.empty()) return widths;
  auto natural = [&](size_t i) { return needs[i].natural; };
  if (total <= available) {
    auto take = [&](size_t i) { return !any_stretch || needs[i].stretch; };
    Spread(widths, available - total, take, natural);
    return widths;
  }
  // Too wide: stretch columns give up what they have above their minimum first.
  auto slack = [&](size_t i) {
    return needs[i].stretch ? needs[i].natural - std::min(needs[i].natural, kMinStretchWidth)
                            : 0.0f;
  };
  float total_slack = 0;
  for (size_t i = 0; i < needs.size(); ++i) total_slack += slack(i);
  float over = total - available;
  float given = std::min(over, total_slack);
  if (given > 0) {
    Spread(
        widths, -given, [&](size_t i) { return slack(i) > 0; }, slack);
  }
  if (over > given) {
    float scale = available / (total - given);
    for (float& w : widths) w *= scale;
  }
  return widths;
}

}  // namespace ordo::documents
