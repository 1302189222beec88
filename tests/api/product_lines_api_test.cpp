// Product lines over real HTTP: GET/POST /api/v1/product-lines, GET/PATCH
// /api/v1/product-lines/{code}, and an item's product_line in the item API.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "api/api_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;
using FieldSet = std::set<std::pair<std::string, std::string>>;

FieldSet FieldsOf(const ClientResponse& r) {
  FieldSet out;
  auto body = r.Json();
  for (const auto& e : body["errors"]) {
    out.emplace(e["field"].get<std::string>(), e["code"].get<std::string>());
  }
  return out;
}

const std::string kFasteners =
    R"({"code": "FAST", "name": "Fasteners", "min_margin_percent": "25"})";

class ProductLinesApiTest : public ApiTest {
 protected:
  int64_t Count(const std::string& sql) { return db_.QueryInt(sql); }
};

TEST_F(ProductLinesApiTest, CreateShowListAndChange) {
  auto created = Call("admin", "POST", "/api/v1/product-lines", kFasteners);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json(), json::parse(R"({"code": "FAST", "name": "Fasteners",
      "min_margin_percent": "25.00", "active": true, "version": 1})"));
  EXPECT_EQ(created.Header("Location").value_or(""), "/api/v1/product-lines/FAST");
  EXPECT_EQ(created.Header("ETag").value_or(""), "\"1\"");
  ASSERT_EQ(Call("admin", "POST", "/api/v1/product-lines",
                 R"({"code": "ADH", "name": "Adhesives", "min_margin_percent": 12.5,
                     "active": false})")
                .status,
            201);

  auto list = Call("sales", "GET", "/api/v1/product-lines");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.Json(), json::parse(R"({"items": [
      {"code": "ADH", "name": "Adhesives", "min_margin_percent": "12.50", "active": false,
       "version": 1},
      {"code": "FAST", "name": "Fasteners", "min_margin_percent": "25.00", "active": true,
       "version": 1}], "next_cursor": null})"));

  auto changed = Call("admin", "PATCH", "/api/v1/product-lines/FAST",
                      R"({"min_margin_percent": "30.25", "name": "Fasteners and fixings"})",
                      {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["min_margin_percent"], "30.25");
  EXPECT_EQ(changed.Json()["name"], "Fasteners and fixings");
  EXPECT_EQ(changed.Json()["version"], 2);
  EXPECT_EQ(changed.Header("ETag").value_or(""), "\"2\"");
  EXPECT_EQ(Count("SELECT min_margin_bp FROM product_lines WHERE code = 'FAST'"), 3025);

  auto shown = Call("manager", "GET", "/api/v1/product-lines/FAST");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.Json(), changed.Json());

  // A patch that changes nothing writes nothing.
  auto same = Call("admin", "PATCH", "/api/v1/product-lines/FAST", R"({"active": true})");
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(same.Json()["version"], 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'product_line.%'"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outbox_events WHERE type = 'product_line.updated'"), 1);
}

TEST_F(ProductLinesApiTest, StaleVersionsDuplicatesAndUnknownCodesChangeNothing) {
  ASSERT_EQ(Call("admin", "POST", "/api/v1/product-lines", kFasteners).status, 201);
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("admin", "PATCH", "/api/v1/product-lines/FAST", R"({"name": "Other"})",
                             {{"If-Match", "\"7\""}}),
                        412, "precondition_failed"));
  auto dup = Call("admin", "POST", "/api/v1/product-lines", kFasteners);
  ASSERT_TRUE(IsProblem(dup, 409, "conflict"));
  EXPECT_EQ(FieldsOf(dup), (FieldSet{{"code", "duplicate"}}));
  EXPECT_TRUE(IsProblem(Call("admin", "PATCH", "/api/v1/product-lines/NOPE", R"({"name": "x"})"),
                        404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/product-lines/NOPE"), 404, "not_found"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ProductLinesApiTest, BadFieldsAreReportedAtOnce) {
  auto before = db_.Snapshot();
  auto r = Call("admin", "POST", "/api/v1/product-lines",
                R"({"code": "a b", "name": "", "min_margin_percent": "100", "colour": 1})");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(r), (FieldSet{{"code", "invalid_code"},
                                   {"name", "required"},
                                   {"min_margin_percent", "out_of_range"},
                                   {"colour", "unknown_field"}}))
      << r.body;
  for (const char* margin : {"-1", "12.345", "\"lots\"", "99.995"}) {
    auto bad =
        Call("admin", "POST", "/api/v1/product-lines",
             std::string(R"({"code": "X", "name": "X", "min_margin_percent": )") + margin + "}");
    EXPECT_TRUE(IsProblem(bad, 400, "invalid_argument")) << margin << " " << bad.body;
  }
  EXPECT_TRUE(
      IsProblem(Call("admin", "POST", "/api/v1/product-lines", R"({"code": "X", "name": "X"})"),
                400, "invalid_argument"));
  ASSERT_EQ(Call("admin", "POST", "/api/v1/product-lines", kFasteners).status, 201);
  before = db_.Snapshot();
  auto patch = Call("admin", "PATCH", "/api/v1/product-lines/FAST",
                    R"({"code": "F2", "name": null, "min_margin_percent": "99.99.9"})");
  ASSERT_TRUE(IsProblem(patch, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(patch), (FieldSet{{"code", "read_only"},
                                       {"name", "invalid_type"},
                                       {"min_margin_percent", "out_of_range"}}))
      << patch.body;
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ProductLinesApiTest, OnlyTheAdministratorChangesThemAndThePortalSeesNone) {
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/product-lines"), 401, "unauthenticated"));
  for (const char* user : {"sales", "manager", "arclerk", "warehouse", "integration", "portal"}) {
    EXPECT_TRUE(
        IsProblem(Call(user, "POST", "/api/v1/product-lines", kFasteners), 403, "forbidden"))
        << user;
  }
  for (const char* user : {"portal", "warehouse", "arclerk"}) {
    EXPECT_TRUE(IsProblem(Call(user, "GET", "/api/v1/product-lines"), 403, "forbidden")) << user;
  }
  EXPECT_EQ(db_.Snapshot(), before);
  ASSERT_EQ(Call("admin", "POST", "/api/v1/product-lines", kFasteners).status, 201);
  EXPECT_TRUE(
      IsProblem(Call("manager", "PATCH", "/api/v1/product-lines/FAST", R"({"active": false})"), 403,
                "forbidden"));
}

TEST_F(ProductLinesApiTest, AnItemBelongsToAtMostOneExistingLine) {
  ASSERT_EQ(Call("admin", "POST", "/api/v1/product-lines", kFasteners).status, 201);
  auto item = Call("admin", "POST", "/api/v1/items",
                   R"({"sku": "BOLT-8", "name": "Hex bolt M8", "list_price": "0.12",
                       "cost": "0.07", "product_line": "FAST"})");
  ASSERT_EQ(item.status, 201) << item.body;
  EXPECT_EQ(item.Json()["product_line"], "FAST");
  EXPECT_EQ(item.Json()["cost"], "0.07");
  EXPECT_EQ(Call("sales", "GET", "/api/v1/items/WID-100").Json()["product_line"], nullptr);

  auto moved = Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"product_line": "FAST"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["product_line"], "FAST");
  auto cleared = Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"product_line": null})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_EQ(cleared.Json()["product_line"], nullptr);
  EXPECT_EQ(cleared.Json()["version"], 3);

  auto before = db_.Snapshot();
  auto unknown = Call("admin", "POST", "/api/v1/items",
                      R"({"sku": "NUT-8", "name": "Nut M8", "list_price": "0.05",
                          "product_line": "NOPE"})");
  ASSERT_TRUE(IsProblem(unknown, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(unknown), (FieldSet{{"product_line", "unknown_product_line"}}));
  auto unknown_patch =
      Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"product_line": "NOPE", "name": ""})");
  ASSERT_TRUE(IsProblem(unknown_patch, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(unknown_patch),
            (FieldSet{{"product_line", "unknown_product_line"}, {"name", "required"}}))
      << unknown_patch.body;
  EXPECT_TRUE(IsProblem(Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"product_line": 5})"),
                        400, "invalid_argument"));
  EXPECT_EQ(db_.Snapshot(), before);
}

}  // namespace
}  // namespace ordo::api::testing
