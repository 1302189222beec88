#include "views/credit_memo_view.h"

#include "catalog/item_queries.h"
#include "customers/customer_queries.h"
#include "orders/order_queries.h"
#include "returns/return_repository.h"
#include "views/name_of.h"

namespace ordo::views {
namespace {

std::optional<invoicing::CreditMemo> Named(store::Connection& conn,
                                           std::optional<invoicing::CreditMemo> found) {
  if (found) NameCreditMemo(conn, *found);
  return found;
}

}  // namespace

void NameCreditMemos(store::Connection& conn, std::vector<invoicing::CreditMemo>& memos) {
  if (memos.empty()) return;
  std::vector<CustomerId> customers;
  std::vector<returns::ReturnId> rmas;
  std::vector<ItemId> items;
  for (const auto& m : memos) {
    customers.push_back(m.customer);
    if (m.return_id) rmas.push_back(returns::ReturnId(*m.return_id));
    for (const auto& l : m.lines) items.push_back(l.item);
  }
  auto codes = customers::CustomerCodes(conn, customers);
  auto refs = returns::ReturnRefsOf(conn, rmas);
  std::vector<OrderId> orders;
  for (const auto& [id, ref] : refs) orders.push_back(ref.order);
  auto order_numbers = orders::OrderNumbers(conn, orders);
  auto skus = catalog::SkusOf(conn, items);
  for (auto& m : memos) {
    m.customer_code = NameOf(codes, m.customer);
    m.return_number.clear();
    m.order_number.clear();
    if (m.return_id) {
      if (auto it = refs.find(returns::ReturnId(*m.return_id)); it != refs.end()) {
        m.return_number = it->second.number;
        m.order_number = NameOf(order_numbers, it->second.order);
      }
    }
    for (auto& l : m.lines) l.sku = NameOf(skus, l.item);
  }
}

void NameCreditMemo(store::Connection& conn, invoicing::CreditMemo& memo) {
  std::vector<invoicing::CreditMemo> one;
  one.push_back(std::move(memo));
  NameCreditMemos(conn, one);
  memo = std::move(one.front());
}

std::optional<invoicing::CreditMemo> LoadCreditMemo(store::Connection& conn,
                                                    invoicing::CreditMemoId id) {
  return Named(conn, invoicing::LoadCreditMemo(conn, id));
}

std::optional<invoicing::CreditMemo> LoadCreditMemoByNumber(store::Connection& conn,
                                                            std::string_view number) {
  return Named(conn, invoicing::LoadCreditMemoByNumber(conn, number));
}

std::vector<invoicing::CreditMemo> ListCreditMemos(store::Connection& conn,
                                                   const invoicing::CreditMemoFilter& filter,
                                                   std::optional<invoicing::CreditMemoId> before,
                                                   int limit) {
  auto rows = invoicing::ListCreditMemos(conn, filter, before, limit);
  NameCreditMemos(conn, rows);
  return rows;
}

}  // namespace ordo::views
