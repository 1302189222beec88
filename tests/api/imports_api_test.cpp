// CSV imports over real HTTP: POST /api/v1/imports/{kind} with a text/csv body. A good file is
// imported whole; a file with bad rows (unreadable values, or rows the domain refuses) is
// answered 422 with every problem at its line and column and changes nothing; the body limit
// of this route is larger than the others'; permissions follow the kind.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>

#include "api/api_fixture.h"
#include "api/import_routes.h"
#include "api/openapi_answers.h"

namespace ordo::api::testing {
namespace {

using Located =
    std::set<std::tuple<int, int, std::string, std::string>>;  // line, column, field, code

class ImportsApiTest : public ApiTest {
 protected:
  // Sends `csv` as `type` (text/csv unless told), holding the answer to the OpenAPI document
  // like Call does.
  ClientResponse Upload(const std::string& user, const std::string& kind, const std::string& csv,
                        const std::string& type = "text/csv; charset=utf-8",
                        HeaderList headers = {}) {
    const std::string target = "/api/v1/imports/" + kind;
    if (!user.empty()) headers.emplace_back("Authorization", "Bearer " + Token(user));
    headers.emplace_back("Content-Type", type);
    ClientResponse r = client_->Send("POST", target, csv, headers);
    for (const std::string& broken : PublishedAnswers().Check(
             "POST", target, r.status, r.Header("Content-Type").value_or(""), r.body)) {
      ADD_FAILURE() << "answer breaks the OpenAPI document: " << broken;
    }
    if (!r.keep_alive) client_ = NewClient();
    return r;
  }

  static Located LocatedErrors(const ClientResponse& r) {
    Located out;
    const nlohmann::json body = r.Json();
    for (const auto& e : body["errors"]) {
      out.emplace(e["line"].get<int>(), e["column"].get<int>(), e["field"].get<std::string>(),
                  e["code"].get<std::string>());
    }
    return out;
  }
};

TEST_F(ImportsApiTest, AGoodFileIsImportedWhole) {
  auto r = Upload("admin", "items",
                  "sku,name,list_price,pack_sizes\n"
                  "NUT-8,Hex nut M8,0.0500,BX=100\n"
                  "WASHER-8,\"Washer, M8\",0.02,\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json(), nlohmann::json::parse(R"({"kind": "items", "imported": 2})"));
  auto nut = Call("admin", "GET", "/api/v1/items/NUT-8");
  ASSERT_EQ(nut.status, 200) << nut.body;
  EXPECT_EQ(nut.Json()["list_price"], "0.05");
  EXPECT_EQ(nut.Json()["pack_sizes"][0]["quantity"], 100);
  EXPECT_EQ(Call("admin", "GET", "/api/v1/items/WASHER-8").Json()["name"], "Washer, M8");
}

TEST_F(ImportsApiTest, BadRowsAreListedByLineAndColumnAndNothingIsImported) {
  auto before = db_.Snapshot();
  auto r = Upload("admin", "items",
                  "sku,name,list_price\n"
                  "NUT-8,Hex nut M8,0.05\n"
                  "BOLT-9,,12.50\n"
                  "SCREW-1,Screw,\"12,50\"\n");
  ASSERT_TRUE(IsProblem(r, 422, "invalid_rows"));
  EXPECT_EQ(LocatedErrors(r),
            (Located{{3, 2, "name", "required"}, {4, 3, "list_price", "invalid_money"}}))
      << r.body;
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(IsProblem(Call("admin", "GET", "/api/v1/items/NUT-8"), 404, "not_found"));
}

TEST_F(ImportsApiTest, RowsTheDomainRefusesRollBackTheWholeFile) {
  // Readable rows, but WID-100 is already in the catalog: found only by the command on the
  // writer, which then rolls back the row before it too.
  auto before = db_.Snapshot();
  auto r = Upload("admin", "items",
                  "sku,name,list_price\n"
                  "NUT-8,Hex nut M8,0.05\n"
                  "WID-100,Widget again,1.00\n");
  ASSERT_TRUE(IsProblem(r, 422, "invalid_rows"));
  const Located errors = LocatedErrors(r);
  ASSERT_EQ(errors.size(), 1u) << r.body;
  EXPECT_EQ(std::get<0>(*errors.begin()), 3);
  EXPECT_EQ(std::get<2>(*errors.begin()), "sku");
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ImportsApiTest, HeaderAndSyntaxErrorsAreLocatedToo) {
  auto r = Upload("admin", "items", "sku,name,colour\nNUT-8,Hex \"nut\n");
  ASSERT_TRUE(IsProblem(r, 422, "invalid_rows"));
  for (const auto& [line, column, field, code] : LocatedErrors(r)) {
    EXPECT_GE(line, 1) << code;
  }
  EXPECT_TRUE(LocatedErrors(r).contains({1, 3, "colour", "unknown_column"})) << r.body;
}

TEST_F(ImportsApiTest, CustomersAndStockUseTheSameKindsAsTheCli) {
  auto customers = Upload("admin", "customers",
                          "code,name,ship_to_code,ship_city,preferred_warehouse\n"
                          "C-9,Nine,MAIN,Reno,W1\n"
                          "C-9,Nine,DOCK,Sparks,\n");
  ASSERT_EQ(customers.status, 200) << customers.body;
  EXPECT_EQ(customers.Json()["imported"], 1);
  EXPECT_EQ(Call("admin", "GET", "/api/v1/customers/C-9").Json()["ship_to"].size(), 2u);

  // The warehouse clerk receives stock; it may not import items.
  auto stock =
      Upload("warehouse", "stock", "warehouse,sku,quantity,reference\nW2,WID-200,7,PO-1\n");
  ASSERT_EQ(stock.status, 200) << stock.body;
  EXPECT_EQ(stock.Json()["imported"], 1);
  EXPECT_EQ(db_.QueryInt("SELECT on_hand FROM stock WHERE warehouse_id = "
                         "(SELECT id FROM warehouses WHERE code = 'W2') AND item_id = "
                         "(SELECT id FROM items WHERE sku = 'WID-200')"),
            7);
}

TEST_F(ImportsApiTest, PermissionsFollowTheKind) {
  auto before = db_.Snapshot();
  const std::string items = "sku,name,list_price\nNUT-8,Hex nut M8,0.05\n";
  EXPECT_TRUE(IsProblem(Upload("", "items", items), 401, "unauthenticated"));
  EXPECT_TRUE(IsProblem(Upload("sales", "items", items), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Upload("warehouse", "items", items), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Upload("portal", "items", items), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Upload("sales", "stock", "warehouse,sku,quantity\nW1,WID-100,1\n"), 403,
                        "forbidden"));
  // The sales manager may change customers, not items.
  EXPECT_TRUE(IsProblem(Upload("manager", "items", items), 403, "forbidden"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ImportsApiTest, UnknownKindsAndOtherMediaTypesAreRefused) {
  auto before = db_.Snapshot();
  const std::string items = "sku,name,list_price\nNUT-8,Hex nut M8,0.05\n";
  EXPECT_TRUE(IsProblem(Upload("admin", "orders", items), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Upload("", "orders", items), 401, "unauthenticated"));
  for (const char* type : {"application/json", "text/plain", "", "text/csvx"}) {
    EXPECT_TRUE(IsProblem(Upload("admin", "items", items, type), 415, "unsupported_media_type"))
        << type;
  }
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Upload("admin", "items", items, "TEXT/CSV").status, 200);
}

TEST_F(ImportsApiTest, ARetryWithTheSameKeyImportsOnce) {
  const std::string csv = "warehouse,sku,quantity,reference\nW1,WID-200,5,PO-7\n";
  auto first = Upload("warehouse", "stock", csv, "text/csv", {{"Idempotency-Key", "stock-po-7"}});
  ASSERT_EQ(first.status, 200) << first.body;
  auto again = Upload("warehouse", "stock", csv, "text/csv", {{"Idempotency-Key", "stock-po-7"}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(db_.QueryInt("SELECT on_hand FROM stock WHERE warehouse_id = "
                         "(SELECT id FROM warehouses WHERE code = 'W1') AND item_id = "
                         "(SELECT id FROM items WHERE sku = 'WID-200')"),
            25);
}

TEST_F(ImportsApiTest, AFileMayBeLargerThanOtherBodies) {
  // About 1.4 MiB of rows: beyond the 1 MiB that other routes take, within the import's limit.
  std::string csv = "sku,name,list_price,tax_class\n";
  int rows = 0;
  while (csv.size() < 1'400'000) {
    csv += "BULK-" + std::to_string(rows++) + ",A bulk item with a long enough name,1.00," +
           std::string(20, 'x') + "\n";
  }
  auto r = Upload("admin", "items", csv);
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
  EXPECT_EQ(r.Json()["imported"], rows);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM items WHERE sku LIKE 'BULK-%'"), rows);

  // Other routes keep the server's limit.
  auto other = Call("admin", "POST", "/api/v1/items",
                    R"({"sku": "X", "name": ")" + std::string(1'200'000, 'n') + R"("})");
  EXPECT_TRUE(IsProblem(other, 413, "payload_too_large"));
  if (!other.keep_alive) client_ = NewClient();
  EXPECT_GT(kImportBodyLimit, csv.size());
}

// Pricing imports: tiers created, prices set on an existing list and terms on an existing
// contract; unknown lists, contracts and SKUs and bad cells at their line and column, and
// then nothing is imported.
TEST_F(ImportsApiTest, PricingFilesSetTiersListPricesAndContractTerms) {
  ASSERT_EQ(Call("admin", "POST", "/api/v1/product-lines",
                 R"({"code": "FAST", "name": "Fasteners", "min_margin_percent": "10"})")
                .status,
            201);
  ASSERT_EQ(Call("manager", "POST", "/api/v1/price-lists",
                 R"({"code": "PL-1", "name": "One", "valid_from": "2026-01-01"})")
                .status,
            201);
  ASSERT_EQ(Call("manager", "POST", "/api/v1/contracts",
                 R"({"code": "K-1", "customer": "C-1", "start_date": "2026-01-01",
                     "end_date": "2026-12-31", "terms": []})")
                .status,
            201);
  // A file that cannot be read is not applied; one that can is checked against the database.
  auto unreadable = Upload("manager", "price-list-prices",
                           "price_list,sku,unit_price\nPL-1,WID-100,2.10\nPL-1,WID-100,x\n");
  ASSERT_EQ(unreadable.status, 422) << unreadable.body;
  EXPECT_TRUE(LocatedErrors(unreadable).contains({3, 3, "unit_price", "invalid_money"}))
      << unreadable.body;
  auto bad = Upload("manager", "price-list-prices",
                    "price_list,sku,unit_price\n"
                    "PL-1,WID-100,2.10\n"
                    "PL-9,WID-200,1\n"
                    "PL-1,NOPE,1\n");
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(LocatedErrors(bad),
            (Located{{3, 1, "price_list", "unknown_price_list"}, {4, 2, "sku", "unknown_sku"}}))
      << bad.body;
  auto good = Upload("manager", "price-list-prices",
                     "price_list,sku,unit_price\nPL-1,WID-100,2.10\nPL-1,WID-200,9.5\n");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.Json()["imported"], 2);
  auto list = Call("sales", "GET", "/api/v1/price-lists/PL-1").Json();
  EXPECT_EQ(list["prices"].size(), 2u);
  EXPECT_EQ(list["version"], 3);

  auto terms = Upload("manager", "contract-prices",
                      "contract,sku,product_line,unit_price,discount_percent\n"
                      "K-1,WID-100,,2.00,\n"
                      "K-1,,FAST,,12.5\n");
  ASSERT_EQ(terms.status, 200) << terms.body;
  auto k = Call("sales", "GET", "/api/v1/contracts/K-1").Json();
  ASSERT_EQ(k["terms"].size(), 2u);
  EXPECT_EQ(k["terms"][1]["discount_percent"], "12.50");
  auto wrong = Upload("manager", "contract-prices",
                      "contract,sku,product_line,unit_price,discount_percent\n"
                      "K-1,WID-100,FAST,2.00,5\n");
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(LocatedErrors(wrong),
            (Located{{2, 3, "product_line", "conflict"}, {2, 5, "discount_percent", "conflict"}}))
      << wrong.body;
  auto unknown = Upload("manager", "contract-prices",
                        "contract,sku,product_line,unit_price,discount_percent\n"
                        "K-2,WID-100,,2.00,\n");
  ASSERT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_EQ(LocatedErrors(unknown), (Located{{2, 1, "contract", "unknown_contract"}}))
      << unknown.body;

  auto tiers = Upload("admin", "price-tiers", "code,name,discount_percent\nT1,Tier one,7.5\n");
  ASSERT_EQ(tiers.status, 200) << tiers.body;
  EXPECT_EQ(Upload("manager", "price-tiers", "code,name,discount_percent\nT2,Two,1\n").status, 403);
}

}  // namespace
}  // namespace ordo::api::testing

namespace ordo::api::testing {
namespace {

TEST_F(ImportsApiTest, CustomerPartNumbersAndItemCatalogFactsAreImported) {
  ASSERT_EQ(Call("admin", "POST", "/api/v1/product-lines",
                 R"({"code": "FAST", "name": "Fasteners", "min_margin_percent": "20"})")
                .status,
            201);
  auto items = Upload("admin", "items",
                      "sku,name,list_price,product_line,min_order_quantity,order_multiple,gtin\n"
                      "NUT-8,Hex nut M8,0.05,FAST,100,50,036000291452\n");
  ASSERT_EQ(items.status, 200) << items.body;
  auto nut = Call("admin", "GET", "/api/v1/items/NUT-8").Json();
  EXPECT_EQ(nut["product_line"], "FAST");
  EXPECT_EQ(nut["min_order_quantity"], 100);
  EXPECT_EQ(nut["order_multiple"], 50);
  EXPECT_EQ(nut["gtin"], "036000291452");

  auto before = db_.Snapshot();
  auto repeated = Upload("sales", "customer-part-numbers",
                         "customer,part_number,sku,uom\n"
                         "C-1,88-1,WID-100,CS\n"
                         "C-1,88-1,WID-200,\n");
  ASSERT_TRUE(IsProblem(repeated, 422, "invalid_rows")) << repeated.body;
  EXPECT_EQ(LocatedErrors(repeated), (Located{{3, 2, "part_number", "duplicate"}}))
      << repeated.body;
  auto bad = Upload("sales", "customer-part-numbers",
                    "customer,part_number,sku,uom\n"
                    "C-1,88-1,WID-100,CS\n"
                    "C-9,88-2,WID-100,\n"
                    "C-1,88-3,NOPE,\n"
                    "C-1,88-4,WID-200,PL\n");
  ASSERT_TRUE(IsProblem(bad, 422, "invalid_rows")) << bad.body;
  EXPECT_EQ(LocatedErrors(bad), (Located{{3, 1, "customer", "unknown_customer"},
                                         {4, 3, "sku", "unknown_sku"},
                                         {5, 4, "uom", "unknown_uom"}}))
      << bad.body;
  EXPECT_EQ(db_.Snapshot(), before);

  auto good = Upload("sales", "customer-part-numbers",
                     "customer,part_number,sku,uom\nC-1,88-1,WID-100,CS\nC-2,X-7,WID-200,\n");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.Json()["imported"], 2);
  auto list = Call("sales", "GET", "/api/v1/customers/C-1/part-numbers");
  EXPECT_EQ(list.Json()["items"], nlohmann::json::parse(R"([{"part_number": "88-1",
      "sku": "WID-100", "uom": "CS"}])"));
  EXPECT_TRUE(IsProblem(
      Upload("warehouse", "customer-part-numbers", "customer,part_number,sku\nC-1,88-9,WID-100\n"),
      403, "forbidden"));
}

}  // namespace
}  // namespace ordo::api::testing
