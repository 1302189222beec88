#include "views/invoice_view.h"

#include "catalog/item_queries.h"
#include "customers/customer_queries.h"
#include "fulfillment/shipment_repository.h"
#include "orders/order_queries.h"
#include "views/name_of.h"

namespace ordo::views {
namespace {

std::optional<invoicing::Invoice> Named(store::Connection& conn,
                                        std::optional<invoicing::Invoice> found) {
  if (found) NameInvoice(conn, *found);
  return found;
}

}  // namespace

void NameInvoices(store::Connection& conn, std::vector<invoicing::Invoice>& invoices) {
  if (invoices.empty()) return;
  std::vector<CustomerId> customers;
  std::vector<OrderId> orders;
  std::vector<ShipmentId> shipments;
  std::vector<ItemId> items;
  for (const auto& v : invoices) {
    customers.push_back(v.customer);
    orders.push_back(v.order);
    if (v.shipment) shipments.push_back(*v.shipment);
    for (const auto& l : v.lines) items.push_back(l.item);
  }
  auto codes = customers::CustomerCodes(conn, customers);
  auto order_numbers = orders::OrderNumbers(conn, orders);
  auto shipment_numbers = fulfillment::ShipmentNumbers(conn, shipments);
  auto skus = catalog::SkusOf(conn, items);
  for (auto& v : invoices) {
    v.customer_code = NameOf(codes, v.customer);
    v.order_number = NameOf(order_numbers, v.order);
    v.shipment_number = v.shipment ? NameOf(shipment_numbers, *v.shipment) : std::string();
    for (auto& l : v.lines) l.sku = NameOf(skus, l.item);
  }
}

void NameInvoice(store::Connection& conn, invoicing::Invoice& invoice) {
  std::vector<invoicing::Invoice> one;
  one.push_back(std::move(invoice));
  NameInvoices(conn, one);
  invoice = std::move(one.front());
}

std::optional<invoicing::Invoice> LoadInvoice(store::Connection& conn, invoicing::InvoiceId id) {
  return Named(conn, invoicing::LoadInvoice(conn, id));
}

std::optional<invoicing::Invoice> FindInvoiceByRef(store::Connection& conn, std::string_view ref) {
  return Named(conn, invoicing::FindInvoiceByRef(conn, ref));
}

std::vector<invoicing::Invoice> ListInvoices(store::Connection& conn,
                                             const invoicing::InvoiceFilter& filter,
                                             std::optional<invoicing::InvoiceId> before,
                                             int limit) {
  auto rows = invoicing::ListInvoices(conn, filter, before, limit);
  NameInvoices(conn, rows);
  return rows;
}

}  // namespace ordo::views
