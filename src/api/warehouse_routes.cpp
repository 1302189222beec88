#include "api/warehouse_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "core/resource_ref.h"
#include "inventory/warehouse_repository.h"
#include "inventory/warehouse_update.h"
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

// The PATCH body: any of name, address (any of its fields) and allocation_rank; the code
// cannot be changed. Absent means unchanged; null is refused (none of these can be cleared).
struct WarehousePatch {
  std::optional<std::string> name;
  std::optional<std::string> line1, city, region, postal_code, country;
  std::optional<int> allocation_rank;

  void ApplyTo(inventory::Warehouse& w) const {
    if (name) w.name = *name;
    if (line1) w.address.line1 = *line1;
    if (city) w.address.city = *city;
    if (region) w.address.region = *region;
    if (postal_code) w.address.postal_code = *postal_code;
    if (country) w.address.country = *country;
    if (allocation_rank) w.allocation_rank = *allocation_rank;
  }
};

Result<WarehousePatch> ParseWarehousePatch(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"name", "address", "allocation_rank", "code", "id"}, "");
  for (const char* fixed : {"code", "id"}) {
    if (doc->contains(fixed)) r.Fail(fixed, "read_only", std::string(fixed) + " cannot be changed");
  }
  r.RefuseNulls(*doc, {"name", "address", "allocation_rank"}, "");
  WarehousePatch p;
  p.name = r.OptionalString(*doc, "name", "name", text_limits::kWarehouseName);
  if (const json* a = r.Object(*doc, "address", "address", false)) {
    r.OnlyKnown(*a, {"line1", "city", "region", "postal_code", "country"}, "address");
    r.RefuseNulls(*a, {"line1", "city", "region", "postal_code", "country"}, "address");
    p.line1 = r.OptionalString(*a, "line1", "address/line1", text_limits::kAddressLine);
    p.city = r.OptionalString(*a, "city", "address/city", text_limits::kCity);
    p.region = r.OptionalString(*a, "region", "address/region", text_limits::kRegion);
    p.postal_code =
        r.OptionalString(*a, "postal_code", "address/postal_code", text_limits::kPostalCode);
    p.country = r.OptionalString(*a, "country", "address/country", text_limits::kCountry);
  }
  if (auto rank = r.Integer(*doc, "allocation_rank", "allocation_rank", false)) {
    if (*rank < 0 || *rank > 1'000'000) {
      r.Fail("allocation_rank", "out_of_range", "allocation_rank is 0 to 1000000");
    } else {
      p.allocation_rank = static_cast<int>(*rank);
    }
  }
  if (!errors.empty())
    return Status::InvalidArgument("invalid warehouse change", std::move(errors));
  return p;
}

// An exact code first (codes may be all digits), then an id.
std::optional<inventory::Warehouse> FindWarehouse(store::Connection& conn, const ResourceRef& ref) {
  auto found = inventory::FindWarehouseByCode(conn, ref.code);
  if (!found && ref.id) found = inventory::FindWarehouseById(conn, WarehouseId(*ref.id));
  return found;
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
    return FindWarehouse(*conn, ref);
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

void Patch(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "warehouses.write");
  if (!who) return;
  auto patch = ParseWarehousePatch(request.body);
  if (!patch.ok()) return respond(ProblemFor(patch.status()));
  RunWrite(
      ctx, request, *who,
      [p = std::move(patch).value(), ref = ParseResourceRef(*request.PathParam("ref"))](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        // Resolved on the writer, so the change applies to the warehouse as it is now.
        auto found = FindWarehouse(conn, ref);
        if (!found) return Status::NotFound("no warehouse " + ref.code);
        p.ApplyTo(*found);
        auto updated = inventory::UpdateWarehouse(conn, cc, *found);
        if (!updated.ok()) return updated.status();
        return http::Response::Json(200, inventory::ToJson(*updated));
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
  router.Add("PATCH", "/api/v1/warehouses/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Patch(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
