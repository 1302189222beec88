// Text fields over HTTP (issue 12): limits count characters, not bytes; control characters
// are refused naming the field; and an order whose every printed text is as long as its field
// allows ships, and its packing slip and invoice print (a 65,535-character carrier once made
// the packing slip answer 500 forever).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "api/orders_fixture.h"
#include "core/text_limits.h"
#include "support/pdf_text.h"

namespace ordo::api::testing {
namespace {

namespace tl = text_limits;
using nlohmann::json;

// `first` (ASCII), then "ü" up to `limit.max_chars` characters in all (two bytes each).
std::string Longest(const std::string& first, TextLimit limit) {
  std::string out = first;
  for (size_t i = first.size(); i < limit.max_chars; ++i) out += "ü";
  return out;
}

class TextFieldsApiTest : public OrdersApiTest {};

TEST_F(TextFieldsApiTest, APoNumberOf64UmlautsIsAcceptedAnd65AreRefused) {
  const std::string line = R"([{"sku": "WID-100", "quantity": 1}])";
  json accepted = Place(
      "sales", OrderBody("C-1", line, R"(, "po_number": ")" + Longest("", tl::kPoNumber) + R"(")"));
  EXPECT_EQ(accepted.value("po_number", ""), Longest("", tl::kPoNumber));

  auto before = db_.Snapshot();
  auto refused = Call("sales", "POST", "/api/v1/orders",
                      OrderBody("C-1", line, R"(, "po_number": ")" + Longest("", {65}) + R"(")"));
  EXPECT_TRUE(IsProblem(refused, 400, "invalid_argument")) << refused.body;
  EXPECT_EQ(FieldErrors(refused),
            (std::set<std::pair<std::string, std::string>>{{"po_number", "too_long"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(TextFieldsApiTest, ControlCharactersAreRefusedNamingEachField) {
  auto before = db_.Snapshot();
  auto order = Call("sales", "POST", "/api/v1/orders",
                    R"({"customer": "C-1", "po_number": "PO\u0000 1",
                        "lines": [{"sku": "WID-100", "quantity": 1, "unit_price": "1.00",
                                   "override_reason": "rush\u009b"}]})");
  EXPECT_TRUE(IsProblem(order, 400, "invalid_argument")) << order.body;
  EXPECT_EQ(FieldErrors(order),
            (std::set<std::pair<std::string, std::string>>{
                {"po_number", "invalid_text"}, {"lines/0/override_reason", "invalid_text"}}));
  auto item = Call("admin", "POST", "/api/v1/items",
                   R"({"sku": "NEW-1", "name": "Widget\nred", "list_price": "1.00"})");
  EXPECT_EQ(FieldErrors(item),
            (std::set<std::pair<std::string, std::string>>{{"name", "invalid_text"}}));
  auto adjustment = Call("admin", "POST", "/api/v1/inventory/adjustments",
                         R"({"warehouse": "W1", "sku": "WID-100", "quantity_delta": 1,
                             "reason": "count\u007f"})");
  EXPECT_EQ(FieldErrors(adjustment),
            (std::set<std::pair<std::string, std::string>>{{"reason", "invalid_text"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(TextFieldsApiTest, AnOrderWithTheLongestTextShipsAndItsDocumentsPrint) {
  json customer = {{"code", Longest("C-LONG", tl::kCustomerCode)},
                   {"name", Longest("Name", tl::kCustomerName)},
                   {"credit_limit", "100000.00"},
                   {"salesperson", Longest("Rep", tl::kSalesperson)},
                   {"bill_to",
                    {{"line1", Longest("Bill", tl::kAddressLine)},
                     {"city", Longest("City", tl::kCity)},
                     {"region", Longest("Region", tl::kRegion)},
                     {"postal_code", Longest("Zip", tl::kPostalCode)},
                     {"country", Longest("Country", tl::kCountry)}}},
                   {"ship_to",
                    {{{"code", Longest("ST", tl::kShipToCode)},
                      {"name", Longest("Dock", tl::kShipToName)},
                      {"line1", Longest("Line", tl::kAddressLine)},
                      {"city", Longest("Town", tl::kCity)},
                      {"region", Longest("State", tl::kRegion)},
                      {"postal_code", Longest("Post", tl::kPostalCode)},
                      {"country", Longest("Land", tl::kCountry)}}}}};
  auto created = Call("manager", "POST", "/api/v1/customers", customer.dump());
  ASSERT_EQ(created.status, 201) << created.body;

  json order_body = {{"customer", customer["code"]},
                     {"ship_to", customer["ship_to"][0]["code"]},
                     {"po_number", Longest("PO", tl::kPoNumber)},
                     {"lines",
                      {{{"sku", "WID-100"},
                        {"quantity", 2},
                        {"unit_price", "2.00"},
                        {"override_reason", Longest("Why", tl::kOverrideReason)}}}}};
  json order = Place("sales", order_body.dump());
  ASSERT_TRUE(order.contains("number"));
  auto pick = Call("warehouse", "POST", "/api/v1/shipments",
                   json{{"order", order["number"]}, {"warehouse", "W1"}}.dump());
  ASSERT_EQ(pick.status, 201) << pick.body;
  const std::string shipment = "/api/v1/shipments/" + pick.Json()["number"].get<std::string>();
  json confirmation = {{"carrier", Longest("Carrier", tl::kCarrier)},
                       {"service", Longest("Service", tl::kCarrierService)},
                       {"tracking_number", Longest("Track", tl::kTrackingNumber)},
                       {"packages", {{{"weight", "1.5"}}}}};
  auto shipped = Call("warehouse", "POST", shipment + "/confirm", confirmation.dump());
  ASSERT_EQ(shipped.status, 200) << shipped.body;

  auto slip = Call("warehouse", "GET", shipment + "/packing-slip.pdf");
  ASSERT_EQ(slip.status, 200) << slip.body;
  std::string slip_text = test_support::ExtractPdfText(slip.body);
  EXPECT_THAT(slip_text, ::testing::HasSubstr("Carrier | Carrierüü"));
  EXPECT_THAT(slip_text, ::testing::HasSubstr("…"));

  auto invoice = Call("arclerk", "GET", "/api/v1/invoices/IN-000001.pdf");
  ASSERT_EQ(invoice.status, 200) << invoice.body;
  std::string invoice_text = test_support::ExtractPdfText(invoice.body);
  EXPECT_THAT(invoice_text, ::testing::HasSubstr("PO number | POüü"));
  EXPECT_THAT(invoice_text, ::testing::HasSubstr("…"));
  EXPECT_TRUE(Consistent());
}

}  // namespace
}  // namespace ordo::api::testing
