// Quotes over real HTTP (issue 14): made and revised in versions by sales (If-Match), every bad
// field at once, read by version, printed, accepted into an order at the quoted prices (a
// price rule changed since does not apply, approval rules do, tax is the acceptance day's),
// refused once expired, accepted once only, and seen by a portal user only for its customer.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"
#include "support/pdf_text.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

constexpr int64_t kDay = 86'400;

class QuotesApiTest : public OrdersApiTest {
 protected:
  json Quote(const std::string& body, const std::string& user = "sales") {
    auto r = Call(user, "POST", "/api/v1/quotes", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : json::object();
  }
  int64_t QuoteRows() { return db_.Count("quotes") + db_.Count("quote_versions"); }
  // Moves the clock on by `days`, and signs sales and the manager in again (tokens expire).
  void PassDays(int days) {
    db_.clock().AdvanceSeconds(days * kDay);
    for (std::string user : {"sales", "manager"}) {
      auto r =
          Call("", "POST", "/api/v1/auth/token",
               R"({"username": ")" + user + R"(", "password": ")" + user + R"(-pass-phrase-1"})");
      ASSERT_EQ(r.status, 200) << r.body;
      tokens_[user] = r.Json()["token"].get<std::string>();
    }
  }
};

const char* kTwoLines =
    R"({"customer": "C-1", "notes": "Delivery within a week.",
        "lines": [{"sku": "WID-100", "quantity": 2, "uom": "CS"},
                  {"sku": "WID-200", "quantity": 3}]})";

TEST_F(QuotesApiTest, MadeShownRevisedAndReadByVersion) {
  auto created = Call("sales", "POST", "/api/v1/quotes", kTwoLines);
  ASSERT_EQ(created.status, 201) << created.body;
  json q = created.Json();
  EXPECT_EQ(q["number"], "Q-000001");
  EXPECT_EQ(created.Header("Location"), "/api/v1/quotes/Q-000001");
  EXPECT_EQ(created.Header("ETag"), "\"1\"");
  EXPECT_EQ(q["status"], "open");
  EXPECT_EQ(q["version"], 1);
  EXPECT_EQ(q["expires_on"], "2026-04-01");  // made 2026-03-02, valid for 30 days
  EXPECT_EQ(q["priced_on"], "2026-03-02");
  EXPECT_EQ(q["customer"], "C-1");
  EXPECT_EQ(q["ship_to"], "MAIN");
  ASSERT_EQ(q["lines"].size(), 2u);
  EXPECT_EQ(q["lines"][0]["quantity"], 24);  // 2 cases of 12
  EXPECT_EQ(q["lines"][0]["unit_price"], "2.5000");
  EXPECT_EQ(q["lines"][0]["price_source"], "list");
  EXPECT_FALSE(q["lines"][0]["price_explanation"].get<std::string>().empty());
  EXPECT_EQ(q["subtotal"], "90.00");  // 24 × 2.50 + 3 × 10.00
  EXPECT_EQ(q["notes"], "Delivery within a week.");
  EXPECT_EQ(q["order"], nullptr);

  // The same basket priced for an order the same day: the same prices and tax.
  auto priced = Call("sales", "POST", "/api/v1/pricing/quote",
                     R"({"customer": "C-1", "lines": [{"sku": "WID-100", "quantity": 2,
                         "uom": "CS"}, {"sku": "WID-200", "quantity": 3}]})");
  ASSERT_EQ(priced.status, 200) << priced.body;
  EXPECT_EQ(priced.Json()["subtotal"], q["subtotal"]);
  EXPECT_EQ(priced.Json()["tax"], q["tax"]);

  PassDays(1);
  auto revised = Call("sales", "PUT", "/api/v1/quotes/Q-000001",
                      R"({"customer": "C-1", "expires_on": "2026-03-20",
                          "lines": [{"sku": "WID-200", "quantity": 5}]})",
                      {{"If-Match", "\"1\""}});
  ASSERT_EQ(revised.status, 200) << revised.body;
  EXPECT_EQ(revised.Header("ETag"), "\"2\"");
  json r = revised.Json();
  EXPECT_EQ(r["version"], 2);
  EXPECT_EQ(r["priced_on"], "2026-03-03");
  EXPECT_EQ(r["expires_on"], "2026-03-20");
  EXPECT_EQ(r["subtotal"], "50.00");
  ASSERT_EQ(r["versions"].size(), 2u);
  EXPECT_EQ(r["versions"][0]["total"], q["total"]);

  auto stale = Call("sales", "PUT", "/api/v1/quotes/Q-000001", kTwoLines, {{"If-Match", "\"1\""}});
  EXPECT_TRUE(IsProblem(stale, 412, "precondition_failed")) << stale.body;

  json shown = Call("sales", "GET", "/api/v1/quotes/Q-000001").Json();
  EXPECT_EQ(shown["version"], 2);
  EXPECT_EQ(shown["lines"].size(), 1u);
  auto first = Call("sales", "GET", "/api/v1/quotes/Q-000001/versions/1");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json()["version"], 1);
  EXPECT_EQ(first.Json()["current_version"], 2);
  EXPECT_EQ(first.Json()["lines"], q["lines"]);
  EXPECT_TRUE(
      IsProblem(Call("sales", "GET", "/api/v1/quotes/Q-000001/versions/3"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/quotes/Q-999999"), 404, "not_found"));

  // Another customer on a revision is refused.
  auto other = Call("sales", "PUT", "/api/v1/quotes/Q-000001",
                    R"({"customer": "C-2", "lines": [{"sku": "WID-200", "quantity": 1}]})");
  EXPECT_EQ(FieldErrors(other),
            (std::set<std::pair<std::string, std::string>>{{"customer", "invalid_value"}}));

  auto pdf = Call("sales", "GET", "/api/v1/quotes/Q-000001.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  std::string text = test_support::ExtractPdfText(pdf.body);
  EXPECT_NE(text.find("Q-000001"), std::string::npos);
  EXPECT_NE(text.find("2026-03-20"), std::string::npos);  // valid until
  EXPECT_NE(text.find("50.00"), std::string::npos);
}

TEST_F(QuotesApiTest, EveryBadFieldIsReportedAndNothingIsWritten) {
  auto before = db_.Snapshot();
  const int64_t rows = QuoteRows();
  auto bad = Call("sales", "POST", "/api/v1/quotes",
                  R"({"customer": "C-1", "expires_on": "2026-03-01", "po_number": "7",
                      "lines": [{"sku": "NOPE", "quantity": 1},
                                {"sku": "WID-100", "quantity": 0},
                                {"sku": "WID-200", "quantity": 1, "unit_price": "3.00"}]})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument")) << bad.body;
  EXPECT_EQ(FieldErrors(bad),
            (std::set<std::pair<std::string, std::string>>{{"po_number", "unknown_field"}}));
  auto priced = Call("sales", "POST", "/api/v1/quotes",
                     R"({"customer": "C-1", "expires_on": "2026-03-01",
                         "lines": [{"sku": "NOPE", "quantity": 1},
                                   {"sku": "WID-100", "quantity": 0},
                                   {"sku": "WID-200", "quantity": 1, "unit_price": "3.00"}]})");
  ASSERT_TRUE(IsProblem(priced, 400, "invalid_argument")) << priced.body;
  EXPECT_EQ(FieldErrors(priced), (std::set<std::pair<std::string, std::string>>{
                                     {"expires_on", "out_of_range"},
                                     {"lines/0/sku", "unknown_sku"},
                                     {"lines/1/quantity", "invalid_quantity"},
                                     {"lines/2/override_reason", "required"}}));
  auto far = Call("sales", "POST", "/api/v1/quotes",
                  R"({"customer": "C-1", "expires_on": "2028-01-01",
                      "lines": [{"sku": "WID-200", "quantity": 1}]})");
  EXPECT_EQ(FieldErrors(far),
            (std::set<std::pair<std::string, std::string>>{{"expires_on", "out_of_range"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(QuoteRows(), rows);
  for (const char* user : {"warehouse", "arclerk", "integration", "portal"}) {
    EXPECT_EQ(Call(user, "POST", "/api/v1/quotes", kTwoLines).status, 403) << user;
  }
}

TEST_F(QuotesApiTest, AcceptedAtTheQuotedPriceAfterTheContractChanged) {
  auto contract = Call("manager", "POST", "/api/v1/contracts",
                       R"({"code": "K-17", "customer": "C-1", "start_date": "2026-01-01",
                           "end_date": "2027-03-31",
                           "terms": [{"sku": "WID-200", "unit_price": "8.00"}]})");
  ASSERT_EQ(contract.status, 201) << contract.body;
  json q = Quote(R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 2},
      {"sku": "WID-100", "quantity": 1, "unit_price": "2.00", "override_reason": "match"}]})");
  ASSERT_EQ(q["lines"][0]["unit_price"], "8.0000");
  ASSERT_EQ(q["lines"][0]["price_source"], "contract:K-17");
  const std::string quoted_reason = q["lines"][0]["price_explanation"];

  // The contract's price goes up after the quote was made.
  auto raised =
      Call("manager", "PATCH", "/api/v1/contracts/K-17",
           R"({"terms": [{"sku": "WID-200", "unit_price": "9.50"}]})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(raised.status, 200) << raised.body;
  PassDays(3);
  auto today = Call("sales", "POST", "/api/v1/pricing/quote",
                    R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 2}]})");
  ASSERT_EQ(today.Json()["lines"][0]["unit_price"], "9.5000");  // what a new order would pay

  const HeaderList key = {{"Idempotency-Key", "accept-q1"}};
  auto accepted =
      Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", R"({"po_number": "PO-77"})", key);
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  json a = accepted.Json();
  EXPECT_EQ(a["status"], "accepted");
  ASSERT_TRUE(a["order"].is_string());
  auto order = Call("sales", "GET", accepted.Header("Location").value_or(""));
  ASSERT_EQ(order.status, 200) << order.body;
  json o = order.Json();
  EXPECT_EQ(o["number"], a["order"]);
  EXPECT_EQ(o["po_number"], "PO-77");
  EXPECT_EQ(o["lines"][0]["unit_price"], "8.0000");
  EXPECT_EQ(o["lines"][0]["price_source"], "quote:Q-000001/1");
  EXPECT_EQ(o["lines"][0]["price_explanation"], "quote Q-000001 v1: " + quoted_reason);
  EXPECT_EQ(o["lines"][1]["unit_price"], "2.0000");
  EXPECT_EQ(o["lines"][1]["override_reason"], "match");
  EXPECT_EQ(o["subtotal"], q["subtotal"]);
  EXPECT_EQ(o["tax"], q["tax"]);  // no rate changed

  // A retry with the key replays the answer; without it the quote's state refuses.
  auto again =
      Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", R"({"po_number": "PO-77"})", key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", "{}"), 409,
                        "invalid_state"));
  EXPECT_EQ(db_.Count("orders"), 1);
  EXPECT_TRUE(
      IsProblem(Call("sales", "PUT", "/api/v1/quotes/Q-000001", kTwoLines), 409, "invalid_state"));
  EXPECT_TRUE(
      IsProblem(Call("sales", "POST", "/api/v1/quotes/Q-000001/cancel", R"({"reason": "late"})"),
                409, "invalid_state"));
  json listed = Call("sales", "GET", "/api/v1/quotes?status=accepted").Json();
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["order"], a["order"]);
  EXPECT_TRUE(Consistent());
}

TEST_F(QuotesApiTest, AnExpiredQuoteIsRefusedAndWritesNothing) {
  Quote(R"({"customer": "C-1", "expires_on": "2026-03-05",
            "lines": [{"sku": "WID-200", "quantity": 1}]})");
  PassDays(3);  // 2026-03-05: the last valid day
  EXPECT_EQ(Call("sales", "GET", "/api/v1/quotes/Q-000001").Json()["status"], "open");
  PassDays(1);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/quotes/Q-000001").Json()["status"], "expired");
  auto before = db_.Snapshot();
  auto refused = Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", "{}");
  ASSERT_TRUE(IsProblem(refused, 409, "quote_expired")) << refused.body;
  EXPECT_EQ(FieldErrors(refused),
            (std::set<std::pair<std::string, std::string>>{{"expires_on", "quote_expired"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(db_.Count("orders"), 0);
  json expired = Call("sales", "GET", "/api/v1/quotes?status=expired").Json();
  EXPECT_EQ(expired["items"].size(), 1u);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/quotes?status=open").Json()["items"].size(), 0u);

  // Revised, it is priced again and valid again; then it may be accepted.
  auto revised = Call("sales", "PUT", "/api/v1/quotes/Q-000001",
                      R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1}]})");
  ASSERT_EQ(revised.status, 200) << revised.body;
  EXPECT_EQ(revised.Json()["expires_on"], "2026-04-05");
  EXPECT_EQ(revised.Json()["status"], "open");
  EXPECT_EQ(Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", "{}").status, 201);
}

TEST_F(QuotesApiTest, ApprovalRulesHoldTheAcceptedOrder) {
  auto rule = Call("manager", "POST", "/api/v1/approval-rules",
                   R"({"code": "DISC-20", "name": "Discount over 20%",
                       "kind": "discount_over", "threshold": 20})");
  ASSERT_EQ(rule.status, 201) << rule.body;
  Quote(R"({"customer": "C-1", "lines": [{"sku": "WID-100", "quantity": 10,
            "unit_price": "1.00", "override_reason": "clearance"}]})");
  auto accepted = Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", "{}");
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  json o = Call("sales", "GET", accepted.Header("Location").value_or("")).Json();
  EXPECT_EQ(o["status"], "on_hold");
  ASSERT_EQ(o["holds"].size(), 1u);
  EXPECT_EQ(o["holds"][0]["kind"], "approval");
  EXPECT_EQ(db_.Count("approvals"), 1);
  EXPECT_TRUE(Consistent());
}

// The channel the order came in through is given at acceptance and judged as at any order's
// placement: a bad one refuses the acceptance and writes nothing; a good one is the order's.
TEST_F(QuotesApiTest, TheAcceptedOrderTakesTheChannelGiven) {
  Quote(R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1}]})");
  auto before = db_.Snapshot();
  auto bad = Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", R"({"channel": "fax"})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument")) << bad.body;
  EXPECT_EQ(FieldErrors(bad),
            (std::set<std::pair<std::string, std::string>>{{"channel", "invalid_channel"}}));
  auto not_text = Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", R"({"channel": 7})");
  ASSERT_TRUE(IsProblem(not_text, 400, "invalid_argument")) << not_text.body;
  EXPECT_EQ(FieldErrors(not_text),
            (std::set<std::pair<std::string, std::string>>{{"channel", "invalid_type"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/quotes/Q-000001").Json()["status"], "open");

  auto accepted =
      Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", R"({"channel": "email"})");
  ASSERT_EQ(accepted.status, 201) << accepted.body;
  json o = Call("sales", "GET", accepted.Header("Location").value_or("")).Json();
  EXPECT_EQ(o["channel"], "email");
  json listed = Call("sales", "GET", "/api/v1/orders?channel=email").Json();
  ASSERT_EQ(listed["items"].size(), 1u);
  EXPECT_EQ(listed["items"][0]["number"], o["number"]);

  // Without one the order is the API's, as an order posted without one.
  Quote(R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1}]})");
  auto plain = Call("sales", "POST", "/api/v1/quotes/Q-000002/accept", "{}");
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_EQ(Call("sales", "GET", plain.Header("Location").value_or("")).Json()["channel"], "api");
  EXPECT_TRUE(Consistent());
}

TEST_F(QuotesApiTest, CancelledQuotesStaySo) {
  Quote(R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1}]})");
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/quotes/Q-000001/cancel", "{}"), 400,
                        "invalid_argument"));
  auto cancelled = Call("sales", "POST", "/api/v1/quotes/Q-000001/cancel",
                        R"({"reason": "customer bought elsewhere"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.Json()["status"], "cancelled");
  EXPECT_EQ(cancelled.Json()["cancel_reason"], "customer bought elsewhere");
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/quotes/Q-000001/accept", "{}"), 409,
                        "invalid_state"));
}

TEST_F(QuotesApiTest, PortalUsersReadOnlyTheirOwnQuotes) {
  Quote(R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1, "unit_price": "9.00",
            "override_reason": "loyal customer"}]})");
  Quote(R"({"customer": "C-2", "lines": [{"sku": "WID-200", "quantity": 1}]})");
  json mine = Call("portal", "GET", "/api/v1/quotes").Json();
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["customer"], "C-1");
  EXPECT_EQ(Call("portal", "GET", "/api/v1/quotes?customer=C-2").Json()["items"].size(), 0u);
  auto own = Call("portal", "GET", "/api/v1/quotes/Q-000001");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_FALSE(own.Json()["lines"][0].contains("unit_cost"));
  EXPECT_FALSE(own.Json()["lines"][0].contains("override_reason"));
  json staff = Call("sales", "GET", "/api/v1/quotes/Q-000001").Json()["lines"][0];
  EXPECT_TRUE(staff.contains("unit_cost"));
  EXPECT_EQ(staff["override_reason"], "loyal customer");
  EXPECT_EQ(Call("portal", "GET", "/api/v1/quotes/Q-000001.pdf").status, 200);
  for (const char* path : {"/api/v1/quotes/Q-000002", "/api/v1/quotes/Q-000002.pdf",
                           "/api/v1/quotes/Q-000002/versions/1"}) {
    EXPECT_TRUE(IsProblem(Call("portal", "GET", path), 404, "not_found")) << path;
  }
  EXPECT_EQ(Call("portal", "POST", "/api/v1/quotes/Q-000001/accept", "{}").status, 403);
  EXPECT_EQ(Call("warehouse", "GET", "/api/v1/quotes").status, 403);
}

}  // namespace
}  // namespace ordo::api::testing
