#include "views/return_view.h"

#include <unordered_map>

#include "catalog/item_queries.h"
#include "customers/customer_queries.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_queries.h"
#include "views/name_of.h"

namespace ordo::views {
namespace {

std::optional<returns::Rma> Named(store::Connection& conn, std::optional<returns::Rma> found) {
  if (found) NameReturn(conn, *found);
  return found;
}

}  // namespace

void NameReturns(store::Connection& conn, std::vector<returns::Rma>& rmas) {
  if (rmas.empty()) return;
  std::vector<OrderId> orders;
  std::vector<CustomerId> customers;
  std::vector<ItemId> items;
  bool received = false;
  for (const auto& r : rmas) {
    orders.push_back(r.order);
    customers.push_back(r.customer);
    for (const auto& l : r.lines) items.push_back(l.item);
    received = received || !r.receipts.empty();
  }
  auto order_numbers = orders::OrderNumbers(conn, orders);
  auto codes = customers::CustomerCodes(conn, customers);
  auto skus = catalog::SkusOf(conn, items);
  std::unordered_map<WarehouseId, std::string> warehouses;
  if (received) {
    for (auto& w : inventory::ListWarehouses(conn)) warehouses.emplace(w.id, std::move(w.code));
  }
  for (auto& r : rmas) {
    r.order_number = NameOf(order_numbers, r.order);
    r.customer_code = NameOf(codes, r.customer);
    for (auto& l : r.lines) l.sku = NameOf(skus, l.item);
    for (auto& x : r.receipts) x.warehouse_code = NameOf(warehouses, x.warehouse);
  }
}

void NameReturn(store::Connection& conn, returns::Rma& rma) {
  std::vector<returns::Rma> one;
  one.push_back(std::move(rma));
  NameReturns(conn, one);
  rma = std::move(one.front());
}

std::optional<returns::Rma> LoadReturn(store::Connection& conn, returns::ReturnId id) {
  return Named(conn, returns::LoadReturn(conn, id));
}

std::optional<returns::Rma> LoadReturnByNumber(store::Connection& conn, std::string_view number) {
  return Named(conn, returns::LoadReturnByNumber(conn, number));
}

std::vector<returns::Rma> ListReturns(store::Connection& conn, const returns::ReturnFilter& filter,
                                      std::optional<returns::ReturnId> before, int limit) {
  auto rows = returns::ListReturns(conn, filter, before, limit);
  NameReturns(conn, rows);
  return rows;
}

}  // namespace ordo::views
