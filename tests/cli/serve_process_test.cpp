// `ordo serve` as a real process: it refuses to start with a clear message when it cannot
// serve, and on SIGTERM it finishes the requests in flight and leaves nothing half-written.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "auth/auth_fixture.h"
#include "auth/tokens.h"
#include "http/test_client.h"
#include "support/invariants.h"
#include "support/test_db.h"

extern char** environ;

namespace ordo {
namespace {

using namespace std::chrono_literals;

// A child process running the ordo binary with `args`, its stderr captured in a file.
class OrdoProcess {
 public:
  OrdoProcess(const std::vector<std::string>& args, const std::string& stderr_path)
      : stderr_path_(stderr_path) {
    std::vector<std::string> argv_s = {ORDO_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (posix_spawn(&pid_, ORDO_BINARY, &actions, nullptr, argv.data(), environ) != 0) {
      pid_ = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
  }
  ~OrdoProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  // The exit code, or -1 when it did not exit within `limit` (or died of a signal).
  int Wait(std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }
  void Signal(int sig) { kill(pid_, sig); }
  std::string Stderr() const {
    std::ifstream in(stderr_path_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  bool started() const { return pid_ > 0; }

 private:
  std::string stderr_path_;
  pid_t pid_ = -1;
  bool exited_ = false;
};

uint16_t FreePort() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor a(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return a.local_endpoint().port();
}

// Polls /healthz until the server answers; false after `limit`.
bool WaitUntilServing(uint16_t port, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      http::testing::TestClient c(port);
      if (c.Send("GET", "/healthz").status == 200) return true;
    } catch (const std::exception&) {
    }
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

// Lowers this process's soft open-file limit while alive, so that a child started meanwhile
// inherits the lowered one.
class LoweredSoftFileLimit {
 public:
  explicit LoweredSoftFileLimit(rlim_t soft) {
    getrlimit(RLIMIT_NOFILE, &saved_);
    rlimit lowered = saved_;
    lowered.rlim_cur = std::min(soft, saved_.rlim_max);
    setrlimit(RLIMIT_NOFILE, &lowered);
  }
  ~LoweredSoftFileLimit() { setrlimit(RLIMIT_NOFILE, &saved_); }
  rlim_t hard() const { return saved_.rlim_max; }

 private:
  rlimit saved_{};
};

// A kept-alive connection that has been answered 200 by /healthz: the server holds it open.
// Connections refused while the server still counts ones just closed are retried.
std::unique_ptr<http::testing::TestClient> HeldConnection(uint16_t port) {
  auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      auto client = std::make_unique<http::testing::TestClient>(port);
      if (client->Send("GET", "/healthz").status == 200) return client;
    } catch (const std::exception&) {
    }
    std::this_thread::sleep_for(20ms);
  }
  return nullptr;
}

class ServeProcessTest : public ::testing::Test {
 protected:
  std::string Log(const char* name) { return db_.path() + "." + name + ".log"; }
  test_support::TestDb db_;
};

TEST_F(ServeProcessTest, RefusesAPortThatIsTaken) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor taken(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  std::string listen = "127.0.0.1:" + std::to_string(taken.local_endpoint().port());
  OrdoProcess p({"--db", db_.path(), "serve", "--listen", listen}, Log("port"));
  ASSERT_TRUE(p.started());
  EXPECT_EQ(p.Wait(20s), 1) << p.Stderr();
  EXPECT_NE(p.Stderr().find("cannot listen on " + listen), std::string::npos) << p.Stderr();
}

TEST_F(ServeProcessTest, RefusesADatabaseFromANewerOrdo) {
  db_.reader();  // the schema exists
  {
    auto conn = db_.Connect();
    conn->Execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)");
  }
  OrdoProcess p({"--db", db_.path(), "serve", "--listen", "127.0.0.1:0"}, Log("newer"));
  EXPECT_EQ(p.Wait(20s), 1) << p.Stderr();
  EXPECT_NE(p.Stderr().find("newer than this Ordo"), std::string::npos) << p.Stderr();
}

TEST_F(ServeProcessTest, RefusesABadConfigurationFile) {
  std::string config = db_.path() + ".toml";
  std::ofstream(config) << "[server]\nlisten = \"127.0.0.1:0\"\nworkerz = 2\n";
  OrdoProcess p({"--db", db_.path(), "serve", "--config", config}, Log("config"));
  EXPECT_EQ(p.Wait(20s), 1) << p.Stderr();
  EXPECT_NE(p.Stderr().find(config + ":3: server.workerz is not a known setting"),
            std::string::npos)
      << p.Stderr();
}

// The server purges expired tokens and idempotency answers past their window by itself (the
// housekeeping task's first round runs when it starts). The rows were written at the test
// clock's time, long before the server's real clock.
TEST_F(ServeProcessTest, PurgesExpiredTokensAndOldIdempotencyAnswers) {
  auth::Principal sales = test_support::AddUser(db_, "sales", "sales-pass-phrase-1", {"sales"});
  for (int64_t ttl : {int64_t{3600}, int64_t{3600} * 24 * 365 * 30}) {
    ASSERT_TRUE(db_.executor()
                    .RunFor<auth::IssuedToken>([&](store::Connection& conn) {
                      return auth::StoreToken(conn, sales, db_.clock().Now(), ttl);
                    })
                    .ok());
  }
  db_.Connect()->Execute(
      "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, body, "
      "created_at) VALUES (1, 'old', 'h', 201, '{}', 0)");
  ASSERT_EQ(db_.Count("auth_tokens"), 2);
  ASSERT_EQ(db_.Count("idempotency_keys"), 1);

  uint16_t port = FreePort();
  OrdoProcess p({"--db", db_.path(), "serve", "--listen", "127.0.0.1:" + std::to_string(port)},
                Log("purge"));
  ASSERT_TRUE(WaitUntilServing(port, 20s)) << p.Stderr();
  auto deadline = std::chrono::steady_clock::now() + 20s;
  while ((db_.Count("auth_tokens") != 1 || db_.Count("idempotency_keys") != 0) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(db_.Count("auth_tokens"), 1);
  EXPECT_EQ(db_.Count("idempotency_keys"), 0);
  p.Signal(SIGTERM);
  EXPECT_EQ(p.Wait(30s), 0) << p.Stderr();
}

TEST_F(ServeProcessTest, RefusesAConnectionLimitTheFileLimitCannotHonour) {
  OrdoProcess p(
      {"--db", db_.path(), "serve", "--listen", "127.0.0.1:0", "--max-connections", "1000000"},
      Log("limit"));
  EXPECT_EQ(p.Wait(20s), 1) << p.Stderr();
  EXPECT_NE(p.Stderr().find("max_connections 1000000 does not fit under the open-file limit"),
            std::string::npos)
      << p.Stderr();
}

// Started with a low soft file limit, the server raises it to the hard one; with a small
// connection limit, a connection beyond it is answered 503 with Retry-After, and once the
// held connections close a fresh one is served again.
TEST_F(ServeProcessTest, RaisesTheFileLimitAndAnswersConnectionsBeyondItsLimit503) {
  uint16_t port = FreePort();
  std::unique_ptr<OrdoProcess> p;
  rlim_t hard = 0;
  {
    LoweredSoftFileLimit lowered(256);
    hard = lowered.hard();
    p = std::make_unique<OrdoProcess>(
        std::vector<std::string>{"--db", db_.path(), "serve", "--listen",
                                 "127.0.0.1:" + std::to_string(port), "--max-connections", "2",
                                 "--idle-timeout-seconds", "600"},
        Log("connections"));
  }
  ASSERT_TRUE(WaitUntilServing(port, 20s)) << p->Stderr();
  if (hard != RLIM_INFINITY) {
    EXPECT_NE(p->Stderr().find("\"open_file_limit\":" + std::to_string(hard) + ","),
              std::string::npos)
        << p->Stderr();
  }
  EXPECT_NE(p->Stderr().find("\"max_connections\":2,"), std::string::npos) << p->Stderr();

  auto first = HeldConnection(port);
  auto second = HeldConnection(port);
  ASSERT_TRUE(first && second);
  http::testing::TestClient fresh(port);
  auto refused = fresh.Read();  // answered on accept, before any request
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.Json()["code"], "server_busy");
  EXPECT_EQ(refused.Header("Retry-After"), "1");

  first.reset();
  second.reset();
  EXPECT_TRUE(HeldConnection(port) != nullptr);
  p->Signal(SIGTERM);
  EXPECT_EQ(p->Wait(30s), 0) << p->Stderr();
}

// Clients keep placing orders while SIGTERM arrives. Every order answered 201 must be stored
// whole; every stored order must have been answered or never acknowledged — and the store's
// invariants hold afterwards. The server must exit 0 by itself.
TEST_F(ServeProcessTest, SigtermFinishesInFlightOrdersAndExitsCleanly) {
  db_.AddWarehouse("W1", 10);
  db_.AddItem("WID-100", "2.50");
  db_.AddItem("WID-200", "4.00");
  db_.Receive("W1", "WID-100", 1'000'000);
  db_.Receive("W1", "WID-200", 1'000'000);
  db_.AddCustomer(test_support::SimpleCustomer("C-1", "100000000.00", "W1"));
  auth::Principal sales = test_support::AddUser(db_, "sales", "sales-pass-phrase-1", {"sales"});
  auto token = db_.executor().RunFor<auth::IssuedToken>([&](store::Connection& conn) {
    return auth::StoreToken(conn, sales, db_.clock().Now(), 3600 * 24 * 365 * 30);
  });
  ASSERT_TRUE(token.ok());

  uint16_t port = FreePort();
  OrdoProcess p({"--db", db_.path(), "serve", "--listen", "127.0.0.1:" + std::to_string(port),
                 "--workers", "4"},
                Log("sigterm"));
  ASSERT_TRUE(WaitUntilServing(port, 20s)) << p.Stderr();

  constexpr int kClients = 6;
  std::atomic<int> answered{0};
  std::vector<std::vector<std::string>> numbers(kClients);
  std::vector<std::thread> clients;
  const std::string body =
      R"({"customer": "C-1", "channel": "api", "lines": [{"sku": "WID-100", "quantity": 3},)"
      R"({"sku": "WID-200", "quantity": 2}]})";
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      try {
        http::testing::TestClient client(port);
        for (int i = 0; i < 100000; ++i) {
          auto r = client.Send(
              "POST", "/api/v1/orders", body,
              {{"Authorization", "Bearer " + token->token}, {"Content-Type", "application/json"}});
          if (r.status != 201) break;  // 503 while draining is allowed, not an order
          numbers[c].push_back(nlohmann::json::parse(r.body)["number"]);
          answered++;
        }
      } catch (const std::exception&) {
        // The server closed the connection during shutdown.
      }
    });
  }
  auto deadline = std::chrono::steady_clock::now() + 20s;
  while (answered < 200 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  p.Signal(SIGTERM);
  int code = p.Wait(30s);
  for (auto& t : clients) t.join();
  ASSERT_EQ(code, 0) << p.Stderr();
  ASSERT_GE(answered.load(), 200);

  auto conn = db_.Connect();
  EXPECT_TRUE(test_support::InvariantsHold(*conn));
  int64_t acknowledged = 0;
  for (const auto& per_client : numbers) {
    for (const auto& number : per_client) {
      auto order = db_.LoadOrder(number);
      ASSERT_TRUE(order) << number << " was acknowledged but is not stored";
      EXPECT_EQ(order->lines.size(), 2u) << number;
      ++acknowledged;
    }
  }
  // Orders committed but not acknowledged can exist only for requests cut off mid-answer
  // (at most one per client); anything more would mean the server kept working unseen.
  EXPECT_LE(db_.Count("orders"), acknowledged + kClients);
  EXPECT_NE(p.Stderr().find("\"msg\":\"stopped\""), std::string::npos) << p.Stderr();
}

// A database failure under a request (issue 12): the client gets a generic problem, and the
// server's log line has SQLite's text with the request id the client was given.
TEST_F(ServeProcessTest, LogsADatabaseFailureWithTheRequestIdAndAnswersGenerically) {
  auth::Principal admin = test_support::AddUser(db_, "admin", "admin-pass-phrase-1", {"admin"});
  auto token = db_.executor().RunFor<auth::IssuedToken>([&](store::Connection& conn) {
    return auth::StoreToken(conn, admin, db_.clock().Now(), 3600 * 24 * 365 * 30);
  });
  ASSERT_TRUE(token.ok());
  uint16_t port = FreePort();
  OrdoProcess p({"--db", db_.path(), "serve", "--listen", "127.0.0.1:" + std::to_string(port)},
                Log("failure"));
  ASSERT_TRUE(WaitUntilServing(port, 20s)) << p.Stderr();
  // Every write audits; without its table the server's command fails inside SQLite.
  ASSERT_TRUE(db_.executor()
                  .Run([](store::Connection& conn) {
                    conn.Execute("DROP TABLE audit_log");
                    return Status::Ok();
                  })
                  .ok());

  http::testing::TestClient client(port);
  auto r = client.Send(
      "POST", "/api/v1/warehouses", R"({"code": "W9", "name": "Nine"})",
      {{"Authorization", "Bearer " + token->token}, {"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 500) << r.body;
  EXPECT_EQ(r.body.find("audit_log"), std::string::npos) << r.body;
  std::string request_id = r.Header("X-Request-Id").value_or("");
  ASSERT_FALSE(request_id.empty());
  p.Signal(SIGTERM);
  ASSERT_EQ(p.Wait(30s), 0) << p.Stderr();

  bool logged = false;
  std::istringstream lines(p.Stderr());
  for (std::string line; std::getline(lines, line);) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    logged = logged || (j.is_object() && j.value("msg", "") == "request failed" &&
                        j.value("request_id", "") == request_id &&
                        j.value("error", "").find("no such table: ") != std::string::npos);
  }
  EXPECT_TRUE(logged) << p.Stderr();
}

}  // namespace
}  // namespace ordo
