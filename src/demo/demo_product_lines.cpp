#include "demo/demo_product_lines.h"

#include <map>
#include <string>
#include <string_view>

#include "demo/demo_products.h"

namespace ordo::demo {

std::vector<catalog::NewProductLine> DemoProductLines() {
  // Basis points of the price; a line the table leaves out gets the default.
  static const std::map<std::string_view, int> kMarginBp = {
      {"FAS", 1'000}, {"ABR", 800},   {"SAF", 900}, {"JAN", 700}, {"ELE", 600},
      {"PLB", 800},   {"TOL", 1'000}, {"PWR", 900}, {"LUB", 700}, {"PKG", 500},
  };
  constexpr int kDefaultBp = 800;
  std::vector<catalog::NewProductLine> out;
  for (const ProductLine& line : ProductLines()) {
    auto margin = kMarginBp.find(line.prefix);
    out.push_back({std::string(line.prefix), std::string(line.name),
                   margin == kMarginBp.end() ? kDefaultBp : margin->second, true});
  }
  return out;
}

}  // namespace ordo::demo
