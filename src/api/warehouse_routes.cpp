#include "api/warehouse_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "core/resource_ref.h"
#include "inventory/warehouse_repository.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// {"code", "name", "address": {...}, "allocation_rank"} → Warehouse, every bad field at once.
Result<inventory::Warehouse> ParseNewWarehouse(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"code", "name", "address", "allocation_rank"}, "");
  inventory::Warehouse w;
  w.code = r.String(*doc, "code", "code", text_limits::kWarehouseCode, true);
  w.name = r.String(*doc, "name", "name", text_limits::kWarehouseName, true);
  if (const json* a = r.Object(*doc, "address", "address", false)) {
    r.OnlyKnown(*a, {"line1", "city", "region", "postal_code", "country"}, "address");
    w.address.line1 = r.String(*a, "line1", "address/line1", text_limits::kAddressLine, false);
    w.address.city = r.String(*a, "city", "address/city", text_limits::kCity, false);
    w.address.region = r.String(*a, "region", "address/region", text_limits::kRegion, false);
    w.address.postal_code =
        r.String(*a, "postal_code", "address/postal_code", text_limits::kPostalCode, false);
    w.address.country = r.String(*a, "country", "address/country", text_limits::kCountry, false);
  }
  if (auto rank = r.Integer(*doc, "allocation_rank", "allocation_rank", false)) {
    if (*rank < 0 || *rank > 1'000'000) {
      r.Fail("allocation_rank", "out_of_range", "allocation_rank is 0 to 1000000");
    } else {
      w.allocation_rank = static_cast<int>(*rank);
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid warehouse", std::move(errors));
  return w;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "inventory.read")) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return inventory::ListWarehousesAfter(*conn, page->after.value_or(0), page->limit + 1);
  }();
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& w : rows) items.push_back(inventory::ToJson(w));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "inventory.read")) return;
  ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
  auto found = [&] {
    auto conn = ctx.readers.Borrow();
    // An exact code first (codes may be all digits), then an id.
    auto found = inventory::FindWarehouseByCode(*conn, ref.code);
    if (!found && ref.id) found = inventory::FindWarehouseById(*conn, WarehouseId(*ref.id));
    return found;
  }();
  if (!found) return respond(ProblemFor(Status::NotFound("no warehouse " + ref.code)));
  respond(http::Response::Json(200, inventory::ToJson(*found)));
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "warehouses.write");
  if (!who) return;
  auto warehouse = ParseNewWarehouse(request.body);
  if (!warehouse.ok()) return respond(ProblemFor(warehouse.status()));
  RunWrite(
      ctx, request, *who,
      [w = std::move(warehouse).value()](store::Connection& conn,
                                         const CommandContext& cc) -> Result<http::Response> {
        auto created = inventory::CreateWarehouse(conn, cc, w);
        if (!created.ok()) return created.status();
        http::Response r = http::Response::Json(201, inventory::ToJson(*created));
        r.SetHeader("Location", "/api/v1/warehouses/" + std::to_string(created->id.value()));
        return r;
      },
      std::move(respond));
}

}  // namespace

void AddWarehouseRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/warehouses",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/warehouses",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/warehouses/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
