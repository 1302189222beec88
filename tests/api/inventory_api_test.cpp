// The stock endpoints over real HTTP: item availability, receipts, adjustments and the
// movements.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "api/api_fixture.h"
#include "core/clock.h"
#include "support/invariants.h"

namespace ordo::api::testing {
namespace {

using FieldSet = std::set<std::pair<std::string, std::string>>;
using nlohmann::json;

FieldSet FieldsOf(const ClientResponse& r) {
  FieldSet out;
  auto body = r.Json();
  for (const auto& e : body["errors"]) {
    out.emplace(e["field"].get<std::string>(), e["code"].get<std::string>());
  }
  return out;
}

// (sku, warehouse, kind, quantity) of each movement of a page.
using MovementRow = std::tuple<std::string, std::string, std::string, int64_t>;
std::vector<MovementRow> RowsOf(const ClientResponse& r) {
  std::vector<MovementRow> out;
  auto body = r.Json();
  for (const auto& m : body["items"]) {
    out.emplace_back(m["sku"], m["warehouse"], m["kind"], m["quantity"].get<int64_t>());
  }
  return out;
}

class InventoryApiTest : public ApiTest {
 protected:
  // Allocates `quantity` of `sku` for customer C-1 (whose ship-to prefers W1).
  void PlaceOrder(const std::string& sku, const std::string& quantity) {
    auto order = db_.Place(test_support::OrderFor("C-1", {{sku, quantity}}));
    ASSERT_TRUE(order.ok()) << order.status().ToString();
  }
};

TEST_F(InventoryApiTest, AvailabilityListsEveryWarehouseInAllocationOrder) {
  PlaceOrder("WID-100", "30");
  auto r = Call("sales", "GET", "/api/v1/items/WID-100/availability");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json(), json::parse(R"({"sku": "WID-100", "total_available": 120, "warehouses": [
      {"warehouse": "W1", "on_hand": 100, "allocated": 30, "available": 70, "on_order": 0},
      {"warehouse": "W2", "on_hand": 50, "allocated": 0, "available": 50, "on_order": 0}]})"));

  // No stock row in W2: zeros, not a missing warehouse. By id as well as by SKU.
  auto id = db_.QueryInt("SELECT id FROM items WHERE sku = 'WID-200'");
  auto by_id = Call("warehouse", "GET", "/api/v1/items/" + std::to_string(id) + "/availability");
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(by_id.Json(), json::parse(R"({"sku": "WID-200", "total_available": 20, "warehouses": [
      {"warehouse": "W1", "on_hand": 20, "allocated": 0, "available": 20, "on_order": 0},
      {"warehouse": "W2", "on_hand": 0, "allocated": 0, "available": 0, "on_order": 0}]})"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/items/NOPE/availability"), 404, "not_found"));
}

TEST_F(InventoryApiTest, AvailabilityIsOpenToItemAndInventoryReaders) {
  for (const char* user :
       {"admin", "sales", "manager", "warehouse", "integration", "portal", "portal2"}) {
    EXPECT_EQ(Call(user, "GET", "/api/v1/items/WID-100/availability").status, 200) << user;
  }
  EXPECT_TRUE(
      IsProblem(Call("arclerk", "GET", "/api/v1/items/WID-100/availability"), 403, "forbidden"));
  EXPECT_TRUE(
      IsProblem(Call("", "GET", "/api/v1/items/WID-100/availability"), 401, "unauthenticated"));
}

TEST_F(InventoryApiTest, ReceiptAddsEveryLineAndAnswersTheNewLevels) {
  auto r = Call("warehouse", "POST", "/api/v1/inventory/receipts",
                R"({"warehouse": "W2", "reference": "PO-77",
                    "lines": [{"sku": "WID-200", "quantity": 5}, {"sku": "WID-100", "quantity": "10"}]})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json(), json::parse(R"({"warehouse": "W2", "reference": "PO-77", "lines": [
      {"sku": "WID-200", "quantity": 5, "on_hand": 5, "allocated": 0, "available": 5},
      {"sku": "WID-100", "quantity": 10, "on_hand": 60, "allocated": 0, "available": 60}]})"));
  EXPECT_EQ(db_.Stock("WID-200", "W2").on_hand, 5);
  EXPECT_EQ(db_.Stock("WID-100", "W2").on_hand, 60);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM stock_movements WHERE reference = 'PO-77'"), 2);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'stock.receive'"), 4);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM outbox_events WHERE type = 'stock.received'"), 4);
}

TEST_F(InventoryApiTest, ReceiptReleasesBackorders) {
  // C-1 prefers W1, which has 20 of WID-200: 10 are backordered.
  auto placed = db_.Place(test_support::OrderFor("C-1", {{"WID-200", "30"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  auto before = Call("sales", "GET", "/api/v1/orders/" + placed->number);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Json()["status"], "backordered");
  EXPECT_EQ(before.Json()["lines"][0]["quantity_allocated"], 20);

  // Stock arriving in W2 serves the line in the same request.
  auto r = Call("warehouse", "POST", "/api/v1/inventory/receipts",
                R"({"warehouse": "W2", "reference": "PO-88",
                    "lines": [{"sku": "WID-200", "quantity": 15}]})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["lines"][0],
            json::parse(R"({"sku": "WID-200", "quantity": 15, "on_hand": 15, "allocated": 10,
                            "available": 5})"));

  auto after = Call("sales", "GET", "/api/v1/orders/" + placed->number);
  ASSERT_EQ(after.status, 200) << after.body;
  json order = after.Json();
  EXPECT_EQ(order["status"], "open");
  EXPECT_EQ(order["version"], 2);
  EXPECT_EQ(order["lines"][0]["quantity_allocated"], 30);
  EXPECT_EQ(order["lines"][0]["quantity_backordered"], 0);
  EXPECT_EQ(order["lines"][0]["allocations"], json::parse(R"([
      {"warehouse": "W1", "quantity": 20}, {"warehouse": "W2", "quantity": 10}])"));
  auto backordered = Call("sales", "GET", "/api/v1/orders?status=backordered");
  ASSERT_EQ(backordered.status, 200) << backordered.body;
  EXPECT_TRUE(backordered.Json()["items"].empty()) << backordered.body;
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM outbox_events WHERE type = 'order.allocated' "
                         "AND json_extract(payload, '$.reason') = 'backorder_release'"),
            1);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(InventoryApiTest, LargeReceiptIsOneUnitOfWork) {
  for (int i = 0; i < 300; ++i) db_.AddItem("BULK-" + std::to_string(i), "1.00");
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    if (i) lines += ",";
    lines += R"({"sku": "BULK-)" + std::to_string(i) + R"(", "quantity": )" +
             std::to_string(i + 1) + "}";
  }
  // The last line is bad: nothing of the 299 good ones is received.
  auto before = db_.Snapshot();
  auto bad =
      Call("warehouse", "POST", "/api/v1/inventory/receipts",
           R"({"warehouse": "W1", "lines": [)" + lines + R"(, {"sku": "NOPE", "quantity": 1}]})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(bad), (FieldSet{{"lines/300/sku", "unknown_sku"}}));
  EXPECT_EQ(db_.Snapshot(), before);

  auto good = Call("warehouse", "POST", "/api/v1/inventory/receipts",
                   R"({"warehouse": "W1", "reference": "BULK", "lines": [)" + lines + "]}");
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(good.Json()["lines"].size(), 300u);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM stock_movements WHERE reference = 'BULK'"), 300);
  EXPECT_EQ(db_.QueryInt("SELECT SUM(quantity) FROM stock_movements WHERE reference = 'BULK'"),
            300 * 301 / 2);
}

TEST_F(InventoryApiTest, BadReceiptsReportEveryLineAndChangeNothing) {
  auto before = db_.Snapshot();
  auto shape = Call("warehouse", "POST", "/api/v1/inventory/receipts",
                    R"({"warehouse": 1, "reference": ["x"], "extra": true, "lines": [
                        {"sku": "WID-100", "quantity": "1.5"}, "line", {"quantity": "abc"},
                        {"sku": "WID-200", "quantity": 2.0, "lot": "L1"}]})");
  ASSERT_TRUE(IsProblem(shape, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(shape), (FieldSet{{"warehouse", "invalid_type"},
                                       {"reference", "invalid_type"},
                                       {"extra", "unknown_field"},
                                       {"lines/0/quantity", "not_whole_units"},
                                       {"lines/1", "invalid_type"},
                                       {"lines/2/sku", "required"},
                                       {"lines/2/quantity", "invalid_quantity"},
                                       {"lines/3/lot", "unknown_field"}}));

  auto domain = Call("warehouse", "POST", "/api/v1/inventory/receipts",
                     R"({"warehouse": "W1", "lines": [{"sku": "WID-100", "quantity": 4},
                         {"sku": "NOPE", "quantity": 1}, {"sku": "WID-200", "quantity": 0},
                         {"sku": "WID-200", "quantity": -3}]})");
  ASSERT_TRUE(IsProblem(domain, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(domain), (FieldSet{{"lines/1/sku", "unknown_sku"},
                                        {"lines/2/quantity", "invalid_quantity"},
                                        {"lines/3/quantity", "invalid_quantity"}}));

  auto nowhere = Call("warehouse", "POST", "/api/v1/inventory/receipts",
                      R"({"warehouse": "W9", "lines": []})");
  ASSERT_TRUE(IsProblem(nowhere, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(nowhere),
            (FieldSet{{"warehouse", "unknown_warehouse"}, {"lines", "required"}}));

  auto missing = Call("warehouse", "POST", "/api/v1/inventory/receipts", "{}");
  EXPECT_EQ(FieldsOf(missing), (FieldSet{{"warehouse", "required"}, {"lines", "required"}}));
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", "/api/v1/inventory/receipts", "nope"), 400,
                        "invalid_argument"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(InventoryApiTest, IdempotentReceiptRetryReceivesOnce) {
  const std::string body = R"({"warehouse": "W1", "lines": [{"sku": "WID-200", "quantity": 7}]})";
  HeaderList key = {{"Idempotency-Key", "rcv-1"}};
  auto first = Call("warehouse", "POST", "/api/v1/inventory/receipts", body, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call("warehouse", "POST", "/api/v1/inventory/receipts", body, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(db_.Stock("WID-200", "W1").on_hand, 27);
  auto other = Call("warehouse", "POST", "/api/v1/inventory/receipts",
                    R"({"warehouse": "W1", "lines": [{"sku": "WID-200", "quantity": 8}]})", key);
  EXPECT_TRUE(IsProblem(other, 409, "idempotency_key_reused"));
  EXPECT_EQ(db_.Stock("WID-200", "W1").on_hand, 27);
}

TEST_F(InventoryApiTest, StockWritePermissions) {
  const std::string receipt =
      R"({"warehouse": "W1", "lines": [{"sku": "WID-200", "quantity": 1}]})";
  const std::string adjustment =
      R"({"warehouse": "W1", "sku": "WID-200", "quantity_delta": 1, "reason": "found"})";
  auto before = db_.Snapshot();
  for (const char* user : {"sales", "manager", "arclerk", "integration", "portal"}) {
    EXPECT_TRUE(
        IsProblem(Call(user, "POST", "/api/v1/inventory/receipts", receipt), 403, "forbidden"))
        << user;
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/inventory/adjustments", adjustment), 403,
                          "forbidden"))
        << user;
  }
  EXPECT_TRUE(
      IsProblem(Call("", "POST", "/api/v1/inventory/receipts", receipt), 401, "unauthenticated"));
  EXPECT_EQ(db_.Snapshot(), before);
  for (const char* user : {"admin", "warehouse"}) {
    EXPECT_EQ(Call(user, "POST", "/api/v1/inventory/receipts", receipt).status, 201) << user;
    EXPECT_EQ(Call(user, "POST", "/api/v1/inventory/adjustments", adjustment).status, 201) << user;
  }
  EXPECT_EQ(db_.Stock("WID-200", "W1").on_hand, 24);
}

TEST_F(InventoryApiTest, AdjustmentChangesOnHand) {
  auto down = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                   R"({"warehouse": "W1", "sku": "WID-100", "quantity_delta": -30,
                       "reason": "cycle count"})");
  ASSERT_EQ(down.status, 201) << down.body;
  EXPECT_EQ(down.Json(), json::parse(R"({"warehouse": "W1", "sku": "WID-100",
      "quantity_delta": -30, "reason": "cycle count", "on_hand": 70, "allocated": 0,
      "available": 70})"));
  auto up =
      Call("warehouse", "POST", "/api/v1/inventory/adjustments",
           R"({"warehouse": "W2", "sku": "WID-200", "quantity_delta": "4", "reason": "found"})");
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.Json()["on_hand"], 4);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 70);
  EXPECT_EQ(db_.Stock("WID-200", "W2").on_hand, 4);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'stock.adjust'"), 2);
}

TEST_F(InventoryApiTest, AdjustmentNeverTakesOnHandBelowAllocatedOrZero) {
  PlaceOrder("WID-100", "30");  // W1: on hand 100, allocated 30
  auto before = db_.Snapshot();
  auto below_allocated = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                              R"({"warehouse": "W1", "sku": "WID-100", "quantity_delta": -71,
                                  "reason": "damaged"})");
  EXPECT_TRUE(IsProblem(below_allocated, 422, "insufficient_stock"));
  auto below_zero = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                         R"({"warehouse": "W2", "sku": "WID-100", "quantity_delta": -51,
                             "reason": "damaged"})");
  EXPECT_TRUE(IsProblem(below_zero, 422, "insufficient_stock"));
  // No stock row at all: the refused adjustment leaves none behind either.
  auto no_row = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                     R"({"warehouse": "W2", "sku": "WID-200", "quantity_delta": -1,
                         "reason": "damaged"})");
  EXPECT_TRUE(IsProblem(no_row, 422, "insufficient_stock"));
  EXPECT_EQ(db_.Snapshot(), before);

  auto to_allocated = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                           R"({"warehouse": "W1", "sku": "WID-100", "quantity_delta": -70,
                               "reason": "damaged"})");
  ASSERT_EQ(to_allocated.status, 201) << to_allocated.body;
  EXPECT_EQ(to_allocated.Json()["available"], 0);
  EXPECT_EQ(to_allocated.Json()["allocated"], 30);
}

TEST_F(InventoryApiTest, BadAdjustmentsListEveryProblemAndChangeNothing) {
  auto before = db_.Snapshot();
  auto shape = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                    R"({"warehouse": [], "sku": 5, "quantity_delta": "1.25", "reason": true,
                        "note": "x"})");
  ASSERT_TRUE(IsProblem(shape, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(shape), (FieldSet{{"warehouse", "invalid_type"},
                                       {"sku", "invalid_type"},
                                       {"quantity_delta", "not_whole_units"},
                                       {"reason", "invalid_type"},
                                       {"note", "unknown_field"}}));
  auto missing = Call("warehouse", "POST", "/api/v1/inventory/adjustments", "{}");
  EXPECT_EQ(FieldsOf(missing), (FieldSet{{"warehouse", "required"},
                                         {"sku", "required"},
                                         {"quantity_delta", "required"},
                                         {"reason", "required"}}));
  auto domain = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                     R"({"warehouse": "W9", "sku": "NOPE", "quantity_delta": 0, "reason": ""})");
  ASSERT_TRUE(IsProblem(domain, 400, "invalid_argument"));
  EXPECT_EQ(FieldsOf(domain), (FieldSet{{"warehouse", "unknown_warehouse"},
                                        {"sku", "unknown_sku"},
                                        {"quantity_delta", "invalid_quantity"},
                                        {"reason", "required"}}));
  auto long_reason = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                          R"({"warehouse": "W1", "sku": "WID-100", "quantity_delta": 1,
                              "reason": ")" +
                              std::string(201, 'r') + "\"}");
  EXPECT_EQ(FieldsOf(long_reason), (FieldSet{{"reason", "too_long"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(InventoryApiTest, MovementsAreListedOldestFirst) {
  db_.clock().AdvanceSeconds(60);
  ASSERT_EQ(
      Call("warehouse", "POST", "/api/v1/inventory/adjustments",
           R"({"warehouse": "W2", "sku": "WID-100", "quantity_delta": -5, "reason": "broken"})")
          .status,
      201);
  PlaceOrder("WID-100", "12");

  auto all = Call("warehouse", "GET", "/api/v1/inventory/movements");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(RowsOf(all), (std::vector<MovementRow>{{"WID-100", "W1", "receipt", 100},
                                                   {"WID-100", "W2", "receipt", 50},
                                                   {"WID-200", "W1", "receipt", 20},
                                                   {"WID-100", "W2", "adjustment", -5},
                                                   {"WID-100", "W1", "allocate", 12}}));
  auto body = all.Json();
  const json& receipt = body["items"][0];
  std::set<std::string> keys;
  for (const auto& [key, value] : receipt.items()) keys.insert(key);
  EXPECT_EQ(keys, (std::set<std::string>{"id", "sku", "warehouse", "kind", "quantity", "reference",
                                         "order", "at"}));
  EXPECT_EQ(receipt["reference"], "PO-TEST");
  EXPECT_TRUE(receipt["order"].is_null());
  const json& adjustment = body["items"][3];
  EXPECT_EQ(adjustment["reference"], "broken");
  EXPECT_EQ(adjustment["at"], FormatRfc3339(db_.clock().Now()));
  EXPECT_EQ(adjustment["at"].get<std::string>().back(), 'Z');
  EXPECT_TRUE(body["items"][4]["order"].is_number_integer());
  EXPECT_LT(receipt["id"].get<int64_t>(), adjustment["id"].get<int64_t>());

  EXPECT_EQ(RowsOf(Call("sales", "GET", "/api/v1/inventory/movements?sku=WID-100&warehouse=W2")),
            (std::vector<MovementRow>{{"WID-100", "W2", "receipt", 50},
                                      {"WID-100", "W2", "adjustment", -5}}));
  EXPECT_EQ(RowsOf(Call("sales", "GET", "/api/v1/inventory/movements?warehouse=W1")),
            (std::vector<MovementRow>{{"WID-100", "W1", "receipt", 100},
                                      {"WID-200", "W1", "receipt", 20},
                                      {"WID-100", "W1", "allocate", 12}}));
  EXPECT_EQ(RowsOf(Call("sales", "GET", "/api/v1/inventory/movements?sku=WID-200")),
            (std::vector<MovementRow>{{"WID-200", "W1", "receipt", 20}}));
  EXPECT_TRUE(RowsOf(Call("sales", "GET", "/api/v1/inventory/movements?sku=NOPE")).empty());
  EXPECT_TRUE(RowsOf(Call("sales", "GET", "/api/v1/inventory/movements?warehouse=W9")).empty());
}

TEST_F(InventoryApiTest, MovementPagesVisitEveryRowOnce) {
  for (int i = 0; i < 4; ++i) db_.Receive("W2", "WID-200", i + 1);
  std::vector<MovementRow> rows;
  std::string target = "/api/v1/inventory/movements?limit=3";
  int pages = 0;
  while (true) {
    auto r = Call("integration", "GET", target);
    ASSERT_EQ(r.status, 200) << r.body;
    auto page = RowsOf(r);
    rows.insert(rows.end(), page.begin(), page.end());
    ++pages;
    auto next = r.Json()["next_cursor"];
    if (next.is_null()) break;
    target = "/api/v1/inventory/movements?limit=3&cursor=" + next.get<std::string>();
  }
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows.back(), (MovementRow{"WID-200", "W2", "receipt", 4}));
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/inventory/movements?cursor=abc"), 400,
                        "invalid_argument"));
}

TEST_F(InventoryApiTest, MovementsNeedInventoryRead) {
  for (const char* user : {"admin", "sales", "manager", "warehouse", "integration"}) {
    EXPECT_EQ(Call(user, "GET", "/api/v1/inventory/movements").status, 200) << user;
  }
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/inventory/movements"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/inventory/movements"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/inventory/movements"), 401, "unauthenticated"));
}

}  // namespace
}  // namespace ordo::api::testing
