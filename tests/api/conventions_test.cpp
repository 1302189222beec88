// The API conventions every resource shares, exercised on warehouses over real HTTP:
// idempotency keys, cursor pagination, request-body errors, id-or-code paths, If-Match parsing.
#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

#include "api/api_fixture.h"
#include "api/pagination.h"
#include "api/preconditions.h"
#include "auth/auth_fixture.h"
#include "core/resource_ref.h"

namespace ordo::api::testing {
namespace {

const std::string kNewWarehouse =
    R"({"code": "W9", "name": "Reno", "address": {"city": "Reno", "country": "US"}})";

class ConventionsTest : public ApiTest {};

TEST_F(ConventionsTest, CreateThenReadByIdAndCode) {
  auto created = Call("admin", "POST", "/api/v1/warehouses", kNewWarehouse);
  ASSERT_EQ(created.status, 201) << created.body;
  auto body = created.Json();
  EXPECT_EQ(body["code"], "W9");
  EXPECT_EQ(body["address"]["city"], "Reno");
  std::string id = std::to_string(body["id"].get<int64_t>());
  EXPECT_EQ(created.Header("Location").value_or(""), "/api/v1/warehouses/" + id);

  auto by_id = Call("warehouse", "GET", "/api/v1/warehouses/" + id);
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(by_id.Json(), body);
  auto by_code = Call("warehouse", "GET", "/api/v1/warehouses/W9");
  EXPECT_EQ(by_code.Json(), body);
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/warehouses/NOPE"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/warehouses/999"), 404, "not_found"));
}

TEST_F(ConventionsTest, PermissionsAndAuthentication) {
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/warehouses"), 401, "unauthenticated"));
  EXPECT_TRUE(
      IsProblem(Call("sales", "POST", "/api/v1/warehouses", kNewWarehouse), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/warehouses"), 403, "forbidden"));
  EXPECT_EQ(db_.Count("warehouses"), 2);
}

TEST_F(ConventionsTest, CursorPagesVisitEveryRowOnce) {
  for (int i = 0; i < 5; ++i) {
    std::string body = R"({"code": "X)" + std::to_string(i) + R"(", "name": "x"})";
    ASSERT_EQ(Call("admin", "POST", "/api/v1/warehouses", body).status, 201);
  }
  std::vector<std::string> codes;
  std::string target = "/api/v1/warehouses?limit=3";
  int pages = 0;
  while (true) {
    auto r = Call("warehouse", "GET", target);
    ASSERT_EQ(r.status, 200) << r.body;
    auto body = r.Json();  // kept: the loop below iterates into it
    ++pages;
    for (const auto& w : body["items"]) codes.push_back(w["code"]);
    if (body["next_cursor"].is_null()) break;
    target = "/api/v1/warehouses?limit=3&cursor=" + body["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(codes, (std::vector<std::string>{"W1", "W2", "X0", "X1", "X2", "X3", "X4"}));
}

TEST_F(ConventionsTest, BadPageParametersAreRejected) {
  for (const char* q : {"limit=0", "limit=501", "limit=abc", "cursor=zzz", "cursor=c1.-4"}) {
    auto r = Call("warehouse", "GET", std::string("/api/v1/warehouses?") + q);
    EXPECT_TRUE(IsProblem(r, 400, "invalid_argument")) << q;
  }
}

TEST_F(ConventionsTest, IdempotentRetryReturnsTheFirstResponseAndCreatesNothing) {
  HeaderList key = {{"Idempotency-Key", "wh-create-1"}};
  auto first = Call("admin", "POST", "/api/v1/warehouses", kNewWarehouse, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call("admin", "POST", "/api/v1/warehouses", kNewWarehouse, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(db_.Count("warehouses"), 3);

  auto other_body =
      Call("admin", "POST", "/api/v1/warehouses", R"({"code": "W10", "name": "Elsewhere"})", key);
  EXPECT_TRUE(IsProblem(other_body, 409, "idempotency_key_reused"));
  EXPECT_EQ(db_.Count("warehouses"), 3);
}

TEST_F(ConventionsTest, ReplaysRepeatLocationAndETagAndComeBeforeBodyChecks) {
  HeaderList key = {{"Idempotency-Key", "wh-replay"}};
  auto first = Call("admin", "POST", "/api/v1/warehouses", kNewWarehouse, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call("admin", "POST", "/api/v1/warehouses", kNewWarehouse, key);
  EXPECT_EQ(again.Header("Location"), first.Header("Location"));
  ASSERT_TRUE(first.Header("Location"));
  // The same key with a body that is not even valid is a reused key, not a bad body.
  EXPECT_TRUE(IsProblem(Call("admin", "POST", "/api/v1/warehouses", "{nope", key), 409,
                        "idempotency_key_reused"));
}

TEST_F(ConventionsTest, KeysBelongToTheirUser) {
  // The same key from another user is another request: it runs (and here conflicts on code).
  HeaderList key = {{"Idempotency-Key", "shared-key"}};
  ASSERT_EQ(Call("admin", "POST", "/api/v1/warehouses", kNewWarehouse, key).status, 201);
  test_support::AddUser(db_, "admin2", "admin2-pass-phrase-1", {"admin"});
  auto login = Call("", "POST", "/api/v1/auth/token",
                    R"({"username": "admin2", "password": "admin2-pass-phrase-1"})");
  ASSERT_EQ(login.status, 200) << login.body;
  auto other =
      client_->Send("POST", "/api/v1/warehouses", kNewWarehouse,
                    {{"Idempotency-Key", "shared-key"},
                     {"Authorization", "Bearer " + login.Json()["token"].get<std::string>()},
                     {"Content-Type", "application/json"}});
  EXPECT_TRUE(IsProblem(other, 409, "conflict"));
  EXPECT_FALSE(other.Header("Idempotent-Replayed"));
}

TEST_F(ConventionsTest, FailedRequestsAreNotStoredUnderTheirKey) {
  HeaderList key = {{"Idempotency-Key", "dup-code"}};
  auto dup = Call("admin", "POST", "/api/v1/warehouses", R"({"code": "W1", "name": "again"})", key);
  EXPECT_TRUE(IsProblem(dup, 409, "conflict"));
  EXPECT_EQ(db_.Count("idempotency_keys"), 0);
  EXPECT_TRUE(IsProblem(
      Call("admin", "POST", "/api/v1/warehouses", "{}", {{"Idempotency-Key", "has space"}}), 400,
      "invalid_argument"));
}

TEST_F(ConventionsTest, ConcurrentRetriesWithOneKeyCreateOnce) {
  constexpr int kThreads = 8;
  std::vector<std::string> bodies(kThreads);
  std::vector<int> statuses(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto client = NewClient();
      auto r = client->Send("POST", "/api/v1/warehouses", kNewWarehouse,
                            {{"Idempotency-Key", "race-1"},
                             {"Authorization", "Bearer " + Token("admin")},
                             {"Content-Type", "application/json"}});
      statuses[i] = r.status;
      bodies[i] = r.body;
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(statuses[i], 201) << bodies[i];
    EXPECT_EQ(bodies[i], bodies[0]);
  }
  EXPECT_EQ(db_.Count("warehouses"), 3);
  EXPECT_EQ(db_.Count("idempotency_keys"), 1);
}

TEST_F(ConventionsTest, BadBodiesListEveryProblemAndChangeNothing) {
  auto before = db_.Snapshot();
  auto malformed = Call("admin", "POST", "/api/v1/warehouses", "{\"code\": ");
  ASSERT_TRUE(IsProblem(malformed, 400, "invalid_argument"));
  EXPECT_EQ(malformed.Json()["errors"][0]["code"], "malformed_json");

  auto not_object = Call("admin", "POST", "/api/v1/warehouses", "[1, 2]");
  ASSERT_TRUE(IsProblem(not_object, 400, "invalid_argument"));
  EXPECT_EQ(not_object.Json()["errors"][0]["code"], "invalid_type");

  auto bad = Call("admin", "POST", "/api/v1/warehouses",
                  R"({"code": 7, "address": {"city": [], "moon": "yes"}, "colour": "red",
                      "allocation_rank": "first"})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  std::set<std::pair<std::string, std::string>> fields;
  auto problem = bad.Json();
  for (const auto& e : problem["errors"]) {
    fields.emplace(e["field"].get<std::string>(), e["code"].get<std::string>());
  }
  EXPECT_EQ(fields,
            (std::set<std::pair<std::string, std::string>>{{"code", "invalid_type"},
                                                           {"name", "required"},
                                                           {"address/city", "invalid_type"},
                                                           {"address/moon", "unknown_field"},
                                                           {"colour", "unknown_field"},
                                                           {"allocation_rank", "invalid_type"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST(ResourceRefTest, DigitsAreIdsEverythingElseIsACode) {
  EXPECT_EQ(ParseResourceRef("42").id, 42);
  EXPECT_FALSE(ParseResourceRef("SO-000042").id);
  EXPECT_FALSE(ParseResourceRef("-4").id);
  EXPECT_FALSE(ParseResourceRef("99999999999999999999").id);
  EXPECT_EQ(ParseResourceRef("WID-100").code, "WID-100");
}

TEST(IfMatchTest, AcceptsBareQuotedAndWeakVersions) {
  auto version_of = [](std::optional<std::string> header) {
    http::Request r;
    if (header) r.headers.emplace_back("If-Match", *header);
    return IfMatchVersion(r);
  };
  EXPECT_EQ(*version_of(std::nullopt), std::nullopt);
  EXPECT_EQ(*version_of("*"), std::nullopt);
  EXPECT_EQ(*version_of("3"), 3);
  EXPECT_EQ(*version_of("\"3\""), 3);
  EXPECT_EQ(*version_of("W/\"12\""), 12);
  for (const char* bad : {"", "abc", "0", "-1", "\"3", "3.5"}) {
    EXPECT_FALSE(version_of(bad).ok()) << bad;
  }
}

TEST(CursorTest, RoundTripsAndRejectsForeignCursors) {
  EXPECT_EQ(DecodeCursor(EncodeCursor(12345)), 12345);
  EXPECT_FALSE(DecodeCursor("12345"));
  EXPECT_FALSE(DecodeCursor("c1.0"));
  EXPECT_FALSE(DecodeCursor("c1.12x"));
}

}  // namespace
}  // namespace ordo::api::testing
