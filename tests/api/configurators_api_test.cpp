// Configurators over real HTTP: GET/POST /api/v1/configurators, GET/PUT
// /api/v1/configurators/{ref} (If-Match), POST /api/v1/configurators/{ref}/evaluate. A model is
// checked as a whole, and the evaluation offers only choices that lead to a product. Configured
// lines placed, priced by the desk's quote and added by an order change.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/api_fixture.h"
#include "support/pdf_text.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

// Size S is WID-100, M is WID-200, L is OLD-1 (not sold any more); small tubs are never blue,
// and blue ones need the lid.
const char* kTub = R"({
  "code": "TUB", "name": "Storage tub",
  "questions": [
    {"code": "size", "label": "Size", "values": [
      {"code": "S", "label": "Small"}, {"code": "M", "label": "Medium", "price_adjustment": "2.00"},
      {"code": "L", "label": "Large"}]},
    {"code": "color", "label": "Color", "required": true, "values": [
      {"code": "red", "label": "Red"}, {"code": "blue", "label": "Blue", "price_adjustment": 1.5}]},
    {"code": "extra", "label": "Extra", "required": false, "values": [
      {"code": "lid", "label": "Lid", "price_adjustment": "5"}]}],
  "constraints": [
    {"when": {"question": "size", "value": "S"}, "kind": "excludes",
     "then": {"question": "color", "values": ["blue"]}},
    {"when": {"question": "color", "value": "blue"}, "kind": "requires",
     "then": {"question": "extra", "values": ["lid"]}}],
  "sku_rules": [
    {"sku": "WID-100", "when": {"size": "S"}}, {"sku": "WID-200", "when": {"size": "M"}},
    {"sku": "OLD-1", "when": {"size": "L"}}]
})";

class ConfiguratorsApiTest : public ApiTest {
 protected:
  ClientResponse CreateTub() { return Call("manager", "POST", "/api/v1/configurators", kTub); }

  ClientResponse Evaluate(const std::string& answers, const std::string& user = "sales") {
    return Call(user, "POST", "/api/v1/configurators/TUB/evaluate",
                R"({"answers": )" + answers + "}");
  }

  static std::vector<std::string> Choices(const ClientResponse& r) {
    std::vector<std::string> out;
    const json body = r.Json();
    for (const auto& c : body["next_question"]["choices"]) out.push_back(c["code"]);
    return out;
  }

  static std::set<std::string> Fields(const ClientResponse& r) {
    std::set<std::string> out;
    const json body = r.Json();
    for (const auto& e : body["errors"]) {
      out.insert(e["field"].get<std::string>() + " " + e["code"].get<std::string>());
    }
    return out;
  }
};

TEST_F(ConfiguratorsApiTest, CreateShowListAndReplace) {
  auto created = CreateTub();
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Header("Location").value_or(""), "/api/v1/configurators/TUB");
  EXPECT_EQ(created.Header("ETag").value_or(""), "\"1\"");
  json model = created.Json();
  EXPECT_EQ(model["version"], 1);
  EXPECT_EQ(model["questions"][1]["values"][1]["price_adjustment"], "1.50");
  EXPECT_EQ(model["questions"][0]["required"], true);
  EXPECT_EQ(model["questions"][2]["required"], false);

  auto shown = Call("sales", "GET", "/api/v1/configurators/TUB");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.Json(), model);
  auto by_id = Call("integration", "GET",
                    "/api/v1/configurators/" + std::to_string(model["id"].get<int64_t>()));
  EXPECT_EQ(by_id.Json(), model);
  auto list = Call("sales", "GET", "/api/v1/configurators");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.Json()["items"], json::array({model}));

  // What was read goes back with a change; its id and version are ignored, If-Match counts.
  json changed = model;
  changed["name"] = "Stacking tub";
  changed["constraints"] = json::array();
  auto replaced =
      Call("manager", "PUT", "/api/v1/configurators/TUB", changed.dump(), {{"If-Match", "\"1\""}});
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.Json()["version"], 2);
  EXPECT_EQ(replaced.Json()["name"], "Stacking tub");
  EXPECT_EQ(replaced.Header("ETag").value_or(""), "\"2\"");
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(
      Call("manager", "PUT", "/api/v1/configurators/TUB", changed.dump(), {{"If-Match", "\"1\""}}),
      412, "precondition_failed"));
  changed["code"] = "BUCKET";
  auto renamed = Call("manager", "PUT", "/api/v1/configurators/TUB", changed.dump());
  ASSERT_TRUE(IsProblem(renamed, 400, "invalid_argument"));
  EXPECT_EQ(Fields(renamed), (std::set<std::string>{"code read_only"}));
  EXPECT_TRUE(
      IsProblem(Call("manager", "PUT", "/api/v1/configurators/NOPE", kTub), 404, "not_found"));
  EXPECT_TRUE(IsProblem(CreateTub(), 409, "conflict"));
  EXPECT_EQ(db_.Snapshot(), before);

  auto audit = Call(
      "manager", "GET",
      "/api/v1/audit?entity=configurator&entity_id=" + std::to_string(model["id"].get<int64_t>()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.Json()["items"].size(), 2u);
}

TEST_F(ConfiguratorsApiTest, AModelIsCheckedAsAWholeAndEveryProblemNamed) {
  json bad = json::parse(kTub);
  bad["questions"][1]["code"] = "size";                         // a duplicate
  bad["questions"][0]["values"][0]["price_adjustment"] = "-1";  // negative
  bad["constraints"][0]["kind"] = "forbids";                    // no such kind
  bad["constraints"][1]["then"]["question"] = "handle";         // no such question
  bad["sku_rules"][1]["sku"] = "NOPE-9";                        // no such item
  bad["sku_rules"][0]["when"] = {{"size", "XS"}};               // no such value
  bad["colour"] = "red";
  auto before = db_.Snapshot();
  auto r = Call("manager", "POST", "/api/v1/configurators", bad.dump());
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(Fields(r),
            (std::set<std::string>{"colour unknown_field", "constraints/0/kind invalid_value"}))
      << "the body's own problems come first, before the model's rules";
  bad.erase("colour");
  bad["constraints"][0]["kind"] = "excludes";
  r = Call("manager", "POST", "/api/v1/configurators", bad.dump());
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(Fields(r), (std::set<std::string>{
                           "questions/1/code duplicate",
                           "questions/0/values/0/price_adjustment out_of_range",
                           "constraints/0/then/question unknown_question",
                           "constraints/1/when/question unknown_question",
                           "constraints/1/then/question unknown_question",
                           "sku_rules/0/when/size unknown_value",
                           "sku_rules/1/sku unknown_sku",
                       }))
      << r.body;

  // Every SKU an item, but none of them sold: an active model that makes no product.
  json unsold = json::parse(kTub);
  unsold["sku_rules"] = json::parse(R"([{"sku": "OLD-1"}])");
  r = Call("manager", "POST", "/api/v1/configurators", unsold.dump());
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(Fields(r), (std::set<std::string>{"sku_rules no_valid_configuration"}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ConfiguratorsApiTest, EvaluationOffersOnlyChoicesThatLeadToAProduct) {
  ASSERT_EQ(CreateTub().status, 201);
  auto first = Evaluate("{}");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Json()["complete"], false);
  EXPECT_EQ(first.Json()["next_question"]["code"], "size");
  EXPECT_EQ(Choices(first), (std::vector<std::string>{"S", "M"})) << "L's SKU is not sold";
  EXPECT_EQ(Call("sales", "POST", "/api/v1/configurators/TUB/evaluate", "").status, 200)
      << "no body is no answers";

  EXPECT_EQ(Choices(Evaluate(R"({"size": "S"})")), (std::vector<std::string>{"red"}));
  auto blue = Evaluate(R"({"size": "M", "color": "blue"})");
  EXPECT_EQ(Choices(blue), (std::vector<std::string>{"lid"}));
  EXPECT_EQ(blue.Json()["next_question"]["none_allowed"], false);
  auto red = Evaluate(R"({"size": "M", "color": "red"})");
  EXPECT_EQ(red.Json()["next_question"]["none_allowed"], true);

  auto done = Evaluate(R"({"size": "M", "color": "blue", "extra": "lid"})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["complete"], true);
  EXPECT_EQ(done.Json()["next_question"], nullptr);
  EXPECT_EQ(done.Json()["result"], json::parse(R"({"sku": "WID-200", "price_adjustment": "8.50",
      "description": "Size: Medium; Color: Blue; Extra: Lid"})"));
  auto none = Evaluate(R"({"size": "S", "color": "red", "extra": null})");
  EXPECT_EQ(none.Json()["result"]["sku"], "WID-100");
  EXPECT_EQ(none.Json()["answers"][2]["value"], nullptr);
}

TEST_F(ConfiguratorsApiTest, BadAnswersAre422AtTheirQuestion) {
  ASSERT_EQ(CreateTub().status, 201);
  struct Case {
    const char* answers;
    std::set<std::string> fields;
  } cases[] = {
      {R"({"size": "L"})", {"answers/size not_available"}},
      {R"({"size": "S", "color": "blue"})", {"answers/color not_available"}},
      {R"({"color": "blue", "extra": null})", {"answers/extra not_available"}},
      {R"({"size": null, "weight": "9", "color": "green"})",
       {"answers/size required", "answers/weight unknown_question", "answers/color unknown_value"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.answers);
    auto r = Evaluate(c.answers);
    ASSERT_TRUE(IsProblem(r, 422, "invalid_configuration"));
    EXPECT_EQ(Fields(r), c.fields);
  }
  auto malformed = Evaluate(R"({"size": 3, "color": ""})");
  ASSERT_TRUE(IsProblem(malformed, 400, "invalid_argument"));
  EXPECT_EQ(Fields(malformed),
            (std::set<std::string>{"answers/size invalid_type", "answers/color required"}));
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/configurators/NOPE/evaluate", "{}"), 404,
                        "not_found"));

  json inactive = json::parse(kTub);
  inactive["active"] = false;
  ASSERT_EQ(Call("manager", "PUT", "/api/v1/configurators/TUB", inactive.dump()).status, 200);
  EXPECT_TRUE(IsProblem(Evaluate("{}"), 409, "invalid_state"));
}

TEST_F(ConfiguratorsApiTest, OrderEntryReadsTheSalesManagerWrites) {
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/configurators"), 401, "unauthenticated"));
  for (const char* user : {"sales", "warehouse", "arclerk", "integration", "portal"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/configurators", kTub), 403, "forbidden"))
        << user;
  }
  EXPECT_EQ(db_.Snapshot(), before);
  ASSERT_EQ(Call("admin", "POST", "/api/v1/configurators", kTub).status, 201);
  for (const char* user : {"warehouse", "arclerk", "portal"}) {
    EXPECT_TRUE(IsProblem(Call(user, "GET", "/api/v1/configurators/TUB"), 403, "forbidden"))
        << user;
    EXPECT_TRUE(IsProblem(Evaluate("{}", user), 403, "forbidden")) << user;
  }
  EXPECT_TRUE(IsProblem(Call("sales", "PUT", "/api/v1/configurators/TUB", kTub), 403, "forbidden"));
}

TEST_F(ConfiguratorsApiTest, ARetriedCreateAnswersTheFirstResponse) {
  HeaderList key = {{"Idempotency-Key", "tub-1"}};
  auto first = Call("manager", "POST", "/api/v1/configurators", kTub, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call("manager", "POST", "/api/v1/configurators", kTub, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(db_.Count("configurators"), 1);
}

TEST_F(ConfiguratorsApiTest, AConfiguredLineIsOrderedShownAndPrinted) {
  ASSERT_EQ(CreateTub().status, 201);
  const std::string line = R"({"quantity": 2, "configuration": {"configurator": "TUB",
      "answers": {"size": "M", "color": "blue", "extra": "lid"}}})";
  auto placed =
      Call("sales", "POST", "/api/v1/orders", R"({"customer": "C-1", "lines": [)" + line + "]}");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const json order = placed.Json();
  const json expected = json::parse(R"({"configurator": "TUB",
      "answers": {"size": "M", "color": "blue", "extra": "lid"},
      "description": "Size: Medium; Color: Blue; Extra: Lid"})");
  EXPECT_EQ(order["lines"][0]["sku"], "WID-200");
  EXPECT_EQ(order["lines"][0]["unit_price"], "18.5000");  // 10.00 + 8.50
  EXPECT_EQ(order["lines"][0]["price_source"], "configured");
  EXPECT_EQ(order["lines"][0]["extended_amount"], "37.00");
  EXPECT_EQ(order["lines"][0]["configuration"], expected);
  auto shown = Call("sales", "GET", "/api/v1/orders/" + order["number"].get<std::string>());
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.Json()["lines"][0]["configuration"], expected);

  auto incomplete = Call("sales", "POST", "/api/v1/orders",
                         R"({"customer": "C-1", "lines": [{"quantity": 1, "configuration":
                             {"configurator": "TUB", "answers": {"size": "M"}}}]})");
  ASSERT_TRUE(IsProblem(incomplete, 400, "invalid_argument"));
  EXPECT_EQ(Fields(incomplete),
            (std::set<std::string>{"lines/0/configuration/answers/color incomplete"}));

  ASSERT_EQ(Call("warehouse", "POST", "/api/v1/shipments",
                 R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": "W1"})")
                .status,
            201);
  auto slip = Call("warehouse", "GET", "/api/v1/shipments/SH-000001/packing-slip.pdf");
  ASSERT_EQ(slip.status, 200);
  std::string text = test_support::ExtractPdfText(slip.body);
  for (const char* printed : {"Medium", "Blue", "Lid"}) {
    EXPECT_NE(text.find(printed), std::string::npos) << printed << " in " << text;
  }
}

// An order change adds a configured line as placement does (its SKU, price and answers from the
// configuration); the line's quantity changes later at its configured price, and its
// configuration never changes.
TEST_F(ConfiguratorsApiTest, AnOrderChangeAddsAConfiguredLine) {
  ASSERT_EQ(CreateTub().status, 201);
  auto placed = Call("sales", "POST", "/api/v1/orders",
                     R"({"customer": "C-1", "lines": [{"sku": "WID-100", "quantity": 1}]})");
  ASSERT_EQ(placed.status, 201) << placed.body;
  const std::string path = "/api/v1/orders/" + placed.Json()["number"].get<std::string>();
  auto change = [&](const std::string& body, int version) {
    return Call("sales", "PATCH", path, body,
                {{"If-Match", "\"" + std::to_string(version) + "\""}});
  };

  auto incomplete = change(R"({"lines": [{"quantity": 1, "configuration":
                               {"configurator": "TUB", "answers": {"size": "M"}}}]})",
                           1);
  ASSERT_TRUE(IsProblem(incomplete, 400, "invalid_argument"));
  EXPECT_EQ(Fields(incomplete),
            (std::set<std::string>{"lines/0/configuration/answers/color incomplete"}));
  auto both = change(R"({"lines": [{"sku": "WID-100", "quantity": 1, "configuration":
                         {"configurator": "TUB", "answers": {"size": "S", "color": "red"}}}]})",
                     1);
  ASSERT_TRUE(IsProblem(both, 400, "invalid_argument"));
  EXPECT_EQ(Fields(both), (std::set<std::string>{"lines/0/configuration conflicting_fields"}));
  EXPECT_EQ(Call("sales", "GET", path).Json()["version"], 1) << "a refused change changes nothing";

  auto added = change(R"({"lines": [{"quantity": 2, "configuration": {"configurator": "TUB",
                          "answers": {"size": "M", "color": "blue", "extra": "lid"}}}]})",
                      1);
  ASSERT_EQ(added.status, 200) << added.body;
  json line = added.Json()["lines"][1];
  EXPECT_EQ(line["line_no"], 2);
  EXPECT_EQ(line["sku"], "WID-200");
  EXPECT_EQ(line["unit_price"], "18.5000");  // 10.00 + 8.50, as placed
  EXPECT_EQ(line["price_source"], "configured");
  EXPECT_EQ(line["configuration"]["description"], "Size: Medium; Color: Blue; Extra: Lid");
  EXPECT_EQ(added.Json()["subtotal"], "39.50");  // 2.50 + 37.00

  auto more = change(R"({"lines": [{"line_no": 2, "quantity": 3}]})", 2);
  ASSERT_EQ(more.status, 200) << more.body;
  EXPECT_EQ(more.Json()["lines"][1]["unit_price"], "18.5000");
  EXPECT_EQ(more.Json()["lines"][1]["extended_amount"], "55.50");
  EXPECT_EQ(more.Json()["lines"][1]["configuration"], line["configuration"]);

  auto reconfigured = change(R"({"lines": [{"line_no": 2, "configuration": {"configurator":
                                 "TUB", "answers": {"size": "S", "color": "red"}}}]})",
                             3);
  ASSERT_TRUE(IsProblem(reconfigured, 400, "invalid_argument"));
  EXPECT_EQ(Fields(reconfigured), (std::set<std::string>{"lines/0/configuration not_changeable"}));
}

// A sales quote keeps a configured line's answers and prints them on its PDF.
TEST_F(ConfiguratorsApiTest, AQuotedConfiguredLineIsPrinted) {
  ASSERT_EQ(CreateTub().status, 201);
  auto created = Call("sales", "POST", "/api/v1/quotes",
                      R"({"customer": "C-1", "lines": [{"quantity": 2, "configuration":
                          {"configurator": "TUB", "answers": {"size": "M", "color": "blue",
                          "extra": "lid"}}}]})");
  ASSERT_EQ(created.status, 201) << created.body;
  const json quote = created.Json();
  EXPECT_EQ(quote["lines"][0]["configuration"]["description"],
            "Size: Medium; Color: Blue; Extra: Lid");
  auto pdf = Call("sales", "GET", "/api/v1/quotes/" + quote["number"].get<std::string>() + ".pdf");
  ASSERT_EQ(pdf.status, 200);
  std::string text = test_support::ExtractPdfText(pdf.body);
  for (const char* printed : {"Medium", "Blue", "Lid"}) {
    EXPECT_NE(text.find(printed), std::string::npos) << printed << " in " << text;
  }
}

// The desk's price quote prices a configured line as the order does, and keeps its problems
// with the line while the other lines are priced.
TEST_F(ConfiguratorsApiTest, AQuotePricesAConfiguredLineAsTheOrderDoes) {
  ASSERT_EQ(CreateTub().status, 201);
  auto quote = Call("sales", "POST", "/api/v1/pricing/quote",
                    R"({"customer": "C-1", "lines": [
                        {"quantity": 2, "configuration": {"configurator": "TUB",
                         "answers": {"size": "M", "color": "blue", "extra": "lid"}}},
                        {"quantity": 1, "configuration": {"configurator": "TUB",
                         "answers": {"size": "M"}}},
                        {"sku": "WID-200", "quantity": 1}]})");
  ASSERT_EQ(quote.status, 200) << quote.body;
  const json q = quote.Json();
  EXPECT_EQ(q["lines"][0]["sku"], "WID-200");
  EXPECT_EQ(q["lines"][0]["unit_price"], "18.5000");  // 10.00 + 8.50, as the order above
  EXPECT_EQ(q["lines"][0]["price_source"], "configured");
  EXPECT_EQ(q["lines"][0]["price_explanation"], "list price 10.00, then the configuration's +8.50");
  EXPECT_EQ(q["lines"][0]["extended_amount"], "37.00");
  EXPECT_EQ(q["lines"][0]["configuration"]["description"], "Size: Medium; Color: Blue; Extra: Lid");
  EXPECT_TRUE(q["lines"][0]["errors"].empty());
  ASSERT_EQ(q["lines"][1]["errors"].size(), 1u) << q["lines"][1];
  EXPECT_EQ(q["lines"][1]["errors"][0]["field"], "lines/1/configuration/answers/color");
  EXPECT_EQ(q["lines"][1]["errors"][0]["code"], "incomplete");
  EXPECT_TRUE(q["lines"][1]["unit_price"].is_null());
  EXPECT_EQ(q["lines"][2]["unit_price"], "10.0000");
  EXPECT_EQ(q["subtotal"], "47.00");

  // The same basket placed: the same price and explanation.
  auto placed = Call("sales", "POST", "/api/v1/orders",
                     R"({"customer": "C-1", "lines": [{"quantity": 2, "configuration":
                         {"configurator": "TUB", "answers": {"size": "M", "color": "blue",
                         "extra": "lid"}}}]})");
  ASSERT_EQ(placed.status, 201) << placed.body;
  EXPECT_EQ(placed.Json()["lines"][0]["price_explanation"], q["lines"][0]["price_explanation"]);

  auto both = Call("sales", "POST", "/api/v1/pricing/quote",
                   R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1,
                       "configuration": {"configurator": "TUB", "answers": {}}}]})");
  EXPECT_TRUE(IsProblem(both, 400, "invalid_argument")) << both.body;
}

}  // namespace
}  // namespace ordo::api::testing
