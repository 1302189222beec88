#include "api/order_resource.h"

#include <optional>
#include <string>

#include "api/customer_scope.h"
#include "api/preconditions.h"
#include "core/resource_ref.h"
#include "orders/order_json.h"
#include "orders/order_repository.h"
#include "views/order_view.h"

namespace ordo::api {
namespace {

Status NoSuchOrder(std::string_view segment) {
  return Status::NotFound("no order " + std::string(segment));
}

}  // namespace

Result<orders::OrderKey> FindOrderFor(store::Connection& conn, std::string_view segment,
                                      const auth::Principal& who) {
  ResourceRef ref = ParseResourceRef(segment);
  std::optional<orders::OrderKey> key = ref.id ? orders::FindOrderKey(conn, OrderId(*ref.id))
                                               : orders::FindOrderKeyByNumber(conn, ref.code);
  if (!key || !MaySeeCustomer(who, key->customer)) return NoSuchOrder(segment);
  return *key;
}

OrderFilter ResolveOrderFilter(store::Connection& conn, const http::Request& request,
                               const auth::Principal& who) {
  OrderFilter out;
  auto segment = request.Query("order");
  if (!segment || segment->empty()) return out;
  auto key = FindOrderFor(conn, *segment, who);
  if (key.ok()) {
    out.order = key->id;
  } else {
    out.matches_nothing = true;
  }
  return out;
}

Result<orders::Order> LoadOrderFor(store::Connection& conn, std::string_view segment,
                                   const auth::Principal& who) {
  ResourceRef ref = ParseResourceRef(segment);
  std::optional<orders::Order> order =
      ref.id ? views::LoadOrder(conn, OrderId(*ref.id)) : views::LoadOrderByNumber(conn, ref.code);
  if (!order || !MaySeeCustomer(who, order->customer)) return NoSuchOrder(segment);
  return std::move(*order);
}

http::Response OrderResponse(int status, const orders::Order& order) {
  return OrderResponse(status, order, orders::OrderJson(order));
}

http::Response OrderResponse(int status, const orders::Order& order, std::string json) {
  http::Response r;
  r.status = status;
  r.body = std::move(json);
  r.SetHeader("Content-Type", "application/json");
  SetVersionTag(r, order.version);
  return r;
}

}  // namespace ordo::api
