// Payments and receivables over HTTP: receiving and applying cash, the limits answered as
// problems that change nothing, idempotent retries, permissions and portal scope, and the
// aging, DSO and statement reports.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"
#include "auth/auth_fixture.h"
#include "auth/tokens.h"
#include "support/pdf_text.h"

namespace ordo::api::testing {
namespace {

class PaymentsApiTest : public OrdersApiTest {
 protected:
  // Ships an order of `quantity` x WID-200 (10.00) for `customer`; returns its invoice number.
  std::string Invoiced(const std::string& customer, int quantity) {
    auto order = Place("sales", OrderBody(customer, R"([{"sku": "WID-200", "quantity": )" +
                                                        std::to_string(quantity) + "}]"));
    auto s =
        Call("warehouse", "POST", "/api/v1/shipments",
             R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": "W1"})")
            .Json();
    auto shipped = Call("warehouse", "POST",
                        "/api/v1/shipments/" + std::to_string(s["id"].get<int64_t>()) + "/confirm",
                        R"({"carrier": "UPS", "service": "G", "tracking_number": "1",
                            "packages": [{"weight": 1}]})");
    EXPECT_EQ(shipped.status, 200) << shipped.body;
    return shipped.Json()["invoice"].get<std::string>();
  }
  nlohmann::json Invoice(const std::string& number) {
    return Call("arclerk", "GET", "/api/v1/invoices/" + number).Json();
  }
};

TEST_F(PaymentsApiTest, ReceiveApplyLaterAndReadBack) {
  std::string a = Invoiced("C-1", 3);  // 30.00
  std::string b = Invoiced("C-1", 2);  // 20.00
  auto r = Call("arclerk", "POST", "/api/v1/payments",
                R"({"customer": "C-1", "amount": "45.00", "method": "ach", "reference": "ACH-77",
                    "applications": [{"invoice": ")" +
                    a + R"(", "amount": 30}]})",
                {{"Idempotency-Key", "pay-1"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto p = r.Json();
  EXPECT_EQ(p["number"], "PM-000001");
  EXPECT_EQ(p["amount"], "45.00");
  EXPECT_EQ(p["applied"], "30.00");
  EXPECT_EQ(p["unapplied"], "15.00");
  EXPECT_EQ(p["received_date"], "2026-03-02");
  EXPECT_EQ(p["applications"][0]["invoice"], a);
  EXPECT_EQ(r.Header("Location").value_or(""),
            "/api/v1/payments/" + std::to_string(p["id"].get<int64_t>()));
  auto replay =
      Call("arclerk", "POST", "/api/v1/payments",
           R"({"customer": "C-1", "amount": "45.00", "method": "ach", "reference": "ACH-77",
                    "applications": [{"invoice": ")" +
               a + R"(", "amount": 30}]})",
           {{"Idempotency-Key", "pay-1"}});
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.Json(), p);
  EXPECT_EQ(db_.Count("payments"), 1);
  EXPECT_EQ(Invoice(a)["status"], "paid");
  EXPECT_EQ(Invoice(a)["amount_paid"], "30.00");

  auto credit = Call("arclerk", "GET", "/api/v1/customers/C-1/credit").Json();
  EXPECT_EQ(credit["open_receivables"], "5.00");  // 20.00 owed - 15.00 unapplied

  std::string target = "/api/v1/payments/PM-000001/apply";
  EXPECT_TRUE(IsProblem(Call("arclerk", "POST", target,
                             R"({"applications": [{"invoice": ")" + b + R"(", "amount": 15}]})",
                             {{"If-Match", "\"7\""}}),
                        412, "precondition_failed"));
  auto applied = Call("arclerk", "POST", target,
                      R"({"applications": [{"invoice": ")" + b + R"(", "amount": "15.00"}]})");
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.Json()["unapplied"], "0.00");
  EXPECT_EQ(Invoice(b)["balance"], "5.00");

  auto shown = Call("portal", "GET", "/api/v1/payments/PM-000001");
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.Json(), applied.Json());
  EXPECT_TRUE(IsProblem(Call("portal2", "GET", "/api/v1/payments/PM-000001"), 404, "not_found"));
  auto list = Call("manager", "GET", "/api/v1/payments?customer=C-1").Json();
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(Call("portal2", "GET", "/api/v1/payments").Json()["items"].size(), 0u);
  EXPECT_TRUE(Consistent());
}

TEST_F(PaymentsApiTest, ApplicationsThatDoNotFitChangeNothing) {
  std::string a = Invoiced("C-1", 3);  // 30.00
  std::string other = Invoiced("C-2", 1);
  auto before = db_.Snapshot();
  auto r = Call("arclerk", "POST", "/api/v1/payments",
                R"({"customer": "C-1", "amount": "20.00", "method": "check",
                    "applications": [{"invoice": ")" +
                    a + R"(", "amount": "30.50"},
                                     {"invoice": ")" +
                    other + R"(", "amount": 1}]})");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument")) << r.body;
  auto fields = FieldErrors(r);
  EXPECT_TRUE(fields.count({"applications/0/amount", "exceeds_balance"})) << r.body;
  EXPECT_TRUE(fields.count({"applications/1/invoice", "not_found"})) << r.body;
  EXPECT_TRUE(fields.count({"applications", "exceeds_payment"})) << r.body;

  auto bad = Call("arclerk", "POST", "/api/v1/payments",
                  R"({"customer": 5.5, "amount": "-1", "method": "cash", "colour": 1,
                      "received_date": "yesterday", "applications": [{"amount": "x"}]})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  auto bad_fields = FieldErrors(bad);
  for (auto f : {std::pair<std::string, std::string>{"customer", "invalid_type"},
                 {"amount", "out_of_range"},
                 {"method", "invalid_value"},
                 {"colour", "unknown_field"},
                 {"received_date", "invalid_value"},
                 {"applications/0/invoice", "required"}}) {
    EXPECT_TRUE(bad_fields.count(f)) << f.first << " " << bad.body;
  }
  EXPECT_TRUE(
      IsProblem(Call("arclerk", "POST", "/api/v1/payments", "{not json"), 400, "invalid_argument"));
  auto huge = Call("arclerk", "POST", "/api/v1/payments",
                   R"({"customer": "C-1", "amount": "1000000000.01", "method": "wire"})");
  EXPECT_TRUE(FieldErrors(huge).count({"amount", "out_of_range"})) << huge.body;
  EXPECT_TRUE(IsProblem(Call("arclerk", "POST", "/api/v1/payments",
                             R"({"customer": "C-404", "amount": 1, "method": "wire"})"),
                        404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/payments",
                             R"({"customer": "C-1", "amount": 1, "method": "wire"})"),
                        403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("portal", "POST", "/api/v1/payments",
                             R"({"customer": "C-1", "amount": 1, "method": "wire"})"),
                        403, "forbidden"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(PaymentsApiTest, AgingDsoAndStatement) {
  std::string a = Invoiced("C-1", 3);  // 30.00, due 2026-04-01
  Invoiced("C-2", 1);                  // 10.00
  ASSERT_EQ(Call("arclerk", "POST", "/api/v1/payments",
                 R"({"customer": "C-1", "amount": 12, "method": "check",
                     "applications": [{"invoice": ")" +
                     a + R"(", "amount": 10}]})")
                .status,
            201);

  auto aging = Call("arclerk", "GET", "/api/v1/ar/aging?as_of=2026-04-20");
  ASSERT_EQ(aging.status, 200) << aging.body;
  auto report = aging.Json();
  EXPECT_EQ(report["as_of"], "2026-04-20");
  ASSERT_EQ(report["customers"].size(), 2u);
  EXPECT_EQ(report["customers"][0]["customer"], "C-1");
  EXPECT_EQ(report["customers"][0]["d1_30"], "20.00");
  EXPECT_EQ(report["customers"][0]["unapplied"], "2.00");
  EXPECT_EQ(report["customers"][1]["d1_30"], "10.00");
  EXPECT_EQ(report["totals"]["total"], "30.00");
  EXPECT_EQ(report["totals"]["current"], "0.00");
  auto today = Call("arclerk", "GET", "/api/v1/ar/aging").Json();
  EXPECT_EQ(today["totals"]["current"], "30.00");
  auto one = Call("manager", "GET", "/api/v1/ar/aging?customer=C-2").Json();
  ASSERT_EQ(one["customers"].size(), 1u);
  EXPECT_TRUE(
      IsProblem(Call("arclerk", "GET", "/api/v1/ar/aging?as_of=soon"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/ar/aging"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/ar/aging"), 403, "forbidden"));

  auto dso = Call("arclerk", "GET", "/api/v1/ar/dso?days=30");
  ASSERT_EQ(dso.status, 200) << dso.body;
  EXPECT_EQ(dso.Json()["receivables"], "28.00");  // 20 + 10 - 2 unapplied
  EXPECT_EQ(dso.Json()["credit_sales"], "40.00");
  EXPECT_EQ(dso.Json()["dso"], "21.0");
  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/ar/dso?days=0"), 400, "invalid_argument"));

  auto st = Call("portal", "GET", "/api/v1/customers/C-1/statement?from=2026-03-01");
  ASSERT_EQ(st.status, 200) << st.body;
  auto statement = st.Json();
  EXPECT_EQ(statement["opening_balance"], "0.00");
  ASSERT_EQ(statement["lines"].size(), 2u);
  EXPECT_EQ(statement["lines"][0]["reference"], a);
  EXPECT_EQ(statement["lines"][0]["charge"], "30.00");
  EXPECT_EQ(statement["lines"][1]["kind"], "payment");
  EXPECT_EQ(statement["lines"][1]["credit"], "12.00");
  EXPECT_EQ(statement["closing_balance"], "18.00");
  EXPECT_EQ(statement["aging"]["total"], "20.00");
  EXPECT_TRUE(
      IsProblem(Call("portal", "GET", "/api/v1/customers/C-2/statement"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(
      Call("arclerk", "GET", "/api/v1/customers/C-1/statement?from=2026-04-01&to=2026-03-01"), 400,
      "invalid_argument"));
  EXPECT_TRUE(
      IsProblem(Call("warehouse", "GET", "/api/v1/customers/C-1/statement"), 403, "forbidden"));
}

TEST_F(PaymentsApiTest, TheStatementPrintsAsAPdf) {
  std::string a = Invoiced("C-1", 3);  // 30.00, due 2026-04-01
  ASSERT_EQ(
      Call(
          "arclerk", "POST", "/api/v1/payments",
          R"({"customer": "C-1", "amount": "14.00", "method": "check", "applications": [{"invoice": ")" +
              a + R"(", "amount": "12.00"}]})")
          .status,
      201);
  auto json = Call("arclerk", "GET", "/api/v1/customers/C-1/statement?from=2026-03-01").Json();
  const std::string to = json["to"];
  auto r = Call("portal", "GET", "/api/v1/customers/C-1/statement.pdf?from=2026-03-01");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type").value_or(""), "application/pdf");
  EXPECT_EQ(r.Header("Content-Disposition").value_or(""),
            "inline; filename=\"C-1-" + to + ".pdf\"");
  std::string text = test_support::ExtractPdfText(r.body);
  EXPECT_NE(text.find("STATEMENT\nC-1-" + to + "\n"), std::string::npos) << text;
  EXPECT_NE(text.find(a), std::string::npos) << text;
  EXPECT_NE(text.find("Opening balance"), std::string::npos) << text;
  // The whole payment is credited (16.00 owed); 2.00 of it is not applied to an invoice yet.
  EXPECT_EQ(json["closing_balance"], "16.00");
  EXPECT_NE(text.find("Closing balance USD | 16.00"), std::string::npos) << text;
  EXPECT_NE(text.find("Open invoices USD | 18.00"), std::string::npos) << text;
  EXPECT_NE(text.find("Unapplied payments | 2.00"), std::string::npos) << text;
  EXPECT_EQ(Call("arclerk", "GET", "/api/v1/customers/1/statement.pdf?from=2026-03-01").body,
            r.body);
  EXPECT_TRUE(
      IsProblem(Call("portal", "GET", "/api/v1/customers/C-2/statement.pdf"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(
      Call("arclerk", "GET", "/api/v1/customers/C-1/statement.pdf?from=2026-04-01&to=2026-03-01"),
      400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/customers/C-1/statement.pdf?since=x"), 400,
                        "invalid_argument"));
  EXPECT_TRUE(
      IsProblem(Call("warehouse", "GET", "/api/v1/customers/C-1/statement.pdf"), 403, "forbidden"));
}

// A portal user that also holds a back-office role stays bound to its customer (issue 12): the
// all-customer reports are not portal operations, so they are refused whatever the role, and
// its own customer's statement (with its aging) is what it reads.
TEST_F(PaymentsApiTest, ReportsStayWithinTheCustomerOfABoundUser) {
  Invoiced("C-1", 1);
  Invoiced("C-2", 2);
  auth::Principal p = test_support::AddUser(db_, "bound", "bound-pass-phrase-1",
                                            {"customer", "ar_clerk"}, std::string("C-1"));
  auto token = db_.executor().RunFor<auth::IssuedToken>(
      [&](store::Connection& conn) { return auth::StoreToken(conn, p, db_.clock().Now()); });
  ASSERT_TRUE(token.ok());
  tokens_["bound"] = token->token;
  ASSERT_EQ(Call("arclerk", "GET", "/api/v1/ar/aging").Json()["customers"].size(), 2u);
  for (const char* target : {"/api/v1/ar/aging", "/api/v1/ar/aging?customer=C-2", "/api/v1/ar/dso",
                             "/api/v1/ledger/trial-balance"}) {
    EXPECT_TRUE(IsProblem(Call("bound", "GET", target), 403, "forbidden")) << target;
  }
  auto statement = Call("bound", "GET", "/api/v1/customers/C-1/statement");
  ASSERT_EQ(statement.status, 200) << statement.body;
  EXPECT_EQ(statement.Json()["customer"], "C-1");
  EXPECT_TRUE(IsProblem(Call("bound", "GET", "/api/v1/customers/C-2/statement"), 404, "not_found"));
}

}  // namespace
}  // namespace ordo::api::testing
