#include "flows/rule_figures.h"

#include <algorithm>

#include "catalog/floor_price.h"
#include "catalog/product_line.h"

namespace ordo::flows {

std::unordered_map<std::string, int> FloorMargins(
    store::Connection& conn, const std::vector<approvals::ApprovalRule>& rules,
    const std::unordered_map<std::string, catalog::Item>& items) {
  std::unordered_map<std::string, int> margins;
  bool floor_rule = std::any_of(rules.begin(), rules.end(), [](const auto& r) {
    return r.kind == approvals::RuleKind::kBelowFloor;
  });
  bool lined = std::any_of(items.begin(), items.end(),
                           [](const auto& i) { return i.second.product_line.has_value(); });
  if (!floor_rule || !lined) return margins;
  for (const auto& line : catalog::ListProductLines(conn)) margins[line.code] = line.min_margin_bp;
  return margins;
}

std::optional<Money> FloorOf(const catalog::Item& item,
                             const std::unordered_map<std::string, int>& margins) {
  if (!item.product_line) return std::nullopt;
  auto m = margins.find(*item.product_line);
  if (m == margins.end()) return std::nullopt;
  return catalog::FloorPrice(item.cost, m->second);
}

}  // namespace ordo::flows
