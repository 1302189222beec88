#include "views/aging_view.h"

#include <algorithm>
#include <vector>

#include "customers/customer_queries.h"

namespace ordo::views {

receivables::AgingReport LoadAging(store::Connection& conn, Date as_of,
                                   std::optional<CustomerId> customer) {
  receivables::AgingReport report = receivables::LoadAging(conn, as_of, customer);
  std::vector<CustomerId> ids;
  for (const auto& c : report.customers) ids.push_back(c.customer);
  auto labels = customers::CustomerLabels(conn, ids);
  for (auto& c : report.customers) {
    if (auto it = labels.find(c.customer); it != labels.end()) {
      c.customer_code = it->second.code;
      c.customer_name = it->second.name;
    }
  }
  // Codes are unique, so the order is total.
  std::sort(report.customers.begin(), report.customers.end(),
            [](const receivables::CustomerAging& a, const receivables::CustomerAging& b) {
              return a.customer_code < b.customer_code;
            });
  return report;
}

}  // namespace ordo::views
