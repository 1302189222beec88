// Layered configuration of `ordo serve`: TOML file, environment, validation.
#include "cli/serve_settings.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace ordo::cli {
namespace {

TEST(ServeSettingsTest, TomlOverridesDefaults) {
  ServeSettings s;
  Status st = ApplyToml(s, R"(
[server]
listen = "0.0.0.0:9090"
workers = 16
readers = 6
max_body_bytes = 65536
max_connections = 500
max_connections_per_address = 20
header_timeout_seconds = 3
idle_timeout_seconds = 15
[database]
path = "/var/lib/ordo/ordo.db"
[log]
level = "warn"
)",
                        "ordo.toml");
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(s.listen, "0.0.0.0:9090");
  EXPECT_EQ(s.workers, 16);
  EXPECT_EQ(s.readers, 6);
  EXPECT_EQ(s.max_body_bytes, 65536);
  EXPECT_EQ(s.max_connections, 500);
  EXPECT_EQ(s.max_connections_per_address, 20);
  EXPECT_EQ(s.header_timeout_seconds, 3);
  EXPECT_EQ(s.idle_timeout_seconds, 15);
  EXPECT_EQ(s.db_path, "/var/lib/ordo/ordo.db");
  EXPECT_EQ(s.log_level, "warn");
  EXPECT_TRUE(ValidateSettings(s).ok());
}

TEST(ServeSettingsTest, UnknownKeysAndWrongTypesNameTheFileAndLine) {
  ServeSettings s;
  Status typo = ApplyToml(s, "[server]\nlisten = \"127.0.0.1:1\"\nworkrs = 4\n", "ordo.toml");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.message().find("ordo.toml:3"), std::string::npos) << typo.message();
  EXPECT_NE(typo.message().find("server.workrs"), std::string::npos) << typo.message();

  Status type = ApplyToml(s, "[server]\nworkers = \"many\"\n", "ordo.toml");
  ASSERT_FALSE(type.ok());
  EXPECT_NE(type.message().find("ordo.toml:2: server.workers must be an integer"),
            std::string::npos)
      << type.message();

  Status syntax = ApplyToml(s, "[server\nlisten = 1\n", "ordo.toml");
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(syntax.message().find("ordo.toml"), std::string::npos) << syntax.message();

  Status top = ApplyToml(s, "listen = \"127.0.0.1:1\"\n", "ordo.toml");
  EXPECT_FALSE(top.ok());
}

TEST(ServeSettingsTest, EnvironmentOverridesTheFile) {
  ServeSettings s;
  ASSERT_TRUE(ApplyToml(s, "[server]\nlisten = \"127.0.0.1:1\"\n", "f").ok());
  std::map<std::string, std::string> env = {{"ORDO_LISTEN", "127.0.0.1:2"},
                                            {"ORDO_DB", "/tmp/x.db"},
                                            {"ORDO_LOG_LEVEL", "debug"},
                                            {"ORDO_WORKERS", "3"},
                                            {"ORDO_READERS", ""},
                                            {"ORDO_MAX_CONNECTIONS", "100"},
                                            {"ORDO_MAX_CONNECTIONS_PER_ADDRESS", "10"},
                                            {"ORDO_HEADER_TIMEOUT_SECONDS", "2"},
                                            {"ORDO_IDLE_TIMEOUT_SECONDS", "9"}};
  auto lookup = [&](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  ASSERT_TRUE(ApplyEnvironment(s, lookup).ok());
  EXPECT_EQ(s.listen, "127.0.0.1:2");
  EXPECT_EQ(s.db_path, "/tmp/x.db");
  EXPECT_EQ(s.log_level, "debug");
  EXPECT_EQ(s.workers, 3);
  EXPECT_EQ(s.readers, 4);  // empty means unset
  EXPECT_EQ(s.max_connections, 100);
  EXPECT_EQ(s.max_connections_per_address, 10);
  EXPECT_EQ(s.header_timeout_seconds, 2);
  EXPECT_EQ(s.idle_timeout_seconds, 9);

  env["ORDO_WORKERS"] = "3x";
  EXPECT_FALSE(ApplyEnvironment(s, lookup).ok());
}

TEST(ServeSettingsTest, ValidationRefusesNonsense) {
  auto invalid = [](auto change) {
    ServeSettings s;
    change(s);
    return !ValidateSettings(s).ok();
  };
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.listen = "8080"; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.listen = "127.0.0.1:70000"; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.log_level = "loud"; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.workers = 0; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.readers = 300; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.max_body_bytes = 10; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.db_path = ""; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.max_connections = -1; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.max_connections_per_address = 0; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.header_timeout_seconds = 0; }));
  EXPECT_TRUE(invalid([](ServeSettings& s) { s.idle_timeout_seconds = 3601; }));
  EXPECT_FALSE(invalid([](ServeSettings&) {}));
}

TEST(ServeSettingsTest, TheConnectionLimitLeavesRoomForTheDatabaseUnderTheFileLimit) {
  ServeSettings s;  // 4 readers: 6 SQLite connections of 3 files each
  uint64_t headroom = kReservedFiles + 3 * 6 + kRefusingConnections;
  EXPECT_EQ(ConnectionLimit(s, 1024).value(), 1024 - headroom);
  EXPECT_EQ(ConnectionLimit(s, 1'048'576).value(), kMaxDerivedConnections);
  s.readers = 100;  // more readers, less room
  EXPECT_EQ(ConnectionLimit(s, 1024).value(), 1024 - (headroom + 3 * 96));

  Result<size_t> none = ConnectionLimit(s, 200);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("open-file limit 200"), std::string::npos);

  s.readers = 4;
  s.max_connections = 50;
  EXPECT_EQ(ConnectionLimit(s, 1024).value(), 50u);
  s.max_connections = 1000;  // a configured limit that the file limit cannot honour
  Result<size_t> too_many = ConnectionLimit(s, 1024);
  ASSERT_FALSE(too_many.ok());
  EXPECT_NE(too_many.status().message().find("max_connections 1000 does not fit under the "
                                             "open-file limit 1024"),
            std::string::npos)
      << too_many.status().message();
}

TEST(ServeSettingsTest, OrderQuantityBoundsFromFileAndEnvironment) {
  ServeSettings s;
  EXPECT_EQ(s.max_line_quantity, 1'000'000);
  EXPECT_EQ(s.max_order_quantity, 10'000'000);
  ASSERT_TRUE(
      ApplyToml(s, "[orders]\nmax_line_quantity = 50\nmax_order_quantity = 500\n", "f").ok());
  EXPECT_EQ(s.max_line_quantity, 50);
  EXPECT_EQ(s.max_order_quantity, 500);
  std::map<std::string, std::string> env = {{"ORDO_MAX_ORDER_QUANTITY", "20000000000"}};
  auto lookup = [&](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  ASSERT_TRUE(ApplyEnvironment(s, lookup).ok());
  EXPECT_EQ(s.max_order_quantity, 20'000'000'000);
  EXPECT_TRUE(ValidateSettings(s).ok());
  s.max_line_quantity = s.max_order_quantity + 1;  // a line cannot hold more than an order
  EXPECT_FALSE(ValidateSettings(s).ok());
  s.max_line_quantity = 0;
  EXPECT_FALSE(ValidateSettings(s).ok());
}

TEST(ServeSettingsTest, ListenAddresses) {
  auto v4 = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(v4.ok());
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 8080);
  auto v6 = ParseListenAddress("[::1]:0");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_FALSE(ParseListenAddress(":80").ok());
  EXPECT_FALSE(ParseListenAddress("host:").ok());
  EXPECT_FALSE(ParseListenAddress("host:-1").ok());
}

}  // namespace
}  // namespace ordo::cli
