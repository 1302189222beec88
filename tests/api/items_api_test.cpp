// The catalog endpoints over real HTTP: GET/POST /api/v1/items, GET/PATCH /api/v1/items/{ref}.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/api_fixture.h"
#include "audit/audit_log.h"
#include "events/outbox.h"

namespace ordo::api::testing {
namespace {

using FieldSet = std::set<std::pair<std::string, std::string>>;

const std::string kNewItem = R"({"sku": "BOLT-8", "name": "Hex bolt M8", "uom": "EA",
    "pack_sizes": [{"uom": "BX", "quantity": 100}, {"uom": "CS", "quantity": 1000}],
    "list_price": "0.1250", "cost": 0.07, "tax_class": "standard", "reorder_point": 500})";

// The (field, code) pairs of a problem's errors.
FieldSet FieldsOf(const ClientResponse& r) {
  FieldSet out;
  auto body = r.Json();
  for (const auto& e : body["errors"]) {
    out.emplace(e["field"].get<std::string>(), e["code"].get<std::string>());
  }
  return out;
}

std::vector<std::string> SkusOf(const ClientResponse& r) {
  std::vector<std::string> out;
  auto body = r.Json();
  for (const auto& item : body["items"]) out.push_back(item["sku"]);
  return out;
}

class ItemsApiTest : public ApiTest {
 protected:
  int64_t IdOf(const std::string& sku) {
    return db_.QueryInt("SELECT id FROM items WHERE sku = '" + sku + "'");
  }
  int64_t AuditRows(const std::string& action) {
    return db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
  }
  int64_t Events(const std::string& type) {
    return db_.QueryInt("SELECT COUNT(*) FROM outbox_events WHERE type = '" + type + "'");
  }
};

TEST_F(ItemsApiTest, ShowByIdOrSkuHasTheContractFields) {
  auto by_sku = Call("sales", "GET", "/api/v1/items/WID-100");
  ASSERT_EQ(by_sku.status, 200) << by_sku.body;
  auto item = by_sku.Json();
  std::set<std::string> keys;
  for (const auto& [key, value] : item.items()) keys.insert(key);
  EXPECT_EQ(keys,
            (std::set<std::string>{"id", "sku", "name", "uom", "pack_sizes", "list_price", "cost",
                                   "tax_class", "active", "reorder_point", "product_line",
                                   "min_order_quantity", "order_multiple", "gtin", "version"}));
  EXPECT_EQ(item["sku"], "WID-100");
  EXPECT_EQ(item["uom"], "EA");
  EXPECT_EQ(item["pack_sizes"], nlohmann::json::parse(R"([{"uom": "CS", "quantity": 12}])"));
  EXPECT_EQ(item["list_price"], "2.50");
  EXPECT_EQ(item["cost"], "0.00");
  EXPECT_EQ(item["active"], true);
  EXPECT_EQ(item["version"], 1);
  EXPECT_EQ(by_sku.Header("ETag").value_or(""), "\"1\"");

  auto by_id = Call("warehouse", "GET", "/api/v1/items/" + std::to_string(IdOf("WID-100")));
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(by_id.Json(), item);
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/items/NOPE-1"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/items/9999"), 404, "not_found"));
}

// A price or cost per unit keeps its four decimals in the answer (a fastener costs fractions of
// a cent), as the OpenAPI document's Price says; whole cents still show two.
TEST_F(ItemsApiTest, PricesAndCostsKeepTheirDecimals) {
  auto created = Call("admin", "POST", "/api/v1/items",
                      R"({"sku": "NUT-4", "name": "Hex nut M4", "list_price": "0.125",
                          "cost": "0.0875"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto item = Call("sales", "GET", "/api/v1/items/NUT-4");
  ASSERT_EQ(item.status, 200) << item.body;
  EXPECT_EQ(item.Json()["list_price"], "0.125");
  EXPECT_EQ(item.Json()["cost"], "0.0875");
  auto patched = Call("admin", "PATCH", "/api/v1/items/NUT-4", R"({"cost": "0.09"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["cost"], "0.09");
}

TEST_F(ItemsApiTest, AllDigitSkusAreFoundWhenNoItemHasThatId) {
  ASSERT_EQ(Call("admin", "POST", "/api/v1/items",
                 R"({"sku": "700100", "name": "Numbered part", "list_price": "1"})")
                .status,
            201);
  auto r = Call("sales", "GET", "/api/v1/items/700100");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["sku"], "700100");
}

TEST_F(ItemsApiTest, AnExactSkuWinsOverAnotherItemsId) {
  // WID-100 has id 1; an item whose SKU is "1" must be what /items/1 names, for reads and
  // for changes alike.
  ASSERT_EQ(IdOf("WID-100"), 1);
  ASSERT_EQ(Call("admin", "POST", "/api/v1/items",
                 R"({"sku": "1", "name": "Part one", "list_price": "3"})")
                .status,
            201);
  auto shown = Call("sales", "GET", "/api/v1/items/1");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.Json()["sku"], "1");
  auto patched = Call("admin", "PATCH", "/api/v1/items/1", R"({"name": "Part one, renamed"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["sku"], "1");
  EXPECT_EQ(Call("sales", "GET", "/api/v1/items/WID-100").Json()["name"], "Item WID-100");
  auto availability = Call("sales", "GET", "/api/v1/items/1/availability");
  ASSERT_EQ(availability.status, 200) << availability.body;
  EXPECT_EQ(availability.Json()["sku"], "1");
}

TEST_F(ItemsApiTest, PortalUsersReadItemsWithoutCost) {
  auto portal = Call("portal", "GET", "/api/v1/items/WID-100");
  ASSERT_EQ(portal.status, 200) << portal.body;
  EXPECT_FALSE(portal.Json().contains("cost"));
  EXPECT_EQ(portal.Json()["list_price"], "2.50");
  auto list = Call("portal", "GET", "/api/v1/items");
  ASSERT_EQ(list.status, 200) << list.body;
  for (const auto& item : list.Json()["items"]) EXPECT_FALSE(item.contains("cost"));
  EXPECT_TRUE(Call("integration", "GET", "/api/v1/items/WID-100").Json().contains("cost"));
}

TEST_F(ItemsApiTest, ReadPermissions) {
  for (const char* user : {"admin", "sales", "manager", "warehouse", "integration", "portal"}) {
    EXPECT_EQ(Call(user, "GET", "/api/v1/items").status, 200) << user;
    EXPECT_EQ(Call(user, "GET", "/api/v1/items/WID-100").status, 200) << user;
  }
  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/items"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/items/WID-100"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/items"), 401, "unauthenticated"));
}

TEST_F(ItemsApiTest, ListFiltersAndPages) {
  auto all = Call("sales", "GET", "/api/v1/items");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(SkusOf(all), (std::vector<std::string>{"WID-100", "WID-200", "OLD-1"}));
  EXPECT_TRUE(all.Json()["next_cursor"].is_null());

  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?active=true")),
            (std::vector<std::string>{"WID-100", "WID-200"}));
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?active=false")),
            (std::vector<std::string>{"OLD-1"}));
  // Substring of SKU or name, ASCII case ignored; LIKE wildcards are plain characters.
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=wid")),
            (std::vector<std::string>{"WID-100", "WID-200"}));
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=item%20old")),
            (std::vector<std::string>{"OLD-1"}));
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=200&active=true")),
            (std::vector<std::string>{"WID-200"}));
  EXPECT_TRUE(SkusOf(Call("sales", "GET", "/api/v1/items?q=%25")).empty());
  EXPECT_TRUE(SkusOf(Call("sales", "GET", "/api/v1/items?q=WID_")).empty());

  auto first = Call("sales", "GET", "/api/v1/items?limit=2");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(SkusOf(first), (std::vector<std::string>{"WID-100", "WID-200"}));
  std::string cursor = first.Json()["next_cursor"];
  auto second = Call("sales", "GET", "/api/v1/items?limit=2&cursor=" + cursor);
  EXPECT_EQ(SkusOf(second), (std::vector<std::string>{"OLD-1"}));
  EXPECT_TRUE(second.Json()["next_cursor"].is_null());

  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/items?active=yes"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/items?limit=0"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/items?cursor=x"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/items?q=" + std::string(201, 'a')), 400,
                        "invalid_argument"));
}

// Texts of three characters or more go through the trigram index (migration 0016), which
// triggers keep in step with every new, renamed or re-coded item; the answers are the same as
// a scan's: substrings, ASCII case ignored, quotes and FTS syntax as plain text, pages by id.
TEST_F(ItemsApiTest, SearchFollowsItemsAsTheyAreCreatedAndRenamed) {
  ASSERT_EQ(Call("admin", "POST", "/api/v1/items", kNewItem).status, 201);
  ASSERT_EQ(Call("admin", "POST", "/api/v1/items",
                 R"({"sku": "BOLT-10", "name": "Hex bolt \"M10\" AND nut", "list_price": "1"})")
                .status,
            201);
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=HEX%20BOLT")),
            (std::vector<std::string>{"BOLT-8", "BOLT-10"}));
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=olt-1")),
            (std::vector<std::string>{"BOLT-10"}));
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=%22M10%22%20AND")),
            (std::vector<std::string>{"BOLT-10"}));
  EXPECT_TRUE(SkusOf(Call("sales", "GET", "/api/v1/items?q=bolt%20OR%20wid")).empty());
  auto first = Call("sales", "GET", "/api/v1/items?q=bolt&limit=1");
  EXPECT_EQ(SkusOf(first), (std::vector<std::string>{"BOLT-8"}));
  EXPECT_EQ(SkusOf(Call("sales", "GET",
                        "/api/v1/items?q=bolt&limit=1&cursor=" +
                            first.Json()["next_cursor"].get<std::string>())),
            (std::vector<std::string>{"BOLT-10"}));

  ASSERT_EQ(
      Call("admin", "PATCH", "/api/v1/items/BOLT-8", R"({"name": "Carriage screw M8"})").status,
      200);
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=hex%20bolt")),
            (std::vector<std::string>{"BOLT-10"}));
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=carriage")),
            (std::vector<std::string>{"BOLT-8"}));
  EXPECT_EQ(SkusOf(Call("sales", "GET", "/api/v1/items?q=hex&active=false")),
            std::vector<std::string>{});
}

TEST_F(ItemsApiTest, CreateStoresTheItemWithAuditAndEvent) {
  auto created = Call("admin", "POST", "/api/v1/items", kNewItem);
  ASSERT_EQ(created.status, 201) << created.body;
  auto item = created.Json();
  EXPECT_EQ(item["sku"], "BOLT-8");
  EXPECT_EQ(item["list_price"], "0.125");
  EXPECT_EQ(item["cost"], "0.07");
  EXPECT_EQ(item["reorder_point"], 500);
  EXPECT_EQ(item["version"], 1);
  EXPECT_EQ(item["pack_sizes"].size(), 2u);
  std::string id = std::to_string(item["id"].get<int64_t>());
  EXPECT_EQ(created.Header("Location").value_or(""), "/api/v1/items/" + id);
  EXPECT_EQ(created.Header("ETag").value_or(""), "\"1\"");
  EXPECT_EQ(Call("sales", "GET", "/api/v1/items/BOLT-8").Json(), item);
  EXPECT_EQ(AuditRows("item.create"), 4);  // three fixture items and this one
  EXPECT_EQ(Events("item.created"), 4);

  // Defaults: uom EA, cost 0, tax class standard, active, reorder point 0, no packs.
  auto minimal =
      Call("admin", "POST", "/api/v1/items", R"({"sku": "M-1", "name": "M", "list_price": 3.5})");
  ASSERT_EQ(minimal.status, 201) << minimal.body;
  auto m = minimal.Json();
  EXPECT_EQ(m["uom"], "EA");
  EXPECT_EQ(m["list_price"], "3.50");
  EXPECT_EQ(m["cost"], "0.00");
  EXPECT_EQ(m["tax_class"], "standard");
  EXPECT_EQ(m["active"], true);
  EXPECT_EQ(m["pack_sizes"], nlohmann::json::array());
}

TEST_F(ItemsApiTest, CreateReportsEveryBadFieldAndChangesNothing) {
  auto before = db_.Snapshot();
  auto bad = Call("admin", "POST", "/api/v1/items",
                  R"({"sku": "bad sku!", "name": 5, "list_price": "-1", "cost": "1.23456",
                      "uom": "ea", "reorder_point": 1.5, "active": "yes", "colour": "red",
                      "pack_sizes": [{"uom": "CS", "quantity": 1}, "x", {"uom": "BX"}]})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(bad), (FieldSet{{"sku", "invalid_sku"},
                                     {"name", "invalid_type"},
                                     {"list_price", "out_of_range"},
                                     {"cost", "too_many_decimals"},
                                     {"uom", "invalid_uom"},
                                     {"reorder_point", "invalid_type"},
                                     {"active", "invalid_type"},
                                     {"colour", "unknown_field"},
                                     {"pack_sizes/0/quantity", "invalid_pack_quantity"},
                                     {"pack_sizes/1", "invalid_type"},
                                     {"pack_sizes/2/quantity", "required"}}));

  auto missing = Call("admin", "POST", "/api/v1/items", "{}");
  ASSERT_TRUE(IsProblem(missing, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(missing),
            (FieldSet{{"sku", "required"}, {"name", "required"}, {"list_price", "required"}}));

  auto rules = Call("admin", "POST", "/api/v1/items",
                    R"({"sku": "OK-1", "name": "", "list_price": "1", "tax_class": "",
                        "reorder_point": -1, "pack_sizes": [{"uom": "EA", "quantity": 6}]})");
  ASSERT_TRUE(IsProblem(rules, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(rules), (FieldSet{{"name", "required"},
                                       {"tax_class", "required"},
                                       {"reorder_point", "out_of_range"},
                                       {"pack_sizes/0/uom", "same_as_base_uom"}}));

  EXPECT_TRUE(
      IsProblem(Call("admin", "POST", "/api/v1/items", "{\"sku\": "), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("admin", "POST", "/api/v1/items", "[]"), 400, "invalid_argument"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ItemsApiTest, DuplicateSkuIsAConflict) {
  auto before = db_.Snapshot();
  auto dup = Call("admin", "POST", "/api/v1/items",
                  R"({"sku": "WID-100", "name": "Again", "list_price": "1.00"})");
  ASSERT_TRUE(IsProblem(dup, 409, "conflict"));
  EXPECT_EQ(FieldsOf(dup), (FieldSet{{"sku", "duplicate"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ItemsApiTest, OnlyAdminsWriteItems) {
  auto before = db_.Snapshot();
  for (const char* user : {"sales", "manager", "warehouse", "arclerk", "integration", "portal"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/items", kNewItem), 403, "forbidden")) << user;
    EXPECT_TRUE(IsProblem(Call(user, "PATCH", "/api/v1/items/WID-100", R"({"name": "x"})"), 403,
                          "forbidden"))
        << user;
  }
  EXPECT_TRUE(IsProblem(Call("", "POST", "/api/v1/items", kNewItem), 401, "unauthenticated"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ItemsApiTest, IdempotentCreateRetryCreatesOnce) {
  HeaderList key = {{"Idempotency-Key", "item-bolt-8"}};
  auto first = Call("admin", "POST", "/api/v1/items", kNewItem, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call("admin", "POST", "/api/v1/items", kNewItem, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(db_.Count("items"), 4);
  auto other = Call("admin", "POST", "/api/v1/items",
                    R"({"sku": "OTHER", "name": "Other", "list_price": "1"})", key);
  EXPECT_TRUE(IsProblem(other, 409, "idempotency_key_reused"));
  EXPECT_EQ(db_.Count("items"), 4);
}

TEST_F(ItemsApiTest, PatchChangesFieldsBumpsVersionAndAudits) {
  int64_t id = IdOf("WID-200");
  auto r = Call("admin", "PATCH", "/api/v1/items/WID-200",
                R"({"name": "Widget 200 blue", "list_price": "12.5", "cost": 7,
                    "tax_class": "reduced", "active": false, "reorder_point": 40,
                    "pack_sizes": [{"uom": "CS", "quantity": 6}]
})",
                {{"If-Match", "\"1\""}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto item = r.Json();
  EXPECT_EQ(item["id"], id);
  EXPECT_EQ(item["sku"], "WID-200");
  EXPECT_EQ(item["name"], "Widget 200 blue");
  EXPECT_EQ(item["list_price"], "12.50");
  EXPECT_EQ(item["cost"], "7.00");
  EXPECT_EQ(item["tax_class"], "reduced");
  EXPECT_EQ(item["active"], false);
  EXPECT_EQ(item["reorder_point"], 40);
  EXPECT_EQ(item["pack_sizes"], nlohmann::json::parse(R"([{"uom": "CS", "quantity": 6}])"));
  EXPECT_EQ(item["version"], 2);
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"2\"");
  EXPECT_EQ(Call("sales", "GET", "/api/v1/items/" + std::to_string(id)).Json(), item);

  auto audit = audit::ForEntity(db_.reader(), "item", id);
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].action, "item.update");
  EXPECT_EQ(audit[1].actor, "user:admin");
  EXPECT_EQ(audit[1].before["name"], "Item WID-200");
  EXPECT_EQ(audit[1].before["version"], 1);
  EXPECT_EQ(audit[1].after, item);
  auto events = events::ForEntity(db_.reader(), "item", id);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type, "item.updated");
  EXPECT_EQ(events[1].payload["version"], 2);
  EXPECT_EQ(events[1].payload["changed"].size(), 7u);

  // A partial patch by id, without If-Match, keeps every other field.
  auto partial =
      Call("admin", "PATCH", "/api/v1/items/" + std::to_string(id), R"({"active": true})");
  ASSERT_EQ(partial.status, 200) << partial.body;
  item["active"] = true;
  item["version"] = 3;
  EXPECT_EQ(partial.Json(), item);
}

TEST_F(ItemsApiTest, PackSizesAreReplacedAsASet) {
  auto reordered = Call("admin", "PATCH", "/api/v1/items/WID-100",
                        R"({"pack_sizes": [{"uom": "CS", "quantity": 12}]})");
  ASSERT_EQ(reordered.status, 200) << reordered.body;
  EXPECT_EQ(reordered.Json()["version"], 1);  // the same packs: no change

  auto two =
      Call("admin", "PATCH", "/api/v1/items/WID-100",
           R"({"pack_sizes": [{"uom": "PL", "quantity": 480}, {"uom": "CS", "quantity": 12}]})");
  ASSERT_EQ(two.status, 200) << two.body;
  EXPECT_EQ(
      two.Json()["pack_sizes"],
      nlohmann::json::parse(R"([{"uom": "CS", "quantity": 12}, {"uom": "PL", "quantity": 480}])"));
  EXPECT_EQ(two.Json()["version"], 2);

  auto none = Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"pack_sizes": []})");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(none.Json()["pack_sizes"], nlohmann::json::array());
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM item_packs WHERE item_id = " +
                         std::to_string(IdOf("WID-100"))),
            0);
}

TEST_F(ItemsApiTest, PatchThatChangesNothingWritesNothing) {
  auto before = db_.Snapshot();
  auto same = Call("admin", "PATCH", "/api/v1/items/WID-100",
                   R"({"name": "Item WID-100", "list_price": "2.5000", "active": true})");
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.Json()["version"], 1);
  auto empty = Call("admin", "PATCH", "/api/v1/items/WID-100", "{}");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ItemsApiTest, StaleIfMatchIsRefusedAndChangesNothing) {
  ASSERT_EQ(Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"name": "v2"})").status, 200);
  auto before = db_.Snapshot();
  auto stale = Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"name": "lost update"})",
                    {{"If-Match", "1"}});
  EXPECT_TRUE(IsProblem(stale, 412, "precondition_failed"));
  EXPECT_EQ(db_.Snapshot(), before);
  auto current = Call("sales", "GET", "/api/v1/items/WID-100").Json();
  EXPECT_EQ(current["name"], "v2");
  EXPECT_EQ(current["version"], 2);

  auto fresh = Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"name": "v3"})",
                    {{"If-Match", "W/\"2\""}});
  EXPECT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_TRUE(IsProblem(
      Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"name": "x"})", {{"If-Match", "two"}}),
      400, "invalid_argument"));
}

TEST_F(ItemsApiTest, BadPatchesListEveryProblemAndChangeNothing) {
  auto before = db_.Snapshot();
  auto bad = Call("admin", "PATCH", "/api/v1/items/WID-100",
                  R"({"sku": "NEW", "uom": "CS", "id": 9, "version": 3, "name": 1,
                      "list_price": "abc", "active": 1, "reorder_point": "10", "size": "L",
                      "pack_sizes": {"uom": "CS"}})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(bad), (FieldSet{{"sku", "read_only"},
                                     {"uom", "read_only"},
                                     {"id", "read_only"},
                                     {"version", "read_only"},
                                     {"name", "invalid_type"},
                                     {"list_price", "invalid_amount"},
                                     {"active", "invalid_type"},
                                     {"reorder_point", "invalid_type"},
                                     {"size", "unknown_field"},
                                     {"pack_sizes", "invalid_type"}}));

  auto rules = Call("admin", "PATCH", "/api/v1/items/WID-100",
                    R"({"name": "", "cost": "-0.01", "reorder_point": -5,
                        "pack_sizes": [{"uom": "EA", "quantity": 10}, {"uom": "BX", "quantity": 1}]})");
  ASSERT_TRUE(IsProblem(rules, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(rules), (FieldSet{{"name", "required"},
                                       {"cost", "out_of_range"},
                                       {"reorder_point", "out_of_range"},
                                       {"pack_sizes/0/uom", "same_as_base_uom"},
                                       {"pack_sizes/1/quantity", "invalid_pack_quantity"}}));

  EXPECT_TRUE(
      IsProblem(Call("admin", "PATCH", "/api/v1/items/WID-100", "{"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("admin", "PATCH", "/api/v1/items/NOPE", R"({"name": "x"})"), 404,
                        "not_found"));
  EXPECT_TRUE(IsProblem(Call("admin", "PATCH", "/api/v1/items/98765", R"({"name": "x"})"), 404,
                        "not_found"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/items/WID-100").Json()["version"], 1);
}

}  // namespace
}  // namespace ordo::api::testing
