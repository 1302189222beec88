#include "demo/demo_tax_rates.h"

#include <array>
#include <string_view>

namespace ordo::demo {

std::vector<invoicing::TaxRate> DemoTaxRates() {
  struct Row {
    std::string_view region;
    int64_t standard_ppm;
    int64_t reduced_ppm;
  };
  // Every region of the demo's cities (demo_vocab.cpp).
  constexpr std::array<Row, 12> kRows = {{
      {"AL", 40000, 20000},
      {"FL", 60000, 0},
      {"GA", 40000, 0},
      {"IL", 62500, 10000},
      {"IN", 70000, 0},
      {"LA", 44500, 0},
      {"MO", 42250, 12250},
      {"OK", 45000, 45000},
      {"SC", 60000, 30000},
      {"TN", 70000, 40000},
      {"TX", 62500, 0},
      {"WI", 50000, 0},
  }};
  std::vector<invoicing::TaxRate> out;
  for (const auto& r : kRows) {
    out.push_back({std::string(r.region), "standard", r.standard_ppm});
    out.push_back({std::string(r.region), "reduced", r.reduced_ppm});
  }
  return out;
}

}  // namespace ordo::demo
