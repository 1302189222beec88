// GET /api/v1/events/stream over a real loopback server: server-sent events in order, resumed
// from Last-Event-ID without a gap or a repeat, filtered to what the user may see (a portal
// user's stream carries nothing of another customer), heartbeats, and streams that end with
// the server without holding its workers.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

struct Frame {
  std::optional<int64_t> id;
  std::string event;  // "" for a plain message
  json data;
};

// The complete frames of a stream's text (after its head), comments left out.
std::vector<Frame> Frames(const std::string& received) {
  std::vector<Frame> out;
  size_t start = received.find("\r\n\r\n");
  start = start == std::string::npos ? 0 : start + 4;
  while (true) {
    size_t end = received.find("\n\n", start);
    if (end == std::string::npos) break;
    std::string block = received.substr(start, end - start);
    start = end + 2;
    Frame f;
    bool any = false;
    size_t pos = 0;
    while (pos <= block.size()) {
      size_t nl = block.find('\n', pos);
      std::string line = block.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      pos = nl == std::string::npos ? block.size() + 1 : nl + 1;
      if (line.starts_with("id: ")) f.id = std::stoll(line.substr(4)), any = true;
      if (line.starts_with("event: ")) f.event = line.substr(7);
      if (line.starts_with("data: ")) f.data = json::parse(line.substr(6)), any = true;
    }
    if (any) out.push_back(std::move(f));
  }
  return out;
}

class EventStreamTest : public OrdersApiTest {
 protected:
  void SetUp() override {
    OrdersApiTest::SetUp();
    ctx_->event_streams.lifetime = std::chrono::minutes(5);
  }

  // Opens a stream as `user` and reads until its ready frame.
  std::unique_ptr<http::testing::TestClient> Open(const std::string& user, std::string& received,
                                                  std::optional<int64_t> last_event_id = {}) {
    auto client = NewClient();
    HeaderList headers = {{"Authorization", "Bearer " + Token(user)},
                          {"Accept", "text/event-stream"}};
    if (last_event_id) headers.emplace_back("Last-Event-ID", std::to_string(*last_event_id));
    client->WriteRequest("GET", "/api/v1/events/stream", "", headers);
    EXPECT_TRUE(client->ReadUntil("event: ready", received)) << received;
    EXPECT_TRUE(client->ReadUntil("\n\n", received)) << received;
    return client;
  }

  // The ids of the feed's events after `after` that match `type` ("" for all), oldest first.
  std::vector<int64_t> FeedIds(int64_t after) {
    auto r = Call("admin", "GET", "/api/v1/events?limit=100&after=" + std::to_string(after));
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<int64_t> ids;
    const json page = r.Json();
    for (const auto& e : page["items"]) ids.push_back(e["id"].get<int64_t>());
    return ids;
  }

  static std::vector<int64_t> EventIds(const std::vector<Frame>& frames) {
    std::vector<int64_t> ids;
    for (const auto& f : frames) {
      if (f.event.empty()) ids.push_back(f.data["id"].get<int64_t>());
    }
    return ids;
  }

  json Ship(const std::string& order_number) {
    auto pick = Call("warehouse", "POST", "/api/v1/shipments",
                     R"({"order": ")" + order_number + R"(", "warehouse": "W1"})");
    EXPECT_EQ(pick.status, 201) << pick.body;
    auto shipped = Call("warehouse", "POST",
                        "/api/v1/shipments/" + pick.Json().value("number", "") + "/confirm",
                        R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z9",
                            "packages": [{"weight": "1"}]})");
    EXPECT_EQ(shipped.status, 200) << shipped.body;
    return shipped.Json();
  }
};

TEST_F(EventStreamTest, EventsArriveInOrderAndAStreamResumesAfterLastEventId) {
  std::string received;
  auto stream = Open("admin", received);
  auto frames = Frames(received);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].event, "ready");
  const int64_t start = *frames[0].id;
  EXPECT_EQ(frames[0].data["last_id"], start);
  EXPECT_NE(received.find("Content-Type: text/event-stream"), std::string::npos) << received;

  json order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
  ASSERT_TRUE(stream->ReadUntil("\"order.allocated\"", received)) << received;
  ASSERT_TRUE(stream->ReadUntil("\n\n", received)) << received;
  frames = Frames(received);
  std::vector<int64_t> seen = EventIds(frames);
  EXPECT_EQ(seen, FeedIds(start)) << "every event after the start, in order, once";
  for (const auto& f : frames) {
    if (!f.event.empty()) continue;
    EXPECT_EQ(*f.id, f.data["id"].get<int64_t>());
    EXPECT_EQ(f.data["order"], order["number"]);
    EXPECT_TRUE(f.data.contains("payload")) << "staff get the payload";
  }
  stream.reset();  // the client goes away

  // Business goes on while nobody listens; a reconnect resumes right after the last id seen.
  const int64_t last_seen = seen.back();
  json shipped = Ship(order["number"]);
  std::string resumed;
  auto again = Open("admin", resumed, last_seen);
  ASSERT_TRUE(again->ReadUntil("\"invoice.created\"", resumed)) << resumed;
  ASSERT_TRUE(again->ReadUntil("\n\n", resumed)) << resumed;
  auto resumed_frames = Frames(resumed);
  EXPECT_EQ(resumed_frames[0].event, "ready");
  EXPECT_EQ(*resumed_frames[0].id, last_seen);
  std::vector<int64_t> after = EventIds(resumed_frames);
  std::vector<int64_t> feed = FeedIds(last_seen);
  ASSERT_FALSE(after.empty());
  EXPECT_EQ(after.front(), feed.front()) << "no gap after the last id seen";
  EXPECT_GT(after.front(), last_seen) << "nothing seen is repeated";
  std::vector<std::string> types;
  for (const auto& f : resumed_frames) {
    if (f.event.empty()) types.push_back(f.data["type"]);
  }
  EXPECT_NE(std::find(types.begin(), types.end(), "shipment.confirmed"), types.end());
  for (const auto& f : resumed_frames) {
    if (f.event.empty() && f.data["type"] == "invoice.created") {
      EXPECT_EQ(f.data["order"], order["number"]) << "an invoice names its order";
      EXPECT_EQ(f.data["payload"]["number"], shipped["invoice"]);
    }
  }
}

TEST_F(EventStreamTest, APortalUsersStreamCarriesNothingOfAnotherCustomer) {
  std::string mine, theirs;
  auto portal = Open("portal", mine);      // C-1
  auto portal2 = Open("portal2", theirs);  // C-2
  json other = Place("sales", OrderBody("C-2", R"([{"sku": "WID-100", "quantity": 2}])"));
  Ship(other["number"]);
  json own = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 3}])"));
  json own_shipped = Ship(own["number"]);
  ASSERT_TRUE(portal->ReadUntil("\"invoice.created\"", mine)) << mine;
  ASSERT_TRUE(portal->ReadUntil("\n\n", mine)) << mine;
  EXPECT_EQ(mine.find(other["number"].get<std::string>()), std::string::npos) << mine;
  EXPECT_EQ(mine.find("\"payload\""), std::string::npos) << "portal events carry no payload";
  auto frames = Frames(mine);
  std::vector<std::string> types;
  for (const auto& f : frames) {
    if (!f.event.empty()) continue;
    EXPECT_EQ(f.data["order"], own["number"]) << f.data.dump();
    types.push_back(f.data["type"]);
  }
  EXPECT_NE(std::find(types.begin(), types.end(), "order.created"), types.end());
  EXPECT_NE(std::find(types.begin(), types.end(), "shipment.confirmed"), types.end());

  // The other customer's stream got its own order's events and none of C-1's.
  ASSERT_TRUE(portal2->ReadUntil("\"invoice.created\"", theirs)) << theirs;
  ASSERT_TRUE(portal2->ReadUntil("\n\n", theirs)) << theirs;
  EXPECT_NE(theirs.find(other["number"].get<std::string>()), std::string::npos) << theirs;
  // C-1's events came after C-2's; a heartbeat-free wait is not needed: C-2 saw its invoice,
  // and C-1's order number never appears in what it was sent.
  EXPECT_EQ(theirs.find(own["number"].get<std::string>()), std::string::npos) << theirs;
}

TEST_F(EventStreamTest, StaffSeeTheEventsOfWhatTheirRolesMayRead) {
  std::string received;
  auto warehouse = Open("warehouse", received);  // shipments.read, no invoices.read
  json order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1}])"));
  Ship(order["number"]);
  json later = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1}])"));
  ASSERT_TRUE(warehouse->ReadUntil(later["number"].get<std::string>(), received)) << received;
  EXPECT_NE(received.find("\"shipment.confirmed\""), std::string::npos) << received;
  EXPECT_EQ(received.find("\"invoice.created\""), std::string::npos) << received;
}

TEST_F(EventStreamTest, AnIdleStreamGetsHeartbeatsAndEndsAfterItsLifetime) {
  ctx_->event_streams.heartbeat = std::chrono::milliseconds(50);
  std::string received;
  auto stream = Open("sales", received);
  ASSERT_TRUE(stream->ReadUntil(": heartbeat\n\n", received)) << received;
  ctx_->event_streams.lifetime = std::chrono::milliseconds(100);
  std::string short_lived;
  auto ending = Open("sales", short_lived);
  EXPECT_TRUE(ending->ReadUntilClosed()) << "the server ends a stream past its lifetime";
}

TEST_F(EventStreamTest, StreamsHoldNoWorkerAndAreClosedWhenTheServerStops) {
  // More streams than the server has workers (4): requests are still answered.
  std::vector<std::unique_ptr<http::testing::TestClient>> streams;
  for (int i = 0; i < 8; ++i) {
    std::string received;
    streams.push_back(Open(i % 2 ? "sales" : "portal", received));
  }
  auto r = Call("sales", "GET", "/api/v1/orders");
  EXPECT_EQ(r.status, 200) << r.body;
  server_->Stop();
  for (auto& s : streams) EXPECT_TRUE(s->ReadUntilClosed()) << "closed by the stopping server";
}

TEST_F(EventStreamTest, ABadLastEventIdOrNoTokenIsRefused) {
  auto bad = Call("sales", "GET", "/api/v1/events/stream", "", {{"Last-Event-ID", "x1"}});
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument")) << bad.body;
  EXPECT_EQ(bad.Json()["errors"][0]["field"], "Last-Event-ID");
  auto anonymous = Call("", "GET", "/api/v1/events/stream");
  EXPECT_TRUE(IsProblem(anonymous, 401, "unauthenticated")) << anonymous.body;
}

}  // namespace
}  // namespace ordo::api::testing
