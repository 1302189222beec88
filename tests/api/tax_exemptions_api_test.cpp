// Tax at entry over real HTTP: a customer's exemption certificates
// (GET/POST/DELETE /api/v1/customers/{ref}/tax-exemptions), the tax an order and a price quote
// carry, and the certificate's expiry as the API's clock sees it.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/api_fixture.h"
#include "support/invariants.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class TaxExemptionsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    // Today is 2026-03-02. WID-200 (10.00) is of the "standard" class.
    db_.SetTaxRate("NY", "standard", "8.875");
    customers::NewCustomer ny = test_support::SimpleCustomer("C-NY", "10000.00", "W1");
    ny.ship_tos[0].address.region = "NY";
    db_.AddCustomer(ny);
  }

  ClientResponse AddCertificate(const std::string& region, const std::string& number,
                                const std::string& expires_on,
                                const std::string& customer = "C-NY") {
    return Call("arclerk", "POST", "/api/v1/customers/" + customer + "/tax-exemptions",
                json{{"region", region}, {"certificate_number", number}, {"expires_on", expires_on}}
                    .dump());
  }

  json PlaceTenWidgets() {
    auto r = Call("sales", "POST", "/api/v1/orders",
                  R"({"customer": "C-NY", "lines": [{"sku": "WID-200", "quantity": 10}]})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  }
};

TEST_F(TaxExemptionsApiTest, RecordListAndRemoveCertificates) {
  auto added = AddCertificate("NY", "NY-EX-77", "2026-12-31");
  ASSERT_EQ(added.status, 201) << added.body;
  const json cert = added.Json();
  EXPECT_EQ(cert["region"], "NY");
  EXPECT_EQ(cert["certificate_number"], "NY-EX-77");
  EXPECT_EQ(cert["expires_on"], "2026-12-31");
  EXPECT_EQ(cert["valid"], true);
  EXPECT_EQ(cert["created_by"], "user:arclerk");
  const std::string id = std::to_string(cert["id"].get<int64_t>());
  EXPECT_NE(added.Header("Location").value_or("").find("/tax-exemptions/" + id), std::string::npos);
  ASSERT_EQ(AddCertificate("NJ", "NJ-OLD", "2026-03-01").status, 201);

  auto list = Call("sales", "GET", "/api/v1/customers/C-NY/tax-exemptions");
  ASSERT_EQ(list.status, 200) << list.body;
  const json items = list.Json()["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["certificate_number"], "NJ-OLD");  // by region
  EXPECT_EQ(items[0]["valid"], false);                  // expired yesterday
  EXPECT_EQ(items[1]["certificate_number"], "NY-EX-77");

  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'tax_exemption.add'"), 2);
  auto removed = Call("arclerk", "DELETE", "/api/v1/customers/C-NY/tax-exemptions/" + id);
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(Call("sales", "GET", "/api/v1/customers/C-NY/tax-exemptions").Json()["items"].size(),
            1u);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'tax_exemption.delete'"),
            1);
  EXPECT_TRUE(IsProblem(Call("arclerk", "DELETE", "/api/v1/customers/C-NY/tax-exemptions/" + id),
                        404, "not_found"));
  // Another customer's certificate is not found under this one.
  const std::string other = std::to_string(
      AddCertificate("NY", "C1-EX", "2026-12-31", "C-1").Json()["id"].get<int64_t>());
  EXPECT_TRUE(IsProblem(Call("arclerk", "DELETE", "/api/v1/customers/C-NY/tax-exemptions/" + other),
                        404, "not_found"));
}

TEST_F(TaxExemptionsApiTest, BadCertificatesAreRefusedWithEveryFieldAndChangeNothing) {
  auto before = db_.Snapshot();
  auto r = Call("arclerk", "POST", "/api/v1/customers/C-NY/tax-exemptions",
                R"({"region": "", "expires_on": "2026-13-01", "colour": "red"})");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument")) << r.body;
  std::set<std::string> fields;
  const json body = r.Json();
  for (const auto& e : body["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"region", "certificate_number", "expires_on", "colour"}))
      << r.body;
  EXPECT_TRUE(IsProblem(AddCertificate("NY", "X", "2026-12-31", "C-NOPE"), 404, "not_found"));
  EXPECT_EQ(db_.Snapshot(), before);
  ASSERT_EQ(AddCertificate("NY", "NY-EX-77", "2026-12-31").status, 201);
  EXPECT_TRUE(IsProblem(AddCertificate("NY", "NY-EX-77", "2027-12-31"), 409, "conflict"));
}

TEST_F(TaxExemptionsApiTest, OnlyStaffSeeAndOnlyTheArClerkRecordsThem) {
  const std::string path = "/api/v1/customers/C-NY/tax-exemptions";
  const std::string body =
      R"({"region": "NY", "certificate_number": "X", "expires_on": "2026-12-31"})";
  EXPECT_TRUE(IsProblem(Call("", "GET", path), 401, "unauthenticated"));
  for (const char* user : {"warehouse", "portal", "integration"}) {
    EXPECT_TRUE(IsProblem(Call(user, "GET", path), 403, "forbidden")) << user;
  }
  for (const char* user : {"sales", "manager", "warehouse", "portal", "integration"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", path, body), 403, "forbidden")) << user;
  }
  EXPECT_EQ(Call("manager", "GET", path).status, 200);
  EXPECT_EQ(Call("admin", "POST", path, body).status, 201);
}

TEST_F(TaxExemptionsApiTest, OrdersAndQuotesCarryTheTaxTheInvoiceWillBill) {
  auto quote = Call("sales", "POST", "/api/v1/pricing/quote",
                    R"({"customer": "C-NY", "lines": [{"sku": "WID-200", "quantity": 10}]})");
  ASSERT_EQ(quote.status, 200) << quote.body;
  EXPECT_EQ(quote.Json()["subtotal"], "100.00");
  EXPECT_EQ(quote.Json()["tax"], "8.88");
  EXPECT_EQ(quote.Json()["total"], "108.88");
  EXPECT_EQ(quote.Json()["lines"][0]["tax_rate_percent"], "8.875");
  EXPECT_EQ(quote.Json()["lines"][0]["tax_amount"], "8.88");

  json order = PlaceTenWidgets();
  EXPECT_EQ(order["tax"], "8.88");
  EXPECT_EQ(order["total"], "108.88");
  EXPECT_EQ(order["lines"][0]["tax_rate_percent"], "8.875");
  EXPECT_EQ(order["lines"][0]["tax_amount"], "8.88");
  EXPECT_FALSE(order.contains("tax_exemption"));
  auto shown = Call("sales", "GET", "/api/v1/orders/" + order["number"].get<std::string>());
  EXPECT_EQ(shown.Json()["tax"], "8.88");
  auto credit = Call("sales", "GET", "/api/v1/customers/C-NY/credit");
  EXPECT_EQ(credit.Json()["open_orders"], "108.88");

  // With a certificate valid today, nothing is taxed and the order says why.
  ASSERT_EQ(AddCertificate("NY", "NY-EX-77", "2026-03-02").status, 201);
  json exempt = PlaceTenWidgets();
  EXPECT_EQ(exempt["tax"], "0.00");
  EXPECT_EQ(exempt["tax_exemption"], "NY-EX-77");
  EXPECT_EQ(exempt["lines"][0]["tax_rate_percent"], "0");
  auto exempt_quote = Call("sales", "POST", "/api/v1/pricing/quote",
                           R"({"customer": "C-NY", "ship_to": "MAIN",
                               "lines": [{"sku": "WID-200", "quantity": 10}]})");
  EXPECT_EQ(exempt_quote.Json()["tax"], "0.00");
  EXPECT_EQ(exempt_quote.Json()["tax_exemption"], "NY-EX-77");
  // The quote's date is the day taxed as well as priced: after the expiry, taxed again.
  auto later_quote = Call("sales", "POST", "/api/v1/pricing/quote",
                          R"({"customer": "C-NY", "ship_to": "MAIN", "date": "2026-03-03",
                              "lines": [{"sku": "WID-200", "quantity": 10}]})");
  ASSERT_EQ(later_quote.status, 200) << later_quote.body;
  EXPECT_EQ(later_quote.Json()["date"], "2026-03-03");
  EXPECT_EQ(later_quote.Json()["tax"], "8.88");
  EXPECT_TRUE(later_quote.Json()["tax_exemption"].is_null());

  // A certificate that expired yesterday exempts nothing: taxed again.
  const std::string id =
      std::to_string(Call("sales", "GET", "/api/v1/customers/C-NY/tax-exemptions")
                         .Json()["items"][0]["id"]
                         .get<int64_t>());
  ASSERT_EQ(Call("arclerk", "DELETE", "/api/v1/customers/C-NY/tax-exemptions/" + id).status, 204);
  ASSERT_EQ(AddCertificate("NY", "NY-EX-76", "2026-03-01").status, 201);
  json taxed = PlaceTenWidgets();
  EXPECT_EQ(taxed["tax"], "8.88");
  EXPECT_FALSE(taxed.contains("tax_exemption"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(TaxExemptionsApiTest, PortalUsersSeeTheirOrdersTax) {
  // The portal user's customer C-1 ships to NY.
  ASSERT_EQ(Call("admin", "PATCH", "/api/v1/customers/C-1",
                 R"({"ship_to": [{"code": "MAIN", "region": "NY"}]})")
                .status,
            200);
  auto r = Call("portal", "POST", "/api/v1/orders",
                R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1}]})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["tax"], "0.89");  // 0.8875
  EXPECT_EQ(r.Json()["lines"][0]["tax_amount"], "0.89");
  EXPECT_EQ(r.Json()["total"], "10.89");
  auto shown = Call("portal", "GET", "/api/v1/orders/" + r.Json()["number"].get<std::string>());
  EXPECT_EQ(shown.Json()["tax"], "0.89");
}

}  // namespace
}  // namespace ordo::api::testing
