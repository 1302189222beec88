// Internals stay out of answers (issue 12): when the database fails under a request, the
// problem's detail is generic and the log has what happened, with the request id the client
// got; /readyz says ready or not and nothing more.
#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "api/api_fixture.h"
#include "telemetry/json_log.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class InternalErrorsTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    log_ = std::make_unique<telemetry::JsonLog>(telemetry::LogLevel::kInfo, db_.clock(),
                                                [this](std::string_view line) {
                                                  std::lock_guard lock(mu_);
                                                  lines_.emplace_back(line);
                                                });
    ctx_->log = log_.get();  // before any request reaches the server
  }

  // The log's lines so far, once every queued line is written (the log is closed).
  std::vector<json> CloseLog() {
    ctx_->log = nullptr;
    log_.reset();
    std::vector<json> out;
    std::lock_guard lock(mu_);
    for (const auto& line : lines_) out.push_back(json::parse(line));
    return out;
  }

  void DropTable(const std::string& table) {
    Status st = db_.executor().Run([&](store::Connection& conn) {
      conn.Execute("DROP TABLE " + table);
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  std::mutex mu_;
  std::vector<std::string> lines_;
  std::unique_ptr<telemetry::JsonLog> log_;
};

// Every write audits; with the audit table gone the command fails on SQLite's "no such table",
// whose text names the table and the statement.
TEST_F(InternalErrorsTest, ADatabaseErrorAnswersAGenericProblemAndLogsTheCause) {
  DropTable("audit_log");
  auto r = Call("admin", "POST", "/api/v1/warehouses", R"({"code": "W9", "name": "Nine"})");
  ASSERT_TRUE(IsProblem(r, 500, "internal"));
  std::string detail = r.Json()["detail"];
  for (const char* leak : {"audit_log", "no such table", "INSERT", "SQL", "sqlite"}) {
    EXPECT_EQ(detail.find(leak), std::string::npos) << leak << " in: " << detail;
    EXPECT_EQ(r.body.find(leak), std::string::npos) << leak << " in: " << r.body;
  }
  std::string request_id = r.Header("X-Request-Id").value_or("");
  ASSERT_FALSE(request_id.empty());

  auto lines = CloseLog();
  int found = 0;
  for (const json& line : lines) {
    if (line.value("request_id", "") != request_id) continue;
    ++found;
    EXPECT_EQ(line["level"], "error");
    EXPECT_EQ(line["route"], "/api/v1/warehouses");
    EXPECT_EQ(line["code"], "internal");
    EXPECT_NE(line["error"].get<std::string>().find("no such table: "), std::string::npos)
        << line.dump();
  }
  EXPECT_EQ(found, 1);
}

// Order placement validates on a read connection before the writer; a failure there is
// answered and logged the same way.
TEST_F(InternalErrorsTest, AFailureWhilePreparingAnOrderIsLoggedNotAnswered) {
  DropTable("reference_version");
  auto r = Call("sales", "POST", "/api/v1/orders",
                R"({"customer": "C-1", "lines": [{"sku": "WID-100", "quantity": 1}]})");
  ASSERT_GE(r.status, 500) << r.body;
  EXPECT_EQ(r.body.find("reference_version"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("no such table"), std::string::npos) << r.body;
  std::string request_id = r.Header("X-Request-Id").value_or("");
  auto lines = CloseLog();
  bool logged = false;
  for (const json& line : lines) {
    logged = logged || (line.value("request_id", "") == request_id &&
                        line.value("error", "").find("reference_version") != std::string::npos);
  }
  EXPECT_TRUE(logged);
}

// A token is stored through the executor outside RunWrite; its failure is answered the same way.
TEST_F(InternalErrorsTest, AFailureStoringATokenIsLoggedNotAnswered) {
  DropTable("auth_tokens");
  auto r =
      Call("", "POST", "/api/v1/auth/token", R"({"username": "sales", "password": "sales-pass-phrase-1"})");
  ASSERT_TRUE(IsProblem(r, 500, "internal"));
  EXPECT_EQ(r.body.find("auth_tokens"), std::string::npos) << r.body;
  std::string request_id = r.Header("X-Request-Id").value_or("");
  auto lines = CloseLog();
  bool logged = false;
  for (const json& line : lines) {
    logged = logged || (line.value("request_id", "") == request_id &&
                        line.value("error", "").find("auth_tokens") != std::string::npos);
  }
  EXPECT_TRUE(logged);
}

TEST_F(InternalErrorsTest, ReadinessSaysReadyAndNothingMore) {
  auto r = Call("", "GET", "/readyz");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json(), json({{"status", "ready"}}));
}

TEST_F(InternalErrorsTest, ReadinessSaysNotReadyAndLogsWhy) {
  DropTable("schema_migrations");
  auto r = Call("", "GET", "/readyz");
  ASSERT_TRUE(IsProblem(r, 503, "unavailable"));
  EXPECT_EQ(r.Json()["detail"], "the server is not ready");
  std::string request_id = r.Header("X-Request-Id").value_or("");
  auto lines = CloseLog();
  bool logged = false;
  for (const json& line : lines) {
    logged = logged || (line.value("request_id", "") == request_id &&
                        line.value("error", "").find("schema") != std::string::npos);
  }
  EXPECT_TRUE(logged);
}

}  // namespace
}  // namespace ordo::api::testing
