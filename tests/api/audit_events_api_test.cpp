// The audit trail (GET /audit) and the domain event feed (GET /events) over real HTTP:
// filters, cursor pages, the poller's last_id, permissions, and that stored JSON images and
// payloads are passed on exactly as they were written.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "api/api_fixture.h"
#include "audit/audit_log.h"
#include "events/outbox.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class AuditEventsApiTest : public ApiTest {
 protected:
  json GetOk(const std::string& user, const std::string& target) {
    auto r = Call(user, "GET", target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return r.status == 200 ? r.Json() : json();
  }
  std::string CustomerId(const std::string& code) {
    return std::to_string(GetOk("admin", "/api/v1/customers/" + code)["id"].get<int64_t>());
  }
  // Runs `write` as one command through the executor, as a system actor outside any request.
  void RunCommand(const std::function<void(store::Connection&, const CommandContext&)>& write) {
    CommandContext ctx = db_.Context("system");
    ctx.request_id.clear();
    Status st = db_.executor().Run([&](store::Connection& conn) {
      write(conn, ctx);
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
};

std::vector<std::string> Field(const json& page, const char* key) {
  std::vector<std::string> out;
  for (const auto& item : page["items"]) out.push_back(item[key].get<std::string>());
  return out;
}

TEST_F(AuditEventsApiTest, AuditShowsAnEntitysHistoryWithRequestIds) {
  std::string id = CustomerId("C-2");
  auto patched = Call("manager", "PATCH", "/api/v1/customers/C-2", R"({"on_hold": true})",
                      {{"X-Request-Id", "req-hold-1"}});
  ASSERT_EQ(patched.status, 200) << patched.body;

  json page = GetOk("arclerk", "/api/v1/audit?entity=customer&entity_id=" + id);
  ASSERT_EQ(page["items"].size(), 2u) << page;
  EXPECT_TRUE(page["next_cursor"].is_null());
  const json& created = page["items"][0];
  EXPECT_EQ(created["action"], "customer.create");
  EXPECT_EQ(created["actor"], "system");
  EXPECT_EQ(created["entity"], "customer");
  EXPECT_EQ(std::to_string(created["entity_id"].get<int64_t>()), id);
  EXPECT_TRUE(created["before"].is_null());
  EXPECT_EQ(created["after"]["code"], "C-2");
  EXPECT_EQ(created["request_id"], "req-test");  // the fixture's setup context
  EXPECT_TRUE(created["at"].get<std::string>().ends_with("Z"));
  EXPECT_TRUE(created["id"].is_number_integer());

  const json& update = page["items"][1];
  EXPECT_EQ(update["action"], "customer.update");
  EXPECT_EQ(update["actor"], "user:manager");
  EXPECT_EQ(update["before"]["on_hold"], false);
  EXPECT_EQ(update["after"]["on_hold"], true);
  EXPECT_EQ(update["after"]["version"], 2);
  EXPECT_EQ(update["request_id"], "req-hold-1");
}

// A client's X-Request-Id correlates, it never identifies: a malformed one is replaced by the
// server's own in the answer and in the audit row, and a well-formed one that looks like an
// actor is only a request id; the actor is always the authenticated user.
TEST_F(AuditEventsApiTest, AuditKeepsOnlyAWellFormedClientRequestIdAndTheAuthenticatedActor) {
  std::string id = CustomerId("C-2");
  const std::string malformed[] = {std::string(65, 'r'), "forged id", "req\tone", "caf\xc3\xa9",
                                   "user:admin/x"};
  std::vector<std::string> echoed;
  bool hold = true;
  for (const std::string& request_id : malformed) {
    auto r = Call("manager", "PATCH", "/api/v1/customers/C-2",
                  std::string(R"({"on_hold": )") + (hold ? "true" : "false") + "}",
                  {{"X-Request-Id", request_id}});
    ASSERT_EQ(r.status, 200) << r.body;
    hold = !hold;
    std::string replaced = r.Header("X-Request-Id").value_or("");
    EXPECT_NE(replaced, request_id);
    EXPECT_EQ(replaced.size(), 16u) << replaced;
    echoed.push_back(replaced);
  }
  auto lookalike = Call("manager", "PATCH", "/api/v1/customers/C-2", R"({"salesperson": "x"})",
                        {{"X-Request-Id", "user:admin"}});
  ASSERT_EQ(lookalike.status, 200) << lookalike.body;
  EXPECT_EQ(lookalike.Header("X-Request-Id"), "user:admin");
  echoed.push_back("user:admin");

  json page =
      GetOk("admin", "/api/v1/audit?action=customer.update&entity=customer&entity_id=" + id);
  EXPECT_EQ(Field(page, "request_id"), echoed);
  EXPECT_EQ(Field(page, "actor"), std::vector<std::string>(echoed.size(), "user:manager"));
}

TEST_F(AuditEventsApiTest, AuditFiltersAndPages) {
  ASSERT_EQ(Call("manager", "PATCH", "/api/v1/customers/C-1", R"({"salesperson": "ann"})",
                 {{"X-Request-Id", "req-a"}})
                .status,
            200);
  ASSERT_EQ(Call("arclerk", "PATCH", "/api/v1/customers/C-2", R"({"salesperson": "bob"})",
                 {{"X-Request-Id", "req-b"}})
                .status,
            200);
  json by_actor = GetOk("admin", "/api/v1/audit?actor=user:arclerk");
  EXPECT_EQ(Field(by_actor, "request_id"), std::vector<std::string>{"req-b"});
  json by_request = GetOk("admin", "/api/v1/audit?request_id=req-a");
  ASSERT_EQ(by_request["items"].size(), 1u);
  EXPECT_EQ(by_request["items"][0]["after"]["salesperson"], "ann");
  json by_action = GetOk("admin", "/api/v1/audit?action=customer.update&entity=customer");
  EXPECT_EQ(Field(by_action, "request_id"), (std::vector<std::string>{"req-a", "req-b"}));
  json customers = GetOk("admin", "/api/v1/audit?entity=customer");
  EXPECT_EQ(Field(customers, "action"),
            (std::vector<std::string>{"customer.create", "customer.create", "customer.update",
                                      "customer.update"}));
  EXPECT_EQ(GetOk("admin", "/api/v1/audit?entity=nothing")["items"].size(), 0u);

  // Every record once, oldest first, across pages of 3.
  int64_t total = db_.Count("audit_log");
  std::vector<int64_t> ids;
  std::string target = "/api/v1/audit?limit=3";
  while (true) {
    json page = GetOk("admin", target);
    ASSERT_TRUE(page.is_object());
    for (const auto& item : page["items"]) ids.push_back(item["id"].get<int64_t>());
    if (page["next_cursor"].is_null()) break;
    target = "/api/v1/audit?limit=3&cursor=" + page["next_cursor"].get<std::string>();
  }
  ASSERT_EQ(static_cast<int64_t>(ids.size()), total);
  for (size_t i = 1; i < ids.size(); ++i) EXPECT_LT(ids[i - 1], ids[i]);

  for (const char* bad : {"entity_id=4", "entity=order&entity_id=abc", "entity=order&entity_id=0",
                          "limit=501", "cursor=nope"}) {
    EXPECT_TRUE(IsProblem(Call("admin", "GET", std::string("/api/v1/audit?") + bad), 400,
                          "invalid_argument"))
        << bad;
  }
}

TEST_F(AuditEventsApiTest, AuditPassesStoredImagesOnExactly) {
  RunCommand([](store::Connection& conn, const CommandContext& ctx) {
    audit::RecordText(conn, ctx, "test.exact", "gizmo", 7,
                      R"({"ratio":1.10,"big":12345678901234567890})", std::nullopt);
  });
  auto r = Call("admin", "GET", "/api/v1/audit?entity=gizmo&entity_id=7");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find(R"("before":{"ratio":1.10,"big":12345678901234567890})"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find(R"("after":null)"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"("request_id":null)"), std::string::npos) << r.body;
  EXPECT_EQ(r.Header("Content-Type").value_or(""), "application/json");
}

TEST_F(AuditEventsApiTest, AuditPermissions) {
  for (const char* user : {"admin", "manager", "arclerk"}) {
    EXPECT_EQ(Call(user, "GET", "/api/v1/audit").status, 200) << user;
  }
  for (const char* user : {"sales", "warehouse", "integration", "portal"}) {
    EXPECT_TRUE(IsProblem(Call(user, "GET", "/api/v1/audit"), 403, "forbidden")) << user;
  }
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/audit"), 401, "unauthenticated"));
}

TEST_F(AuditEventsApiTest, EventFeedLetsAPollerContinueFromTheLastId) {
  json all = GetOk("integration", "/api/v1/events?limit=500");
  ASSERT_FALSE(all["items"].empty());
  EXPECT_TRUE(all["next_cursor"].is_null());
  int64_t total = db_.Count("outbox_events");
  ASSERT_EQ(static_cast<int64_t>(all["items"].size()), total);
  const json& first = all["items"][0];
  EXPECT_EQ(first["type"], "warehouse.created");
  EXPECT_EQ(first["entity"], "warehouse");
  EXPECT_EQ(first["payload"]["code"], "W1");
  EXPECT_TRUE(first["at"].get<std::string>().ends_with("Z"));
  int64_t last = all["last_id"];
  EXPECT_EQ(last, all["items"].back()["id"].get<int64_t>());

  // Nothing new: an empty page that keeps the poller's position.
  json idle = GetOk("integration", "/api/v1/events?after=" + std::to_string(last));
  EXPECT_TRUE(idle["items"].empty());
  EXPECT_EQ(idle["last_id"], last);
  EXPECT_TRUE(idle["next_cursor"].is_null());

  auto created = Call("admin", "POST", "/api/v1/customers",
                      R"({"code": "C-50", "name": "Fifty", "ship_to": [{"code": "A"}]})");
  ASSERT_EQ(created.status, 201) << created.body;
  json fresh = GetOk("integration", "/api/v1/events?after=" + std::to_string(last));
  ASSERT_EQ(fresh["items"].size(), 1u);
  EXPECT_EQ(fresh["items"][0]["type"], "customer.created");
  EXPECT_EQ(fresh["items"][0]["payload"]["code"], "C-50");
  EXPECT_EQ(fresh["items"][0]["entity_id"], created.Json()["id"]);
  EXPECT_EQ(fresh["last_id"], fresh["items"][0]["id"]);
}

TEST_F(AuditEventsApiTest, EventFeedPagesFiltersAndRejectsBadParameters) {
  std::vector<int64_t> ids;
  int64_t after = 0;
  int pages = 0;
  while (true) {
    json page = GetOk("admin", "/api/v1/events?limit=4&after=" + std::to_string(after));
    ASSERT_TRUE(page.is_object());
    ++pages;
    for (const auto& e : page["items"]) ids.push_back(e["id"].get<int64_t>());
    after = page["last_id"];
    if (page["next_cursor"].is_null()) break;
    // The cursor continues where after=last_id would.
    json via_cursor =
        GetOk("admin", "/api/v1/events?limit=4&cursor=" + page["next_cursor"].get<std::string>());
    json via_after = GetOk("admin", "/api/v1/events?limit=4&after=" + std::to_string(after));
    EXPECT_EQ(via_cursor, via_after);
  }
  int64_t total = db_.Count("outbox_events");
  EXPECT_EQ(static_cast<int64_t>(ids.size()), total);
  EXPECT_EQ(pages, static_cast<int>((total + 3) / 4));
  for (size_t i = 1; i < ids.size(); ++i) EXPECT_LT(ids[i - 1], ids[i]);

  json customers = GetOk("integration", "/api/v1/events?type=customer.created");
  EXPECT_EQ(Field(customers, "entity"), (std::vector<std::string>{"customer", "customer"}));
  // Stock receipts are events of their warehouse.
  json warehouses = GetOk("integration", "/api/v1/events?entity=warehouse");
  EXPECT_EQ(Field(warehouses, "type"),
            (std::vector<std::string>{"warehouse.created", "warehouse.created", "stock.received",
                                      "stock.received", "stock.received"}));
  EXPECT_TRUE(
      GetOk("integration", "/api/v1/events?type=customer.created&entity=item")["items"].empty());

  for (const char* bad :
       {"after=-1", "after=abc", "after=1.5", "limit=0", "cursor=zz", "after=1&cursor=c1.2"}) {
    EXPECT_TRUE(IsProblem(Call("integration", "GET", std::string("/api/v1/events?") + bad), 400,
                          "invalid_argument"))
        << bad;
  }
}

TEST_F(AuditEventsApiTest, EventPayloadsArePassedOnExactly) {
  RunCommand([](store::Connection& conn, const CommandContext& ctx) {
    events::PublishText(conn, ctx, "test.exact", "gizmo", 3, R"({"amount":1.10})");
  });
  auto r = Call("integration", "GET", "/api/v1/events?type=test.exact");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find(R"("payload":{"amount":1.10})"), std::string::npos) << r.body;
}

TEST_F(AuditEventsApiTest, EventPermissions) {
  for (const char* user : {"admin", "integration"}) {
    EXPECT_EQ(Call(user, "GET", "/api/v1/events").status, 200) << user;
  }
  for (const char* user : {"sales", "manager", "arclerk", "warehouse", "portal"}) {
    EXPECT_TRUE(IsProblem(Call(user, "GET", "/api/v1/events"), 403, "forbidden")) << user;
  }
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/events"), 401, "unauthenticated"));
}

}  // namespace
}  // namespace ordo::api::testing
