// Returns and credit memos over HTTP: authorizing an RMA against an order or an invoice,
// reading and listing RMAs, receiving them (stock, credit memo), reading, printing, applying
// and refunding memos; every error code, permissions, portal scope, idempotent retries, and
// that rejected requests change nothing.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"
#include "support/pdf_text.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class ReturnsApiTest : public OrdersApiTest {
 protected:
  // Places, picks and confirms an order of `customer`; returns the order's number.
  std::string ShipOrder(const std::string& customer, const std::string& lines) {
    auto order = Place("sales", OrderBody(customer, lines));
    std::string number = order["number"].get<std::string>();
    auto s = Call("warehouse", "POST", "/api/v1/shipments",
                  R"({"order": ")" + number + R"(", "warehouse": "W1"})");
    EXPECT_EQ(s.status, 201) << s.body;
    auto confirmed =
        Call("warehouse", "POST",
             "/api/v1/shipments/" + std::to_string(s.Json()["id"].get<int64_t>()) + "/confirm",
             R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z",
            "packages": [{"weight": 2}]})");
    EXPECT_EQ(confirmed.status, 200) << confirmed.body;
    return number;
  }

  // An RMA of line 1 of `order` for `quantity`; fails the test unless it answers 201.
  json Authorize(const std::string& user, const std::string& order, int quantity) {
    auto r = Call(user, "POST", "/api/v1/returns",
                  R"({"order": ")" + order + R"(", "lines": [{"line_no": 1, "quantity": )" +
                      std::to_string(quantity) + R"(, "reason": "damaged"}]})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : json::object();
  }

  json ReceiveAll(const json& rma, const std::string& disposition = "restock") {
    auto r = Call("warehouse", "POST",
                  "/api/v1/returns/" + rma["number"].get<std::string>() + "/receive",
                  R"({"warehouse": "W1", "lines": [{"line_no": 1, "quantity": )" +
                      std::to_string(rma["lines"][0]["quantity"].get<int>()) +
                      R"(, "disposition": ")" + disposition + R"("}]})");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json::object();
  }

  int64_t OnHand(const std::string& sku) { return db_.Stock(sku, "W1").on_hand; }
};

TEST_F(ReturnsApiTest, AnRmaIsAuthorizedAndReadsBack) {
  std::string order = ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])");
  auto r = Call("sales", "POST", "/api/v1/returns",
                R"({"order": ")" + order +
                    R"(", "lines": [{"line_no": 1, "quantity": 2, "reason": "damaged"}]})");
  ASSERT_EQ(r.status, 201) << r.body;
  auto rma = r.Json();
  EXPECT_EQ(rma["number"], "RA-000001");
  EXPECT_EQ(rma["status"], "authorized");
  EXPECT_EQ(rma["order"], order);
  EXPECT_TRUE(rma["invoice"].is_null());
  EXPECT_EQ(rma["customer"], "C-1");
  ASSERT_EQ(rma["lines"].size(), 1u);
  EXPECT_EQ(rma["lines"][0]["sku"], "WID-200");
  EXPECT_EQ(rma["lines"][0]["quantity"], 2);
  EXPECT_EQ(rma["lines"][0]["quantity_received"], 0);
  EXPECT_EQ(rma["lines"][0]["reason"], "damaged");
  EXPECT_EQ(rma["created_by"], "user:sales");
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"1\"");
  std::string id = std::to_string(rma["id"].get<int64_t>());
  EXPECT_EQ(r.Header("Location").value_or(""), "/api/v1/returns/" + id);

  for (const char* user : {"sales", "manager", "arclerk", "warehouse", "integration"}) {
    auto shown = Call(user, "GET", "/api/v1/returns/RA-000001");
    EXPECT_EQ(shown.status, 200) << user;
    EXPECT_EQ(shown.Json(), rma) << user;
  }
  // Who authorized it is staff-only (issue 12): the portal sees the rest.
  auto for_portal = rma;
  for_portal.erase("created_by");
  EXPECT_EQ(Call("portal", "GET", "/api/v1/returns/RA-000001").Json(), for_portal);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/returns/" + id).Json(), rma);
  EXPECT_TRUE(IsProblem(Call("portal2", "GET", "/api/v1/returns/" + id), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/returns/RA-000404"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/returns/" + id), 401, "unauthenticated"));
  std::string events = Call("integration", "GET", "/api/v1/events").body;
  EXPECT_NE(events.find("return.authorized"), std::string::npos);
  EXPECT_EQ(Call("manager", "GET", "/api/v1/audit?entity=return&entity_id=" + id).status, 200);
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsApiTest, AgainstAnInvoiceAndFromThePortal) {
  std::string order = ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])");
  auto r = Call("portal", "POST", "/api/v1/returns",
                R"({"invoice": "IN-000001", "lines": [{"line_no": 1, "quantity": 3,
                    "reason": "not_needed"}]})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["invoice"], "IN-000001");
  EXPECT_EQ(r.Json()["order"], order);
  EXPECT_FALSE(r.Json().contains("created_by"));  // staff-only (issue 12)
  EXPECT_EQ(Call("sales", "GET", "/api/v1/returns/" + r.Json()["number"].get<std::string>())
                .Json()["created_by"],
            "user:portal");

  auto before = db_.Snapshot();
  // Nothing is left on the invoice line; another customer's portal sees no such invoice.
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/returns",
                             R"({"invoice": 1, "lines": [{"line_no": 1, "quantity": 1,
                                 "reason": "other"}]})"),
                        400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("portal2", "POST", "/api/v1/returns",
                             R"({"invoice": "IN-000001", "lines": [{"line_no": 1,
                                 "quantity": 1, "reason": "other"}]})"),
                        404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("portal2", "POST", "/api/v1/returns",
                             R"({"order": ")" + order +
                                 R"(", "lines": [{"line_no": 1, "quantity": 1,
                                 "reason": "other"}]})"),
                        404, "not_found"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ReturnsApiTest, BadRequestsAreRefusedAndChangeNothing) {
  std::string order = ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])");
  auto unshipped = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1}])"));
  auto before = db_.Snapshot();
  auto bad = Call("sales", "POST", "/api/v1/returns",
                  R"({"order": ")" + order +
                      R"(", "lines": [{"line_no": 1, "quantity": 4, "reason": "damaged"},
                                      {"line_no": 9, "quantity": 1, "reason": "other"}]})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(bad),
            (std::set<std::pair<std::string, std::string>>{{"lines/0/quantity", "out_of_range"},
                                                           {"lines/1/line_no", "not_found"}}));
  auto shape = Call("sales", "POST", "/api/v1/returns",
                    R"({"lines": [{"line_no": "1", "reason": "meh"}], "colour": "red"})");
  ASSERT_TRUE(IsProblem(shape, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(shape),
            (std::set<std::pair<std::string, std::string>>{{"order", "required"},
                                                           {"colour", "unknown_field"},
                                                           {"lines/0/line_no", "invalid_type"},
                                                           {"lines/0/quantity", "required"},
                                                           {"lines/0/reason", "invalid_value"}}));
  EXPECT_TRUE(
      IsProblem(Call("sales", "POST", "/api/v1/returns", "{not json"), 400, "invalid_argument"));
  const std::string line = R"(, "lines": [{"line_no": 1, "quantity": 1, "reason": "other"}]})";
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/returns", R"({"order": "SO-999999")" + line),
                        404, "not_found"));
  EXPECT_TRUE(
      IsProblem(Call("sales", "POST", "/api/v1/returns", R"({"invoice": "IN-000404")" + line), 404,
                "not_found"));
  EXPECT_TRUE(
      IsProblem(Call("sales", "POST", "/api/v1/returns",
                     R"({"order": ")" + unshipped["number"].get<std::string>() + "\"" + line),
                409, "invalid_state"));
  for (const char* user : {"warehouse", "arclerk", "integration"}) {
    EXPECT_TRUE(
        IsProblem(Call(user, "POST", "/api/v1/returns", R"({"order": ")" + order + "\"" + line),
                  403, "forbidden"))
        << user;
  }
  EXPECT_TRUE(IsProblem(Call("", "POST", "/api/v1/returns", R"({"order": ")" + order + "\"" + line),
                        401, "unauthenticated"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ReturnsApiTest, ListsFilterPageAndKeepPortalUsersToTheirOwn) {
  std::string a = ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])");
  std::string b = ShipOrder("C-2", R"([{"sku": "WID-100", "quantity": 4}])");
  Authorize("sales", a, 1);
  json second = Authorize("sales", b, 2);
  Authorize("sales", a, 1);
  ReceiveAll(second);

  auto all = Call("sales", "GET", "/api/v1/returns").Json();
  ASSERT_EQ(all["items"].size(), 3u);
  EXPECT_EQ(all["items"][0]["number"], "RA-000003");
  EXPECT_FALSE(all["items"][0].contains("receipts"));
  EXPECT_EQ(Call("sales", "GET", "/api/v1/returns?status=received").Json()["items"].size(), 1u);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/returns?customer=C-1").Json()["items"].size(), 2u);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/returns?order=" + b).Json()["items"].size(), 1u);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/returns?order=SO-999999").Json()["items"].size(), 0u);
  auto page = Call("sales", "GET", "/api/v1/returns?limit=2").Json();
  ASSERT_EQ(page["items"].size(), 2u);
  auto rest = Call("sales", "GET",
                   "/api/v1/returns?limit=2&cursor=" + page["next_cursor"].get<std::string>())
                  .Json();
  ASSERT_EQ(rest["items"].size(), 1u);
  EXPECT_EQ(rest["items"][0]["number"], "RA-000001");
  EXPECT_TRUE(rest["next_cursor"].is_null());

  auto mine = Call("portal", "GET", "/api/v1/returns").Json();
  ASSERT_EQ(mine["items"].size(), 2u);
  for (const auto& i : mine["items"]) EXPECT_EQ(i["customer"], "C-1");
  EXPECT_EQ(Call("portal", "GET", "/api/v1/returns?customer=C-2").Json()["items"].size(), 0u);
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/returns/RA-000002"), 404, "not_found"));
  EXPECT_TRUE(
      IsProblem(Call("sales", "GET", "/api/v1/returns?status=lost"), 400, "invalid_argument"));
  EXPECT_TRUE(
      IsProblem(Call("sales", "GET", "/api/v1/returns?colour=red"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/returns"), 401, "unauthenticated"));
}

TEST_F(ReturnsApiTest, ReceivingRestocksAndIssuesACreditMemo) {
  std::string order = ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 5}])");
  json rma = Authorize("sales", order, 4);
  std::string target = "/api/v1/returns/" + rma["number"].get<std::string>() + "/receive";
  EXPECT_EQ(OnHand("WID-200"), 15);

  auto before = db_.Snapshot();
  auto over = Call("warehouse", "POST", target,
                   R"({"warehouse": "W1", "lines": [{"line_no": 1, "quantity": 3,
                       "disposition": "restock"}, {"line_no": 1, "quantity": 2,
                       "disposition": "scrap"}]})");
  ASSERT_TRUE(IsProblem(over, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(over),
            (std::set<std::pair<std::string, std::string>>{{"lines/1/quantity", "out_of_range"}}));
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", target,
                             R"({"warehouse": "W9", "lines": [{"line_no": 1, "quantity": 1,
                                 "disposition": "restock"}]})"),
                        400, "invalid_argument"));
  const std::string one = R"({"warehouse": "W1", "lines": [{"line_no": 1, "quantity": 1,
                              "disposition": "restock"}]})";
  EXPECT_TRUE(IsProblem(Call("sales", "POST", target, one), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("portal", "POST", target, one), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", "/api/v1/returns/RA-000404/receive", one), 404,
                        "not_found"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", target, one, {{"If-Match", "\"9\""}}), 412,
                        "precondition_failed"));
  EXPECT_EQ(db_.Snapshot(), before);

  const std::string three =
      R"({"warehouse": "W1", "lines": [{"line_no": 1, "quantity": 3, "disposition": "restock"}]})";
  auto r = Call("warehouse", "POST", target, three,
                {{"If-Match", "\"1\""}, {"Idempotency-Key", "dock-1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto got = r.Json();
  EXPECT_EQ(got["status"], "authorized");
  EXPECT_EQ(got["lines"][0]["quantity_received"], 3);
  ASSERT_EQ(got["receipts"].size(), 1u);
  EXPECT_EQ(got["receipts"][0]["disposition"], "restock");
  EXPECT_EQ(got["receipts"][0]["credit_memo"], "CM-000001");
  EXPECT_EQ(got["credit_memo"]["number"], "CM-000001");
  EXPECT_EQ(got["credit_memo"]["total"], "30.00");
  EXPECT_EQ(got["credit_memo"]["balance"], "30.00");
  EXPECT_EQ(got["credit_memo"]["status"], "open");
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"2\"");
  EXPECT_EQ(OnHand("WID-200"), 18);
  // The restock is a stock movement of kind "return", listed among the item's movements.
  auto moves = Call("warehouse", "GET", "/api/v1/inventory/movements?sku=WID-200");
  ASSERT_EQ(moves.status, 200) << moves.body;
  int returned = 0;
  const json listed = moves.Json();
  for (const auto& m : listed["items"]) {
    if (m["kind"] == "return") returned += m["quantity"].get<int>();
  }
  EXPECT_EQ(returned, 3) << moves.body;
  auto again = Call("warehouse", "POST", target, three,
                    {{"If-Match", "\"1\""}, {"Idempotency-Key", "dock-1"}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(again.body, r.body);
  EXPECT_EQ(OnHand("WID-200"), 18);

  auto order_json = Call("sales", "GET", "/api/v1/orders/" + order).Json();
  EXPECT_EQ(order_json["lines"][0]["quantity_returned"], 3);
  auto last = Call("warehouse", "POST", target,
                   R"({"warehouse": "W1", "lines": [{"line_no": 1, "quantity": 1,
                       "disposition": "scrap"}]})");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(last.Json()["status"], "received");
  EXPECT_EQ(OnHand("WID-200"), 18);
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", target, one), 409, "invalid_state"));
  auto credit = Call("arclerk", "GET", "/api/v1/customers/C-1/credit").Json();
  EXPECT_EQ(credit["open_receivables"], "10.00");
  EXPECT_TRUE(Consistent());
}

TEST_F(ReturnsApiTest, CreditMemosReadListAndPrint) {
  std::string a = ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])");
  std::string b = ShipOrder("C-2", R"([{"sku": "WID-200", "quantity": 1}])");
  json first = ReceiveAll(Authorize("sales", a, 2))["credit_memo"];
  ReceiveAll(Authorize("sales", b, 1), "scrap");

  auto shown = Call("arclerk", "GET", "/api/v1/credit-memos/CM-000001");
  ASSERT_EQ(shown.status, 200) << shown.body;
  auto m = shown.Json();
  EXPECT_EQ(m, first);
  EXPECT_EQ(m["customer"], "C-1");
  EXPECT_EQ(m["return"], "RA-000001");
  EXPECT_EQ(m["order"], a);
  EXPECT_EQ(m["subtotal"], "20.00");
  EXPECT_EQ(m["tax"], "0.00");
  EXPECT_EQ(m["lines"][0]["invoice"], "IN-000001");
  EXPECT_EQ(m["lines"][0]["unit_price"], "10.0000");
  EXPECT_EQ(shown.Header("ETag").value_or(""), "\"1\"");
  for (const char* user : {"manager", "integration", "portal"}) {
    EXPECT_EQ(Call(user, "GET", "/api/v1/credit-memos/1").status, 200) << user;
  }
  EXPECT_TRUE(IsProblem(Call("portal2", "GET", "/api/v1/credit-memos/1"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/credit-memos/1"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/credit-memos"), 403, "forbidden"));
  EXPECT_TRUE(
      IsProblem(Call("arclerk", "GET", "/api/v1/credit-memos/CM-000404"), 404, "not_found"));

  auto all = Call("arclerk", "GET", "/api/v1/credit-memos").Json();
  ASSERT_EQ(all["items"].size(), 2u);
  EXPECT_EQ(all["items"][0]["number"], "CM-000002");
  EXPECT_FALSE(all["items"][0].contains("lines"));
  EXPECT_EQ(Call("arclerk", "GET", "/api/v1/credit-memos?customer=C-2").Json()["items"].size(), 1u);
  EXPECT_EQ(Call("arclerk", "GET", "/api/v1/credit-memos?status=applied").Json()["items"].size(),
            0u);
  auto mine = Call("portal", "GET", "/api/v1/credit-memos").Json();
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["number"], "CM-000001");
  auto page = Call("arclerk", "GET", "/api/v1/credit-memos?limit=1").Json();
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_TRUE(page["next_cursor"].is_string());
  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/credit-memos?status=gone"), 400,
                        "invalid_argument"));

  auto pdf = Call("portal", "GET", "/api/v1/credit-memos/CM-000001.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("Content-Type").value_or(""), "application/pdf");
  EXPECT_EQ(pdf.Header("Content-Disposition").value_or(""), "inline; filename=\"CM-000001.pdf\"");
  std::string text = test_support::ExtractPdfText(pdf.body);
  EXPECT_NE(text.find("CREDIT MEMO\nCM-000001\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Total credit USD | 20.00"), std::string::npos) << text;
  EXPECT_TRUE(
      IsProblem(Call("portal2", "GET", "/api/v1/credit-memos/CM-000001.pdf"), 404, "not_found"));
  EXPECT_TRUE(
      IsProblem(Call("sales", "GET", "/api/v1/credit-memos/CM-000001.pdf"), 403, "forbidden"));
}

TEST_F(ReturnsApiTest, CreditMemosApplyAndRefundWithinTheirBalances) {
  std::string a = ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])");  // IN-000001 30.00
  ShipOrder("C-1", R"([{"sku": "WID-100", "quantity": 4}])");                  // IN-000002 10.00
  ShipOrder("C-2", R"([{"sku": "WID-100", "quantity": 1}])");                  // IN-000003
  ReceiveAll(Authorize("sales", a, 2));                                        // CM-000001: 20.00
  const std::string apply = "/api/v1/credit-memos/CM-000001/apply";
  const std::string refund = "/api/v1/credit-memos/CM-000001/refund";

  auto before = db_.Snapshot();
  auto bad = Call("arclerk", "POST", apply,
                  R"({"applications": [{"invoice": "IN-000002", "amount": "10.01"},
                                       {"invoice": "IN-000003", "amount": 1},
                                       {"invoice": "IN-000404", "amount": "1.00"}]})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(bad), (std::set<std::pair<std::string, std::string>>{
                                  {"applications/0/amount", "exceeds_balance"},
                                  {"applications/1/invoice", "other_customer"},
                                  {"applications/2/invoice", "not_found"}}));
  auto shape = Call("arclerk", "POST", apply, R"({"applications": [{"amount": -1}]})");
  EXPECT_EQ(FieldErrors(shape), (std::set<std::pair<std::string, std::string>>{
                                    {"applications/0/invoice", "required"},
                                    {"applications/0/amount", "out_of_range"}}));
  EXPECT_TRUE(IsProblem(Call("arclerk", "POST", apply,
                             R"({"applications": [{"invoice": "IN-000001", "amount": "20.01"}]})"),
                        400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("arclerk", "POST", refund, R"({"amount": "20.01", "method": "ach"})"),
                        400, "invalid_argument"));
  auto refund_shape =
      Call("arclerk", "POST", refund, R"({"amount": "x", "method": "cash", "memo": 1})");
  EXPECT_EQ(
      FieldErrors(refund_shape),
      (std::set<std::pair<std::string, std::string>>{
          {"amount", "invalid_amount"}, {"method", "invalid_value"}, {"memo", "unknown_field"}}));
  const std::string ten = R"({"applications": [{"invoice": "IN-000002", "amount": "10.00"}]})";
  for (const char* user : {"sales", "manager", "portal", "warehouse"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", apply, ten), 403, "forbidden")) << user;
    EXPECT_TRUE(IsProblem(Call(user, "POST", refund, R"({"amount": 1, "method": "ach"})"), 403,
                          "forbidden"))
        << user;
  }
  EXPECT_TRUE(IsProblem(Call("arclerk", "POST", "/api/v1/credit-memos/CM-000404/apply", ten), 404,
                        "not_found"));
  EXPECT_TRUE(IsProblem(Call("arclerk", "POST", apply, ten, {{"If-Match", "\"5\""}}), 412,
                        "precondition_failed"));
  EXPECT_EQ(db_.Snapshot(), before);

  auto applied = Call("arclerk", "POST", apply, ten, {{"If-Match", "\"1\""}});
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.Json()["amount_applied"], "10.00");
  EXPECT_EQ(applied.Json()["balance"], "10.00");
  EXPECT_EQ(applied.Json()["applications"][0]["invoice"], "IN-000002");
  auto invoice = Call("arclerk", "GET", "/api/v1/invoices/IN-000002").Json();
  EXPECT_EQ(invoice["amount_credited"], "10.00");
  EXPECT_EQ(invoice["status"], "paid");
  EXPECT_TRUE(Consistent());

  HeaderList key = {{"Idempotency-Key", "refund-1"}};
  const std::string cheque = R"({"amount": "10.00", "method": "check", "reference": "CHK-7"})";
  auto refunded = Call("arclerk", "POST", refund, cheque, key);
  ASSERT_EQ(refunded.status, 200) << refunded.body;
  EXPECT_EQ(refunded.Json()["status"], "refunded");
  EXPECT_EQ(refunded.Json()["balance"], "0.00");
  EXPECT_EQ(refunded.Json()["refunds"][0]["reference"], "CHK-7");
  auto replay = Call("arclerk", "POST", refund, cheque, key);
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(db_.Count("credit_memo_refunds"), 1);
  EXPECT_TRUE(IsProblem(Call("arclerk", "POST", refund, R"({"amount": 1, "method": "ach"})"), 409,
                        "invalid_state"));
  auto credit = Call("arclerk", "GET", "/api/v1/customers/C-1/credit").Json();
  EXPECT_EQ(credit["open_receivables"], "30.00");  // IN-000001 30.00; IN-000002 settled
  std::string events = Call("integration", "GET", "/api/v1/events").body;
  for (const char* type :
       {"return.received", "credit_memo.issued", "credit_memo.applied", "credit_memo.refunded"}) {
    EXPECT_NE(events.find(type), std::string::npos) << type;
  }
  EXPECT_TRUE(Consistent());
}

}  // namespace
}  // namespace ordo::api::testing
