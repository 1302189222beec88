#include "api/pick_queue_routes.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "core/resource_ref.h"
#include "inventory/warehouse_repository.h"
#include "views/pick_queue_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 2> kListParameters = {"limit", "cursor"};

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "shipments.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  std::vector<FieldError> errors;
  CheckListParameters(request, kListParameters, errors);
  if (!errors.empty()) {
    return respond(
        ProblemFor(Status::InvalidArgument("invalid pick queue parameters", std::move(errors))));
  }
  ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
  auto conn = ctx.readers.Borrow();
  // An exact code first (codes may be all digits), then an id, as GET /warehouses/{ref}.
  auto warehouse = inventory::FindWarehouseByCode(*conn, ref.code);
  if (!warehouse && ref.id) warehouse = inventory::FindWarehouseById(*conn, WarehouseId(*ref.id));
  if (!warehouse) return respond(ProblemFor(Status::NotFound("no warehouse " + ref.code)));
  auto rows =
      views::ListPickQueue(*conn, warehouse->id, OrderId(page->after.value_or(0)), page->limit + 1);
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& e : rows) {
    json pick_list = nullptr;
    if (e.pick_list) pick_list = {{"number", *e.pick_list}, {"lines", e.pick_list_lines}};
    items.push_back({{"order", e.order},
                     {"customer", e.customer},
                     {"placed_at", FormatRfc3339(e.placed_at)},
                     {"lines", e.lines},
                     {"quantity", e.quantity},
                     {"pick_list", pick_list}});
  }
  json body = PageJson(std::move(items), next);
  body["warehouse"] = warehouse->code;
  respond(http::Response::Json(200, body));
}

}  // namespace

void AddPickQueueRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/warehouses/{ref}/pick-queue",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
