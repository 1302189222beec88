// Fuzzing every write operation with bodies derived from the OpenAPI document's schemas
// (body_fuzzer.h): plausible bodies and hostile ones, sent over real HTTP as an admin, a sales
// user or a portal user. Whatever the body, the server must never answer 5xx; every refusal is
// a problem document with a code; and a refused request writes nothing (the reader's
// `PRAGMA data_version` stands still, which any commit by the server would change). Every
// answer is also held to the document by the fixture (openapi_answers.h).
//
// Bounded by a count, not a clock: ORDO_FUZZ_ROUNDS bodies per operation (default 24) from
// ORDO_FUZZ_SEED (default fixed, so that `make test` is repeatable; a failure prints the seed,
// the operation and the body, which replays it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include "api/body_fuzzer.h"
#include "api/openapi_answers.h"
#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

uint64_t FromEnvironment(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  return text == nullptr ? fallback : std::strtoull(text, nullptr, 10);
}

// The target of `path` with each parameter filled in: "{kind}" names a hold kind, any other
// one the first document of its kind, which the fixture's setup created.
std::string Target(const std::string& path) {
  std::string out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] != '{') {
      out += path[i++];
      continue;
    }
    const size_t close = path.find('}', i);
    out += path.substr(i + 1, close - i - 1) == "kind" ? "credit" : "1";
    i = close + 1;
  }
  return out;
}

std::string Shown(const std::string& body) {
  return body.size() > 300 ? body.substr(0, 300) + "... (" + std::to_string(body.size()) + " bytes)"
                           : body;
}

class FuzzBodiesTest : public OrdersApiTest {
 protected:
  void SetUp() override {
    OrdersApiTest::SetUp();
    // Something for the operations on existing documents to act on: order 1, its pick list
    // (shipment 1) and payment 1.
    json order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
    ASSERT_EQ(Call("warehouse", "POST", "/api/v1/shipments",
                   R"({"order": ")" + order.value("number", "") + R"(", "warehouse": "W1"})")
                  .status,
              201);
    ASSERT_EQ(Call("arclerk", "POST", "/api/v1/payments",
                   R"({"customer": "C-1", "amount": "5.00", "method": "check"})")
                  .status,
              201);
  }

  int64_t DataVersion() { return db_.QueryInt("PRAGMA data_version"); }
};

TEST_F(FuzzBodiesTest, NoBodyMakesAWriteOperationFailOrWriteOnRefusal) {
  const uint64_t seed = FromEnvironment("ORDO_FUZZ_SEED", 20261206);
  const uint64_t rounds = FromEnvironment("ORDO_FUZZ_ROUNDS", 24);
  const json& doc = PublishedAnswers().document();
  BodyFuzzer fuzzer(doc, seed);
  // Mostly an admin, whom no permission stops, so that bodies reach the rules behind it.
  const char* users[] = {"admin", "admin", "admin", "admin", "admin", "admin", "sales", "portal"};

  int operations = 0;
  for (const auto& [path, item] : doc.at("paths").items()) {
    for (const auto& [method, op] : item.items()) {
      const json* schema = nullptr;
      // JSON bodies only (a CSV import's text/csv is fuzzed by its own tests).
      if (op.contains("requestBody") && op["requestBody"]["content"].contains("application/json")) {
        schema = &op["requestBody"]["content"]["application/json"]["schema"];
      }
      if (schema == nullptr) continue;
      ++operations;
      std::string verb = method;
      for (char& c : verb) c = static_cast<char>(c - 'a' + 'A');
      std::map<int, int> statuses;  // printed, to show how deep the bodies reached
      for (uint64_t round = 0; round < rounds; ++round) {
        const json plausible = fuzzer.Plausible(*schema);
        const std::string body = round % 4 == 0 ? plausible.dump() : fuzzer.Hostile(plausible);
        const std::string user = users[fuzzer.rng()() % 8];
        HeaderList headers;
        if (fuzzer.rng()() % 2 == 0) headers.emplace_back("If-Match", "\"1\"");

        const int64_t version = DataVersion();
        const ClientResponse r = Call(user, verb, Target(path), body, headers);
        const std::string what = "seed " + std::to_string(seed) + ", " + verb + " " + path +
                                 " as " + user + ", body " + Shown(body) + "\nanswer " +
                                 std::to_string(r.status) + " " + Shown(r.body);
        ++statuses[r.status];
        EXPECT_LT(r.status, 500) << what;
        if (r.status >= 400) {
          EXPECT_EQ(r.Header("Content-Type").value_or(""), "application/problem+json") << what;
          const json problem = json::parse(r.body, nullptr, false);
          EXPECT_TRUE(problem.is_object() && !problem.value("code", "").empty()) << what;
          // A refused login may be recorded (throttling); any other refusal writes nothing.
          // (The current password of a password change is counted like a login.)
          if (path != "/api/v1/auth/token" && path != "/api/v1/auth/password") {
            EXPECT_EQ(DataVersion(), version) << what;
          }
        }
        if (!r.keep_alive) client_ = NewClient();
        if (::testing::Test::HasFailure()) return;  // one replayable failure, not hundreds
      }
      std::cout << verb << " " << path << ":";
      for (const auto& [status, count] : statuses) std::cout << " " << status << "x" << count;
      std::cout << "\n";
    }
  }
  EXPECT_GE(operations, 20);
  EXPECT_TRUE(Consistent());
}

}  // namespace
}  // namespace ordo::api::testing
