// The whole cycle from order to cash and back, over real HTTP, as the people who do each step
// would: an order is placed, shipped in part (invoice one), the rest arrives and ships
// (invoice two), the customer pays part, the aging shows what is left, it pays the rest
// within the discount window, returns one line, gets a credit memo and a refund. Every
// document, balance and ledger account is checked on the way, and the invariants at the end.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class OrderToCashTest : public OrdersApiTest {
 protected:
  void SetUp() override {
    OrdersApiTest::SetUp();
    customers::NewCustomer acme = test_support::SimpleCustomer("ACME", "10000.00", "W1");
    acme.ship_tos[0].address.region = "NY";
    acme.payment_terms = "2/10NET30";
    db_.AddCustomer(acme);
  }

  json Ok(const std::string& user, const std::string& method, const std::string& target,
          const std::string& body = "", int status = 200) {
    auto r = Call(user, method, target, body);
    EXPECT_EQ(r.status, status) << method << " " << target << ": " << r.body;
    return r.status == status ? r.Json() : json::object();
  }

  // Balance (debit - credit) per account of the trial balance.
  std::map<std::string, std::string> Ledger() {
    auto tb = Ok("arclerk", "GET", "/api/v1/ledger/trial-balance");
    EXPECT_EQ(tb["balanced"], true) << tb.dump();
    std::map<std::string, std::string> out;
    for (const auto& a : tb["accounts"]) out[a["account"]] = a["balance"];
    return out;
  }

  std::string Receivable() {
    return Ok("arclerk", "GET", "/api/v1/customers/ACME/credit")["open_receivables"];
  }
};

TEST_F(OrderToCashTest, FromOrderToCashAndBack) {
  Ok("admin", "POST", "/api/v1/tax-rates",
     R"({"region": "NY", "tax_class": "standard", "rate_percent": "8.875"})");

  // Order: 30 WID-100 at 2.50 and 5 WID-200 at 10.00, allocated in W1.
  json order = Ok("sales", "POST", "/api/v1/orders",
                  OrderBody("ACME", R"([{"sku": "WID-100", "quantity": 30},
                                        {"sku": "WID-200", "quantity": 5}])",
                            R"(, "po_number": "PO-77")"),
                  201);
  EXPECT_EQ(order["status"], "open");
  EXPECT_EQ(order["subtotal"], "125.00");
  const std::string so = order["number"];

  // Partial shipment: the picker finds only 20 of the 30; freight 8.00.
  json pick = Ok("warehouse", "POST", "/api/v1/shipments",
                 R"({"order": ")" + so + R"(", "warehouse": "W1"})", 201);
  json shipped =
      Ok("warehouse", "POST", "/api/v1/shipments/" + pick["number"].get<std::string>() + "/confirm",
         R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z1",
             "packages": [{"weight": "7.5"}], "freight": "8.00",
             "lines": [{"line_no": 1, "quantity": 20}]})");
  EXPECT_EQ(shipped["invoice"], "IN-000001");
  json in1 = Ok("arclerk", "GET", "/api/v1/invoices/IN-000001");
  EXPECT_EQ(in1["lines"].size(), 2u);
  EXPECT_EQ(in1["lines"][0]["quantity"], 20);
  EXPECT_EQ(in1["lines"][0]["extended_amount"], "50.00");
  EXPECT_EQ(in1["lines"][0]["tax"], "4.44");  // 4.4375
  EXPECT_EQ(in1["lines"][1]["tax"], "4.44");
  EXPECT_EQ(in1["subtotal"], "100.00");
  EXPECT_EQ(in1["tax"], "8.88");
  EXPECT_EQ(in1["freight"], "8.00");
  EXPECT_EQ(in1["total"], "116.88");
  EXPECT_EQ(in1["due_date"], "2026-04-01");
  EXPECT_EQ(in1["discount_date"], "2026-03-12");
  json after_first = Ok("sales", "GET", "/api/v1/orders/" + so);
  EXPECT_EQ(after_first["status"], "partially_shipped");
  EXPECT_EQ(after_first["lines"][0]["quantity_backordered"], 10);
  EXPECT_EQ(Receivable(), "116.88");

  // The rest arrives: the receipt releases the backorder, the second shipment ships it.
  Ok("warehouse", "POST", "/api/v1/inventory/receipts",
     R"({"warehouse": "W1", "reference": "PO-9001", "lines": [{"sku": "WID-100", "quantity": 10}]})",
     201);
  EXPECT_EQ(Ok("sales", "GET", "/api/v1/orders/" + so)["lines"][0]["quantity_allocated"], 10);
  json pick2 = Ok("warehouse", "POST", "/api/v1/shipments",
                  R"({"order": ")" + so + R"(", "warehouse": "W1"})", 201);
  EXPECT_EQ(pick2["lines"].size(), 1u);
  json shipped2 = Ok("warehouse", "POST",
                     "/api/v1/shipments/" + pick2["number"].get<std::string>() + "/confirm",
                     R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z2",
                         "packages": [{"weight": 3}]})");
  EXPECT_EQ(shipped2["invoice"], "IN-000002");
  json in2 = Ok("arclerk", "GET", "/api/v1/invoices/IN-000002");
  EXPECT_EQ(in2["total"], "27.22");  // 25.00 + 2.21875 tax
  EXPECT_EQ(Ok("sales", "GET", "/api/v1/orders/" + so)["status"], "invoiced");
  EXPECT_EQ(Receivable(), "144.10");

  // A partial payment; the aging shows the remainder, current now and 1-30 past due later.
  json pm1 = Ok("arclerk", "POST", "/api/v1/payments",
                R"({"customer": "ACME", "amount": "50.00", "method": "check", "reference": "1001",
                    "applications": [{"invoice": "IN-000001", "amount": "50.00"}]})",
                201);
  EXPECT_EQ(pm1["unapplied"], "0.00");
  EXPECT_EQ(Ok("arclerk", "GET", "/api/v1/invoices/IN-000001")["balance"], "66.88");
  json aging = Ok("arclerk", "GET", "/api/v1/ar/aging?customer=ACME");
  EXPECT_EQ(aging["totals"]["current"], "94.10");
  EXPECT_EQ(aging["totals"]["total"], "94.10");
  json later = Ok("arclerk", "GET", "/api/v1/ar/aging?customer=ACME&as_of=2026-04-15");
  EXPECT_EQ(later["totals"]["d1_30"], "94.10");

  // The rest, within the discount window: 2% of each invoice's total.
  json pm2 = Ok("arclerk", "POST", "/api/v1/payments",
                R"({"customer": "ACME", "amount": "91.22", "method": "ach", "reference": "ACH-5",
                    "received_date": "2026-03-02",
                    "applications": [{"invoice": "IN-000001", "amount": "64.54", "discount": "2.34"},
                                     {"invoice": "IN-000002", "amount": "26.68", "discount": "0.54"}]})",
                201);
  EXPECT_EQ(pm2["applied"], "91.22");
  EXPECT_EQ(Ok("arclerk", "GET", "/api/v1/invoices/IN-000001")["status"], "paid");
  EXPECT_EQ(Ok("arclerk", "GET", "/api/v1/invoices/IN-000002")["discount_taken"], "0.54");
  EXPECT_EQ(Ok("sales", "GET", "/api/v1/orders/" + so)["status"], "closed");
  EXPECT_EQ(Receivable(), "0.00");
  EXPECT_EQ(Ok("arclerk", "GET", "/api/v1/ar/aging?customer=ACME")["totals"]["total"], "0.00");

  // Two WID-200 come back damaged: an RMA against the first invoice, received to stock.
  json rma = Ok("sales", "POST", "/api/v1/returns",
                R"({"invoice": "IN-000001", "lines": [{"line_no": 2, "quantity": 2,
                    "reason": "damaged"}]})",
                201);
  EXPECT_EQ(rma["number"], "RA-000001");
  EXPECT_EQ(rma["status"], "authorized");
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/returns",
                             R"({"invoice": "IN-000001", "lines": [{"line_no": 2, "quantity": 4,
                                 "reason": "damaged"}]})"),
                        400, "invalid_argument"));  // only 3 more could come back
  int64_t on_hand = db_.Stock("WID-200", "W1").on_hand;
  json received = Ok("warehouse", "POST", "/api/v1/returns/RA-000001/receive",
                     R"({"warehouse": "W1", "lines": [{"line_no": 2, "quantity": 2,
                         "disposition": "restock"}]})");
  EXPECT_EQ(received["status"], "received");
  EXPECT_EQ(db_.Stock("WID-200", "W1").on_hand, on_hand + 2);
  json memo = received["credit_memo"];
  EXPECT_EQ(memo["number"], "CM-000001");
  EXPECT_EQ(memo["subtotal"], "20.00");
  EXPECT_EQ(memo["tax"], "1.78");  // 1.775, half-even
  // IN-000001 was paid with a 2.34 discount on 116.88: the credit is less by that share.
  EXPECT_EQ(memo["discount_adjustment"], "0.44");  // 21.78 x 2.34 / 116.88 = 0.436
  EXPECT_EQ(memo["total"], "21.34");
  EXPECT_EQ(Receivable(), "-21.34");  // the customer is owed the credit
  EXPECT_EQ(Ok("sales", "GET", "/api/v1/orders/" + so)["lines"][1]["quantity_returned"], 2);

  // The customer wants its money back rather than a credit.
  json refunded = Ok("arclerk", "POST", "/api/v1/credit-memos/CM-000001/refund",
                     R"({"amount": "21.34", "method": "ach", "reference": "RF-1"})");
  EXPECT_EQ(refunded["balance"], "0.00");
  EXPECT_EQ(refunded["status"], "refunded");
  EXPECT_EQ(Receivable(), "0.00");

  // The ledger tells the same story.
  auto ledger = Ledger();
  EXPECT_EQ(ledger["1000"], "119.88");   // cash: 50.00 + 91.22 - 21.34 refunded
  EXPECT_EQ(ledger["1100"], "0.00");     // receivables: nothing owed either way
  EXPECT_EQ(ledger["4000"], "-125.00");  // revenue
  EXPECT_EQ(ledger["4100"], "-8.00");    // freight income
  EXPECT_EQ(ledger["2100"], "-9.32");    // tax: 8.88 + 2.22 - 1.78
  EXPECT_EQ(ledger["4500"], "20.00");    // sales returns
  EXPECT_EQ(ledger["4600"], "2.44");     // discounts allowed: 2.88 less 0.44 given back
  json statement = Ok("portal", "GET", "/api/v1/customers/C-1/statement");  // another customer
  EXPECT_EQ(statement["lines"].size(), 0u);
  json acme = Ok("arclerk", "GET", "/api/v1/customers/ACME/statement");
  EXPECT_EQ(acme["opening_balance"], "0.00");
  EXPECT_EQ(acme["closing_balance"], "0.00");
  std::vector<std::string> kinds;
  for (const auto& l : acme["lines"]) kinds.push_back(l["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"invoice", "invoice", "payment", "payment",
                                             "payment_discount", "payment_discount", "credit_memo",
                                             "refund"}));
  EXPECT_TRUE(Consistent());
}

}  // namespace
}  // namespace ordo::api::testing
