#include "api/item_routes.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/portal_operations.h"
#include "api/portal_redaction.h"
#include "api/preconditions.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "catalog/item_commands.h"
#include "catalog/item_queries.h"
#include "catalog/item_update.h"
#include "core/field_path.h"
#include "core/resource_ref.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

using nlohmann::json;

constexpr size_t kMaxSearchText = 200;

// A money field given as a JSON number or a decimal string, parsed exactly (at most four
// decimals) and within FieldReader::kMaxAmountWhole, so that a price times a line's quantity
// stays far from overflow; nullopt when absent (reported when required) or invalid (reported).
std::optional<Money> ReadMoney(jsonio::FieldReader& r, const json& obj, const char* key,
                               bool required) {
  return r.Amount(obj, key, key, required);
}

// "pack_sizes": [{"uom", "quantity"}]; nullopt when absent. A malformed entry stays in the list
// (with what could be read) so that later paths keep their indexes.
std::optional<std::vector<PackSize>> ReadPacks(jsonio::FieldReader& r, const json& obj) {
  const json* array = r.Array(obj, "pack_sizes", "pack_sizes", false);
  if (!array) return std::nullopt;
  std::vector<PackSize> packs;
  for (size_t i = 0; i < array->size(); ++i) {
    const std::string path = ElementPath("pack_sizes", i);
    const json& entry = (*array)[i];
    PackSize pack;
    if (!entry.is_object()) {
      r.Fail(path, "invalid_type", "a pack size is an object {\"uom\", \"quantity\"}");
    } else {
      r.OnlyKnown(entry, {"uom", "quantity"}, path);
      pack.uom = r.String(entry, "uom", FieldPath(path, "uom"), text_limits::kUom, true);
      pack.quantity = r.Integer(entry, "quantity", FieldPath(path, "quantity"), true).value_or(0);
    }
    packs.push_back(std::move(pack));
  }
  return packs;
}

// "product_line": a product line code, or null for none; nullopt when absent (or of the wrong
// type, reported), an empty inner optional for null.
std::optional<std::optional<std::string>> ReadProductLine(jsonio::FieldReader& r, const json& obj) {
  auto it = obj.find("product_line");
  if (it == obj.end()) return std::nullopt;
  if (it->is_null()) return std::optional<std::string>();
  auto code = r.OptionalString(obj, "product_line", "product_line", text_limits::kProductLineCode);
  if (!code) return std::nullopt;
  return std::optional<std::string>(std::move(*code));
}

// The item rules report an invalid base unit twice, as "uom" and as the conversions' own
// "base_uom"; the API names only the field the client sent.
Status WithoutBaseUomDuplicate(Status st) {
  std::vector<FieldError> errors;
  for (const auto& e : st.errors()) {
    if (e.field != "base_uom") errors.push_back(e);
  }
  if (errors.size() == st.errors().size()) return st;
  return Status(st.code(), st.message(), std::move(errors));
}

// True when `field` is `reported` or lies inside it ("pack_sizes/0/uom" inside "pack_sizes/0").
bool Covers(const std::string& reported, const std::string& field) {
  return field == reported || (field.size() > reported.size() && field.starts_with(reported) &&
                               field[reported.size()] == '/');
}

// {"sku", "name", "uom", "pack_sizes", "list_price", "cost", "tax_class", "active",
// "reorder_point", "product_line"} → NewItem; sku, name and list_price are required. Every problem
// at once: type errors, and the item rules for the fields that were readable.
Result<catalog::NewItem> ParseNewItem(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc,
              {"sku", "name", "uom", "pack_sizes", "list_price", "cost", "tax_class", "active",
               "reorder_point", "product_line"},
              "");
  catalog::NewItem item;
  item.sku = r.String(*doc, "sku", "sku", text_limits::kSku, true);
  item.name = r.String(*doc, "name", "name", text_limits::kItemName, true);
  if (auto uom = r.OptionalString(*doc, "uom", "uom", text_limits::kUom)) item.uom = *uom;
  if (auto packs = ReadPacks(r, *doc)) item.packs = std::move(*packs);
  item.list_price = ReadMoney(r, *doc, "list_price", true).value_or(Money());
  if (auto cost = ReadMoney(r, *doc, "cost", false)) item.cost = *cost;
  if (auto tax_class = r.OptionalString(*doc, "tax_class", "tax_class", text_limits::kTaxClass)) {
    item.tax_class = *tax_class;
  }
  if (auto active = r.Bool(*doc, "active", "active", false)) item.active = *active;
  if (auto point = r.Integer(*doc, "reorder_point", "reorder_point", false)) {
    item.reorder_point = *point;
  }
  if (auto line = ReadProductLine(r, *doc)) item.product_line = std::move(*line);
  if (errors.empty()) return item;
  std::vector<FieldError> reported = errors;
  Status rules = WithoutBaseUomDuplicate(catalog::ValidateNewItem(item));
  for (const auto& e : rules.errors()) {
    bool covered = std::any_of(reported.begin(), reported.end(),
                               [&](const FieldError& p) { return Covers(p.field, e.field); });
    if (!covered) errors.push_back(e);
  }
  return Status::InvalidArgument("invalid item", std::move(errors));
}

// The PATCH body: any of the changeable fields; the others are refused by name.
Result<catalog::ItemPatch> ParseItemPatch(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc,
              {"name", "list_price", "cost", "tax_class", "active", "reorder_point", "pack_sizes",
               "product_line", "id", "sku", "uom", "version"},
              "");
  for (const char* fixed : {"id", "sku", "uom", "version"}) {
    if (doc->contains(fixed)) r.Fail(fixed, "read_only", std::string(fixed) + " cannot be changed");
  }
  // None of these can be cleared (product_line can: null is no product line), and an absent field
  // means unchanged (FieldReader's rule).
  r.RefuseNulls(
      *doc, {"name", "list_price", "cost", "tax_class", "active", "reorder_point", "pack_sizes"},
      "");
  catalog::ItemPatch patch;
  patch.name = r.OptionalString(*doc, "name", "name", text_limits::kItemName);
  patch.list_price = ReadMoney(r, *doc, "list_price", false);
  patch.cost = ReadMoney(r, *doc, "cost", false);
  patch.tax_class = r.OptionalString(*doc, "tax_class", "tax_class", text_limits::kTaxClass);
  patch.active = r.Bool(*doc, "active", "active", false);
  patch.reorder_point = r.Integer(*doc, "reorder_point", "reorder_point", false);
  patch.pack_sizes = ReadPacks(r, *doc);
  patch.product_line = ReadProductLine(r, *doc);
  if (!errors.empty()) return Status::InvalidArgument("invalid item change", std::move(errors));
  return patch;
}

Result<catalog::ItemFilter> ParseItemFilter(const http::Request& request) {
  catalog::ItemFilter filter;
  auto active = QueryBool(request, "active");
  if (!active.ok()) return active.status();
  filter.active = *active;
  if (auto text = request.Query("q")) {
    if (text->size() > kMaxSearchText) {
      return Status::InvalidArgument("q is too long",
                                     {{"q", "invalid_value", "q is at most 200 characters"}});
    }
    filter.text = std::string(*text);
  }
  return filter;
}

// The item with its version as ETag; portal users get it without the distributor's cost
// (portal_redaction.h).
http::Response ItemResponse(int status, const catalog::Item& item) {
  http::Response r = http::Response::Json(status, catalog::ToJson(item));
  SetVersionTag(r, item.version);
  return r;
}

Status NoItem(const ResourceRef& ref) {
  return Status::NotFound("no item " + ref.code);
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "items.read");
  if (!who) return;
  respond = ForPortal(*who, PortalDocument::kItemList, std::move(respond));
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto filter = ParseItemFilter(request);
  if (!filter.ok()) return respond(ProblemFor(filter.status()));
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return catalog::ListItems(*conn, *filter, page->after.value_or(0), page->limit + 1);
  }();
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& item : rows) items.push_back(catalog::ToJson(item));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "items.read");
  if (!who) return;
  respond = ForPortal(*who, PortalDocument::kItem, std::move(respond));
  ResourceRef ref = ParseResourceRef(*request.PathParam("ref"));
  auto found = [&] {
    auto conn = ctx.readers.Borrow();
    return catalog::FindItemByIdOrSku(*conn, ref.id, ref.code);
  }();
  if (!found) return respond(ProblemFor(NoItem(ref)));
  respond(ItemResponse(200, *found));
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "items.write");
  if (!who) return;
  auto item = ParseNewItem(request.body);
  if (!item.ok()) return respond(ProblemFor(item.status()));
  RunWrite(
      ctx, request, *who,
      [in = std::move(item).value()](store::Connection& conn,
                                     const CommandContext& cc) -> Result<http::Response> {
        auto created = catalog::CreateItem(conn, cc, in);
        if (!created.ok()) return WithoutBaseUomDuplicate(created.status());
        http::Response r = ItemResponse(201, *created);
        r.SetHeader("Location", "/api/v1/items/" + std::to_string(created->id.value()));
        return r;
      },
      std::move(respond));
}

void Patch(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "items.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, ParseItemPatch,
      [ref = ParseResourceRef(*request.PathParam("ref"))](
          store::Connection& conn, const CommandContext& cc, const catalog::ItemPatch& patch,
          std::optional<int64_t> version) -> Result<http::Response> {
        // Resolved on the writer, in the command's unit of work, so the item cannot change
        // between finding it and updating it.
        auto item = catalog::FindItemByIdOrSku(conn, ref.id, ref.code);
        if (!item) return NoItem(ref);
        auto updated = catalog::UpdateItem(conn, cc, item->id, patch, version);
        if (!updated.ok()) return WithoutBaseUomDuplicate(updated.status());
        return ItemResponse(200, *updated);
      },
      std::move(respond));
}

}  // namespace

void AddItemRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/items",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/items",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/items/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("PATCH", "/api/v1/items/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Patch(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
