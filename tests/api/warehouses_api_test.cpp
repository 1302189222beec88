// Changing a warehouse over real HTTP: PATCH /api/v1/warehouses/{ref} (creation, reading and
// the shared conventions are in conventions_test).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/api_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class WarehousesApiTest : public ApiTest {};

TEST_F(WarehousesApiTest, AChangeKeepsWhatItDoesNotName) {
  auto changed = Call("admin", "PATCH", "/api/v1/warehouses/W2",
                      R"({"name": "Reno DC", "address": {"city": "Reno"}, "allocation_rank": 5})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  const json body = changed.Json();
  EXPECT_EQ(body["code"], "W2");
  EXPECT_EQ(body["name"], "Reno DC");
  EXPECT_EQ(body["address"]["city"], "Reno");
  EXPECT_EQ(body["allocation_rank"], 5);
  EXPECT_EQ(Call("warehouse", "GET", "/api/v1/warehouses/W2").Json(), body);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'warehouse.update'"), 1);

  // Only the city changes; the name and rank stay.
  auto again =
      Call("admin", "PATCH", "/api/v1/warehouses/W2", R"({"address": {"city": "Sparks"}})");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["name"], "Reno DC");
  EXPECT_EQ(again.Json()["allocation_rank"], 5);
}

TEST_F(WarehousesApiTest, BadChangesAndOthersAreRefusedAndChangeNothing) {
  auto before = db_.Snapshot();
  auto bad =
      Call("admin", "PATCH", "/api/v1/warehouses/W1",
           R"({"code": "W9", "name": "", "allocation_rank": -1, "address": {"city": null}})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  std::set<std::string> fields;
  const json problem = bad.Json();
  for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_TRUE(fields.contains("code") && fields.contains("allocation_rank") &&
              fields.contains("address/city"))
      << bad.body;
  auto empty_name = Call("admin", "PATCH", "/api/v1/warehouses/W1", R"({"name": ""})");
  EXPECT_TRUE(IsProblem(empty_name, 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("admin", "PATCH", "/api/v1/warehouses/NOPE", R"({"name": "x"})"), 404,
                        "not_found"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "PATCH", "/api/v1/warehouses/W1", R"({"name": "x"})"),
                        403, "forbidden"));
  EXPECT_EQ(db_.Snapshot(), before);
}

}  // namespace
}  // namespace ordo::api::testing
