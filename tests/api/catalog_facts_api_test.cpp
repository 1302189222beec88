// The catalog facts orders are decided on, over real HTTP: an item's minimum order quantity
// and order multiple (enforced by order placement and shown by price quotes), its GTINs (valid,
// unique, found by GET /api/v1/items?gtin=) and the unit cost each order line keeps.
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

std::string MessageAt(const ClientResponse& r, const std::string& field) {
  auto body = r.Json();
  for (const auto& e : body["errors"]) {
    if (e["field"] == field) return e["message"];
  }
  return "";
}

std::string Order(const std::string& lines) {
  return R"({"customer": "C-1", "lines": )" + lines + "}";
}

class CatalogFactsApiTest : public ApiTest {};

TEST_F(CatalogFactsApiTest, OrderLinesRespectTheMinimumAndTheMultiple) {
  // WID-100 comes in cases of 12: sold from 24 up, by the case.
  auto set = Call("admin", "PATCH", "/api/v1/items/WID-100",
                  R"({"min_order_quantity": 24, "order_multiple": 12})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Json()["min_order_quantity"], 24);
  EXPECT_EQ(set.Json()["order_multiple"], 12);

  auto before = db_.Snapshot();
  auto refused = Call("sales", "POST", "/api/v1/orders",
                      Order(R"([{"sku": "WID-100", "quantity": 1, "uom": "CS"},
                                {"sku": "WID-100", "quantity": 30},
                                {"sku": "WID-200", "quantity": 7}])"));
  ASSERT_TRUE(IsProblem(refused, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(refused), (FieldSet{{"lines/0/quantity", "below_minimum"},
                                         {"lines/1/quantity", "not_a_multiple"}}))
      << refused.body;
  EXPECT_EQ(MessageAt(refused, "lines/0/quantity"),
            "item WID-100 is ordered at least 24 EA; this line has 12 EA");
  EXPECT_EQ(MessageAt(refused, "lines/1/quantity"),
            "item WID-100 is ordered in multiples of 12 EA; this line has 30 EA");
  EXPECT_EQ(db_.Snapshot(), before);

  auto placed = Call("sales", "POST", "/api/v1/orders",
                     Order(R"([{"sku": "WID-100", "quantity": 2, "uom": "CS"},
                               {"sku": "WID-100", "quantity": 36}])"));
  ASSERT_EQ(placed.status, 201) << placed.body;

  // The order desk's quote names the same problem at the same line, and prices the others.
  auto quote =
      Call("sales", "POST", "/api/v1/pricing/quote", Order(R"([{"sku": "WID-100", "quantity": 30},
                              {"sku": "WID-100", "quantity": 3, "uom": "CS"}])"));
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json lines = quote.Json()["lines"];
  ASSERT_EQ(lines[0]["errors"].size(), 1u) << quote.body;
  EXPECT_EQ(lines[0]["errors"][0]["code"], "not_a_multiple");
  EXPECT_EQ(lines[0]["errors"][0]["field"], "lines/0/quantity");
  EXPECT_EQ(lines[1]["errors"].size(), 0u) << quote.body;
  EXPECT_EQ(lines[1]["extended_amount"], "90.00");
}

TEST_F(CatalogFactsApiTest, BadMinimumsAndMultiplesAreFieldErrors) {
  auto before = db_.Snapshot();
  auto r = Call("admin", "PATCH", "/api/v1/items/WID-100",
                R"({"min_order_quantity": 0, "order_multiple": -3})");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(r),
            (FieldSet{{"min_order_quantity", "out_of_range"}, {"order_multiple", "out_of_range"}}));
  EXPECT_TRUE(IsProblem(Call("admin", "PATCH", "/api/v1/items/WID-100",
                             R"({"min_order_quantity": null, "order_multiple": "12"})"),
                        400, "invalid_argument"));
  EXPECT_EQ(db_.Snapshot(), before);
  auto created = Call("admin", "POST", "/api/v1/items",
                      R"({"sku": "NUT-8", "name": "Nut M8", "list_price": "0.05"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json()["min_order_quantity"], 1);
  EXPECT_EQ(created.Json()["order_multiple"], 1);
  EXPECT_EQ(created.Json()["gtin"], nullptr);
}

TEST_F(CatalogFactsApiTest, GtinsAreCheckedUniqueAndFound) {
  auto bolt = Call("admin", "POST", "/api/v1/items",
                   R"({"sku": "BOLT-8", "name": "Hex bolt M8", "list_price": "0.12",
                       "gtin": "036000291452",
                       "pack_sizes": [{"uom": "BX", "quantity": 100, "gtin": "10012345678902"},
                                      {"uom": "CS", "quantity": 1000}]})");
  ASSERT_EQ(bolt.status, 201) << bolt.body;
  EXPECT_EQ(bolt.Json()["gtin"], "036000291452");
  EXPECT_EQ(bolt.Json()["pack_sizes"], json::parse(R"([{"uom": "BX", "quantity": 100,
      "gtin": "10012345678902"}, {"uom": "CS", "quantity": 1000}])"));

  auto by_base = Call("sales", "GET", "/api/v1/items?gtin=036000291452");
  ASSERT_EQ(by_base.status, 200) << by_base.body;
  ASSERT_EQ(by_base.Json()["items"].size(), 1u);
  EXPECT_EQ(by_base.Json()["items"][0]["sku"], "BOLT-8");
  auto by_pack = Call("portal", "GET", "/api/v1/items?gtin=10012345678902");
  ASSERT_EQ(by_pack.status, 200) << by_pack.body;
  ASSERT_EQ(by_pack.Json()["items"].size(), 1u);
  EXPECT_EQ(by_pack.Json()["items"][0]["sku"], "BOLT-8");
  EXPECT_FALSE(by_pack.Json()["items"][0].contains("cost"));
  EXPECT_EQ(Call("sales", "GET", "/api/v1/items?gtin=4006381333931").Json()["items"].size(), 0u);
  EXPECT_EQ(
      Call("sales", "GET", "/api/v1/items?gtin=036000291452&active=false").Json()["items"].size(),
      0u);
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/items?gtin=036000291452&q=bolt"), 400,
                        "invalid_argument"));

  auto before = db_.Snapshot();
  auto bad = Call("admin", "PATCH", "/api/v1/items/WID-100",
                  R"({"gtin": "036000291453", "pack_sizes": [{"uom": "CS", "quantity": 12,
                      "gtin": "96385074"}, {"uom": "PL", "quantity": 480, "gtin": "96385074"}]})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(bad), (FieldSet{{"gtin", "invalid_gtin"}, {"pack_sizes/1/gtin", "duplicate"}}))
      << bad.body;
  auto taken = Call("admin", "PATCH", "/api/v1/items/WID-100",
                    R"({"pack_sizes": [{"uom": "CS", "quantity": 12,
                        "gtin": "036000291452"}]})");
  ASSERT_TRUE(IsProblem(taken, 409, "conflict"));
  EXPECT_EQ(FieldsOf(taken), (FieldSet{{"pack_sizes/0/gtin", "duplicate"}}));
  auto taken_by_pack = Call("admin", "POST", "/api/v1/items",
                            R"({"sku": "NUT-8", "name": "Nut", "list_price": "0.05",
                                "gtin": "10012345678902"})");
  ASSERT_TRUE(IsProblem(taken_by_pack, 409, "conflict"));
  EXPECT_EQ(FieldsOf(taken_by_pack), (FieldSet{{"gtin", "duplicate"}}));
  EXPECT_EQ(db_.Snapshot(), before);

  // An item moves a GTIN from its box to its base unit in one change, and clears the other.
  auto moved = Call("admin", "PATCH", "/api/v1/items/BOLT-8",
                    R"({"gtin": "10012345678902", "pack_sizes": [{"uom": "BX", "quantity": 100},
                        {"uom": "CS", "quantity": 1000}]})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["gtin"], "10012345678902");
  auto cleared = Call("admin", "PATCH", "/api/v1/items/BOLT-8", R"({"gtin": null})");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_EQ(cleared.Json()["gtin"], nullptr);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/items?gtin=10012345678902").Json()["items"].size(), 0u);
}

TEST_F(CatalogFactsApiTest, OrderLinesKeepTheCostAtEntryForStaffOnly) {
  ASSERT_EQ(Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"cost": "1.45"})").status, 200);
  auto placed =
      Call("portal", "POST", "/api/v1/orders", Order(R"([{"sku": "WID-100", "quantity": 2}])"));
  ASSERT_EQ(placed.status, 201) << placed.body;
  EXPECT_FALSE(placed.Json()["lines"][0].contains("unit_cost")) << placed.body;
  const std::string target = "/api/v1/orders/" + placed.Json()["number"].get<std::string>();

  // The cost changes afterwards; the line keeps what it was when the order was placed.
  ASSERT_EQ(Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"cost": "1.60"})").status, 200);
  auto staff = Call("sales", "GET", target);
  ASSERT_EQ(staff.status, 200) << staff.body;
  EXPECT_EQ(staff.Json()["lines"][0]["unit_cost"], "1.4500");
  auto portal = Call("portal", "GET", target);
  ASSERT_EQ(portal.status, 200) << portal.body;
  EXPECT_FALSE(portal.Json()["lines"][0].contains("unit_cost")) << portal.body;
  EXPECT_EQ(portal.body.find("1.45"), std::string::npos);

  auto next =
      Call("sales", "POST", "/api/v1/orders", Order(R"([{"sku": "WID-100", "quantity": 1}])"));
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.Json()["lines"][0]["unit_cost"], "1.6000");
}

TEST_F(CatalogFactsApiTest, OrdersTakeTheCustomersOwnPartNumbers) {
  auto saved = Call("sales", "PUT", "/api/v1/customers/C-1/part-numbers/88-1043",
                    R"({"sku": "WID-100", "uom": "CS"})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json(), json::parse(R"({"part_number": "88-1043", "sku": "WID-100",
                                          "uom": "CS"})"));
  ASSERT_EQ(Call("sales", "PUT", "/api/v1/customers/C-1/part-numbers/W200", R"({"sku": "WID-200"})")
                .status,
            200);
  auto list = Call("arclerk", "GET", "/api/v1/customers/C-1/part-numbers");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.Json(), json::parse(R"({"items": [
      {"part_number": "88-1043", "sku": "WID-100", "uom": "CS"},
      {"part_number": "W200", "sku": "WID-200", "uom": "EA"}], "next_cursor": null})"));
  EXPECT_EQ(Call("sales", "GET", "/api/v1/customers/C-2/part-numbers").Json()["items"].size(), 0u);

  // The desk's quote takes them too, and names an unknown one at its line.
  auto quote = Call("sales", "POST", "/api/v1/pricing/quote",
                    Order(R"([{"customer_part_number": "88-1043", "quantity": 1},
                              {"customer_part_number": "NOPE", "quantity": 1}])"));
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json quoted = quote.Json()["lines"];
  EXPECT_EQ(quoted[0]["sku"], "WID-100");
  EXPECT_EQ(quoted[0]["uom"], "CS");
  EXPECT_EQ(quoted[0]["base_quantity"], 12);
  EXPECT_EQ(quoted[0]["customer_part_number"], "88-1043");
  ASSERT_EQ(quoted[1]["errors"].size(), 1u) << quote.body;
  EXPECT_EQ(quoted[1]["errors"][0]["code"], "unknown_part_number");

  // A line by part number gets the SKU and the mapping's unit; one by SKU stays as it was.
  auto placed = Call("sales", "POST", "/api/v1/orders",
                     Order(R"([{"customer_part_number": "88-1043", "quantity": 2},
                               {"customer_part_number": "W200", "quantity": 3, "uom": "EA"},
                               {"sku": "WID-200", "quantity": 1}])"));
  ASSERT_EQ(placed.status, 201) << placed.body;
  const json lines = placed.Json()["lines"];
  EXPECT_EQ(lines[0]["sku"], "WID-100");
  EXPECT_EQ(lines[0]["uom"], "CS");
  EXPECT_EQ(lines[0]["quantity"], 24);
  EXPECT_EQ(lines[0]["customer_part_number"], "88-1043");
  EXPECT_EQ(lines[1]["sku"], "WID-200");
  EXPECT_EQ(lines[1]["customer_part_number"], "W200");
  EXPECT_FALSE(lines[2].contains("customer_part_number"));
  const std::string target = "/api/v1/orders/" + placed.Json()["number"].get<std::string>();
  EXPECT_EQ(Call("portal", "GET", target).Json()["lines"][0]["customer_part_number"], "88-1043");

  // Another customer's number, an unknown one, or both a SKU and a number: field errors.
  auto before = db_.Snapshot();
  auto other = Call("sales", "POST", "/api/v1/orders",
                    R"({"customer": "C-2", "lines": [{"customer_part_number": "88-1043",
                        "quantity": 1}]})");
  ASSERT_TRUE(IsProblem(other, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(other), (FieldSet{{"lines/0/customer_part_number", "unknown_part_number"}}));
  EXPECT_EQ(MessageAt(other, "lines/0/customer_part_number"),
            "customer C-2 has no part number 88-1043");
  auto both = Call("sales", "POST", "/api/v1/orders",
                   Order(R"([{"sku": "WID-100", "customer_part_number": "88-1043",
                             "quantity": 1}, {"quantity": 1}])"));
  ASSERT_TRUE(IsProblem(both, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(both), (FieldSet{{"lines/0/customer_part_number", "conflicting_fields"},
                                      {"lines/1/sku", "required"}}))
      << both.body;
  auto bad = Call("sales", "PUT", "/api/v1/customers/C-1/part-numbers/X1",
                  R"({"sku": "NOPE", "uom": "CS"})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(bad), (FieldSet{{"sku", "unknown_sku"}}));
  auto bad_unit = Call("sales", "PUT", "/api/v1/customers/C-1/part-numbers/X1",
                       R"({"sku": "WID-200", "uom": "PL"})");
  EXPECT_EQ(FieldsOf(bad_unit), (FieldSet{{"uom", "unknown_uom"}}));
  EXPECT_TRUE(IsProblem(
      Call("sales", "PUT", "/api/v1/customers/NOPE/part-numbers/X1", R"({"sku": "WID-200"})"), 404,
      "not_found"));
  for (const char* user : {"portal", "warehouse"}) {
    EXPECT_TRUE(IsProblem(
        Call(user, "PUT", "/api/v1/customers/C-1/part-numbers/X1", R"({"sku": "WID-200"})"), 403,
        "forbidden"))
        << user;
  }
  EXPECT_TRUE(
      IsProblem(Call("portal", "GET", "/api/v1/customers/C-1/part-numbers"), 403, "forbidden"));
  EXPECT_EQ(db_.Snapshot(), before);

  auto removed = Call("sales", "DELETE", "/api/v1/customers/C-1/part-numbers/W200");
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_TRUE(IsProblem(Call("sales", "DELETE", "/api/v1/customers/C-1/part-numbers/W200"), 404,
                        "not_found"));
  EXPECT_EQ(Call("sales", "GET", target).Json()["lines"][1]["customer_part_number"], "W200");
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action LIKE "
                         "'customer_part_number.%'"),
            3);
}

}  // namespace
}  // namespace ordo::api::testing
