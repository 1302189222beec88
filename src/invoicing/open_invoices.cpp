#include "invoicing/open_invoices.h"

#include "store/query.h"

namespace ordo::invoicing {

std::vector<InvoiceId> OpenInvoiceIds(store::Connection& conn) {
  store::Query q(conn, "SELECT id FROM invoices WHERE status = 'open' ORDER BY id");
  std::vector<InvoiceId> out;
  while (q.Next()) out.push_back(InvoiceId(q.Int(0)));
  return out;
}

}  // namespace ordo::invoicing
