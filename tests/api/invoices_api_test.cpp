// Invoices, tax rates and the trial balance over HTTP: a confirmed shipment's invoice read
// back by id and number, lists with filters, permissions and portal scope, bad parameters,
// and the ledger the invoice posted.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"
#include "support/pdf_text.h"

namespace ordo::api::testing {
namespace {

class InvoicesApiTest : public OrdersApiTest {
 protected:
  void SetUp() override {
    OrdersApiTest::SetUp();
    customers::NewCustomer ny = test_support::SimpleCustomer("C-NY", "10000.00", "W1");
    ny.ship_tos[0].address.region = "NY";
    ny.payment_terms = "2/10NET30";
    db_.AddCustomer(ny);
  }

  // Places, picks and confirms an order of `customer`; returns the confirmed shipment.
  nlohmann::json ShipOrder(const std::string& customer, const std::string& lines,
                           const std::string& freight = "0") {
    auto order = Place("sales", OrderBody(customer, lines));
    auto s =
        Call("warehouse", "POST", "/api/v1/shipments",
             R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": "W1"})");
    EXPECT_EQ(s.status, 201) << s.body;
    auto confirmed =
        Call("warehouse", "POST",
             "/api/v1/shipments/" + std::to_string(s.Json()["id"].get<int64_t>()) + "/confirm",
             R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z",
                              "packages": [{"weight": 2}], "freight": ")" +
                 freight + R"("})");
    EXPECT_EQ(confirmed.status, 200) << confirmed.body;
    return confirmed.Json();
  }
};

TEST_F(InvoicesApiTest, ConfirmationCreatesTheInvoiceAndItReadsBack) {
  auto rate = Call("admin", "POST", "/api/v1/tax-rates",
                   R"({"region": "NY", "tax_class": "standard", "rate_percent": "8.875"})");
  ASSERT_EQ(rate.status, 200) << rate.body;
  EXPECT_EQ(rate.Json()["rate_percent"], "8.875");

  auto shipped = ShipOrder("C-NY", R"([{"sku": "WID-100", "quantity": 12}])", "7.50");
  EXPECT_EQ(shipped["invoice"], "IN-000001");

  auto r = Call("arclerk", "GET", "/api/v1/invoices/IN-000001");
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = r.Json();
  EXPECT_EQ(v["number"], "IN-000001");
  EXPECT_EQ(v["customer"], "C-NY");
  EXPECT_EQ(v["shipment"], shipped["number"]);
  EXPECT_EQ(v["order"], shipped["order"]);
  EXPECT_EQ(v["payment_terms"], "2/10NET30");
  EXPECT_EQ(v["invoice_date"], "2026-03-02");
  EXPECT_EQ(v["due_date"], "2026-04-01");
  EXPECT_EQ(v["discount_date"], "2026-03-12");
  EXPECT_EQ(v["discount_percent"], "2");
  ASSERT_EQ(v["lines"].size(), 1u);
  EXPECT_EQ(v["lines"][0]["sku"], "WID-100");
  EXPECT_EQ(v["lines"][0]["quantity"], 12);
  EXPECT_EQ(v["lines"][0]["unit_price"], "2.5000");
  EXPECT_EQ(v["lines"][0]["extended_amount"], "30.00");
  EXPECT_EQ(v["lines"][0]["tax_rate_percent"], "8.875");
  EXPECT_EQ(v["lines"][0]["tax"], "2.66");
  EXPECT_EQ(v["subtotal"], "30.00");
  EXPECT_EQ(v["tax"], "2.66");
  EXPECT_EQ(v["freight"], "7.50");
  EXPECT_EQ(v["total"], "40.16");
  EXPECT_EQ(v["amount_paid"], "0.00");
  EXPECT_EQ(v["balance"], "40.16");
  EXPECT_EQ(v["status"], "open");
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"1\"");
  auto by_id = Call("sales", "GET", "/api/v1/invoices/" + std::to_string(v["id"].get<int64_t>()));
  ASSERT_EQ(by_id.status, 200);
  EXPECT_EQ(by_id.Json(), v);

  auto order = Call("sales", "GET", "/api/v1/orders/" + v["order"].get<std::string>()).Json();
  EXPECT_EQ(order["status"], "invoiced");
  EXPECT_EQ(order["lines"][0]["quantity_invoiced"], 12);
  auto credit = Call("arclerk", "GET", "/api/v1/customers/C-NY/credit").Json();
  EXPECT_EQ(credit["open_receivables"], "40.16");
  EXPECT_EQ(credit["open_orders"], "0.00");
  auto shipment =
      Call("warehouse", "GET", "/api/v1/shipments/" + shipped["number"].get<std::string>());
  EXPECT_EQ(shipment.Json()["invoice"], "IN-000001");
  EXPECT_TRUE(Consistent());
}

TEST_F(InvoicesApiTest, ThePrintedInvoiceIsAPdf) {
  auto shipped = ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])", "5");
  auto r = Call("portal", "GET", "/api/v1/invoices/IN-000001.pdf");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("Content-Type").value_or(""), "application/pdf");
  EXPECT_EQ(r.Header("Content-Disposition").value_or(""), "inline; filename=\"IN-000001.pdf\"");
  std::string text = test_support::ExtractPdfText(r.body);
  EXPECT_NE(text.find("INVOICE\nIN-000001\n"), std::string::npos) << text;
  EXPECT_NE(text.find("WID-200"), std::string::npos) << text;
  EXPECT_NE(text.find("Total USD | 35.00"), std::string::npos) << text;
  EXPECT_NE(text.find(shipped["number"].get<std::string>()), std::string::npos) << text;
  auto by_id = Call("arclerk", "GET", "/api/v1/invoices/1.pdf");
  EXPECT_EQ(by_id.status, 200);
  EXPECT_EQ(by_id.body, r.body);
  EXPECT_TRUE(
      IsProblem(Call("portal2", "GET", "/api/v1/invoices/IN-000001.pdf"), 404, "not_found"));
  EXPECT_TRUE(
      IsProblem(Call("arclerk", "GET", "/api/v1/invoices/IN-000404.pdf"), 404, "not_found"));
  EXPECT_TRUE(
      IsProblem(Call("warehouse", "GET", "/api/v1/invoices/IN-000001.pdf"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/invoices/IN-000001.pdf"), 401, "unauthenticated"));
}

TEST_F(InvoicesApiTest, TrialBalanceShowsWhatTheInvoicePosted) {
  ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])", "5");
  auto r = Call("arclerk", "GET", "/api/v1/ledger/trial-balance");
  ASSERT_EQ(r.status, 200) << r.body;
  auto tb = r.Json();
  EXPECT_EQ(tb["balanced"], true);
  EXPECT_EQ(tb["total_debit"], tb["total_credit"]);
  std::map<std::string, std::string> balance;
  for (const auto& a : tb["accounts"]) {
    balance[a["account"].get<std::string>()] = a["balance"].get<std::string>();
  }
  EXPECT_EQ(balance["1100"], "35.00");
  EXPECT_EQ(balance["4000"], "-30.00");
  EXPECT_EQ(balance["4100"], "-5.00");
  EXPECT_EQ(balance["2100"], "0.00");
  auto early = Call("arclerk", "GET", "/api/v1/ledger/trial-balance?as_of=2026-03-01").Json();
  EXPECT_EQ(early["total_debit"], "0.00");
  EXPECT_EQ(early["as_of"], "2026-03-01");

  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/ledger/trial-balance?as_of=March"), 400,
                        "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/ledger/trial-balance?asof=2026-03-01"), 400,
                        "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/ledger/trial-balance"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/ledger/trial-balance"), 401, "unauthenticated"));
}

TEST_F(InvoicesApiTest, ListsFilterAndPortalUsersSeeOnlyTheirOwn) {
  ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 1}])");
  ShipOrder("C-NY", R"([{"sku": "WID-200", "quantity": 2}])");
  ShipOrder("C-1", R"([{"sku": "WID-200", "quantity": 3}])");

  auto all = Call("arclerk", "GET", "/api/v1/invoices").Json();
  ASSERT_EQ(all["items"].size(), 3u);
  EXPECT_EQ(all["items"][0]["number"], "IN-000003");  // newest first
  EXPECT_FALSE(all["items"][0].contains("lines"));
  EXPECT_TRUE(all["next_cursor"].is_null());

  auto c1 = Call("arclerk", "GET", "/api/v1/invoices?customer=C-1&status=open").Json();
  ASSERT_EQ(c1["items"].size(), 2u);
  EXPECT_EQ(Call("arclerk", "GET", "/api/v1/invoices?status=paid").Json()["items"].size(), 0u);
  auto by_order = Call("arclerk", "GET",
                       "/api/v1/invoices?order=" + all["items"][1]["order"].get<std::string>())
                      .Json();
  ASSERT_EQ(by_order["items"].size(), 1u);
  EXPECT_EQ(by_order["items"][0]["number"], "IN-000002");

  auto page = Call("arclerk", "GET", "/api/v1/invoices?limit=2").Json();
  ASSERT_EQ(page["items"].size(), 2u);
  ASSERT_TRUE(page["next_cursor"].is_string());
  auto rest = Call("arclerk", "GET",
                   "/api/v1/invoices?limit=2&cursor=" + page["next_cursor"].get<std::string>())
                  .Json();
  ASSERT_EQ(rest["items"].size(), 1u);
  EXPECT_EQ(rest["items"][0]["number"], "IN-000001");

  auto mine = Call("portal", "GET", "/api/v1/invoices").Json();
  ASSERT_EQ(mine["items"].size(), 2u);
  for (const auto& i : mine["items"]) EXPECT_EQ(i["customer"], "C-1");
  EXPECT_EQ(Call("portal", "GET", "/api/v1/invoices?customer=C-NY").Json()["items"].size(), 0u);
  EXPECT_EQ(Call("portal2", "GET", "/api/v1/invoices").Json()["items"].size(), 0u);
  EXPECT_TRUE(IsProblem(Call("portal2", "GET", "/api/v1/invoices/IN-000001"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/invoices/IN-000002"), 404, "not_found"));
  EXPECT_EQ(Call("portal", "GET", "/api/v1/invoices/IN-000001").status, 200);

  EXPECT_TRUE(
      IsProblem(Call("arclerk", "GET", "/api/v1/invoices?status=late"), 400, "invalid_argument"));
  EXPECT_TRUE(
      IsProblem(Call("arclerk", "GET", "/api/v1/invoices?colour=red"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("arclerk", "GET", "/api/v1/invoices/IN-000999"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/invoices"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/invoices"), 401, "unauthenticated"));
}

TEST_F(InvoicesApiTest, TaxRatesNeedAdminAndAValidRate) {
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/tax-rates",
                             R"({"region": "NY", "tax_class": "standard", "rate_percent": 8})"),
                        403, "forbidden"));
  auto bad = Call("admin", "POST", "/api/v1/tax-rates",
                  R"({"region": "", "tax_class": 7, "rate_percent": "101", "extra": 1})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  auto fields = FieldErrors(bad);
  EXPECT_TRUE(fields.count({"tax_class", "invalid_type"})) << bad.body;
  EXPECT_TRUE(fields.count({"rate_percent", "out_of_range"})) << bad.body;
  EXPECT_TRUE(fields.count({"extra", "unknown_field"})) << bad.body;
  auto empty_region = Call("admin", "POST", "/api/v1/tax-rates",
                           R"({"region": "", "tax_class": "food", "rate_percent": "1"})");
  EXPECT_TRUE(IsProblem(empty_region, 400, "invalid_argument"));
  EXPECT_TRUE(FieldErrors(empty_region).count({"region", "required"})) << empty_region.body;
  EXPECT_EQ(db_.Snapshot(), before);

  ASSERT_EQ(Call("admin", "POST", "/api/v1/tax-rates",
                 R"({"region": "NY", "tax_class": "standard", "rate_percent": 4})")
                .status,
            200);
  ASSERT_EQ(Call("admin", "POST", "/api/v1/tax-rates",
                 R"({"region": "NY", "tax_class": "standard", "rate_percent": "8.875"})")
                .status,
            200);
  auto list = Call("arclerk", "GET", "/api/v1/tax-rates");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  EXPECT_EQ(list.Json()["items"][0]["rate_percent"], "8.875");
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/tax-rates"), 403, "forbidden"));
  auto audit = Call("manager", "GET", "/api/v1/audit?entity=tax_rate&entity_id=1");
  ASSERT_EQ(audit.status, 200) << audit.body;
  auto records = audit.Json()["items"];
  ASSERT_EQ(records.size(), 2u) << audit.body;
  EXPECT_TRUE(records[0]["before"].is_null());
  EXPECT_EQ(records[1]["before"]["rate_percent"], "4");
  EXPECT_EQ(records[1]["after"]["rate_percent"], "8.875");
  EXPECT_EQ(records[1]["actor"], "user:admin");
}

TEST_F(InvoicesApiTest, BadFreightIsRefusedAndNothingShips) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 1}])"));
  auto s = Call("warehouse", "POST", "/api/v1/shipments",
                R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": "W1"})")
               .Json();
  auto before = db_.Snapshot();
  std::string target = "/api/v1/shipments/" + std::to_string(s["id"].get<int64_t>()) + "/confirm";
  for (const char* freight : {"\"-1\"", "\"1.005\"", "\"ten\"", "true"}) {
    auto r = Call("warehouse", "POST", target,
                  std::string(R"({"carrier": "UPS", "service": "G", "tracking_number": "1",
                     "packages": [{"weight": 1}], "freight": )") +
                      freight + "}");
    EXPECT_TRUE(IsProblem(r, 400, "invalid_argument")) << freight << " " << r.body;
  }
  EXPECT_EQ(db_.Snapshot(), before);
}

}  // namespace
}  // namespace ordo::api::testing
