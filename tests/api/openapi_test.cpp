// GET /api/v1/openapi.json against the server it describes: the document served over HTTP is
// the embedded one and OpenAPI 3.1; its (method, path) pairs are exactly the routes
// AddApiRoutes registers (path parameters named as the router names them); every operation has
// an operationId and responses; every $ref resolves inside the document; the operations it
// declares open are the only ones the server answers without credentials; and its problem
// schema lists every stable error code. scripts/lint-openapi.sh (CTest openapi_lint) validates
// the same document with an independent OpenAPI validator.
#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/api_fixture.h"
#include "api/api_routes.h"
#include "api/import_routes.h"
#include "api/openapi_routes.h"
#include "core/status.h"
#include "http/test_server.h"
#include "telemetry/metrics.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

using Route = std::pair<std::string, std::string>;  // (method, path pattern)

// The fields of a path item that are operations (OpenAPI 3.1, section 4.8.9).
constexpr std::array<std::string_view, 8> kOperationKeys = {"get",     "put",  "post",  "delete",
                                                            "options", "head", "patch", "trace"};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

struct Operation {
  std::string method;  // "GET"
  std::string path;    // "/api/v1/orders/{ref}"
  const json* body;
};

std::vector<Operation> Operations(const json& doc) {
  std::vector<Operation> out;
  for (const auto& [path, item] : doc.at("paths").items()) {
    for (std::string_view key : kOperationKeys) {
      auto it = item.find(key);
      if (it != item.end()) out.push_back({Upper(key), path, &*it});
    }
  }
  return out;
}

std::string Describe(const std::set<Route>& routes) {
  std::string out;
  for (const auto& [method, path] : routes) out += "\n  " + method + " " + path;
  return out.empty() ? " (none)" : out;
}

// `key` as a JSON pointer reference token: "~" is "~0", "/" is "~1" (RFC 6901).
std::string PointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// Every "$ref" under `node`, with the JSON pointer of where it occurs.
void CollectRefs(const json& node, const std::string& where,
                 std::vector<std::pair<std::string, std::string>>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "$ref" && value.is_string()) out.emplace_back(where, value.get<std::string>());
      CollectRefs(value, where + "/" + PointerToken(key), out);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) {
      CollectRefs(node[i], where + "/" + std::to_string(i), out);
    }
  }
}

// Whether an operation needs credentials: its own `security`, or else the document's, holds a
// requirement, and none of them is the empty object (which would make credentials optional).
bool NeedsCredentials(const json& doc, const json& operation) {
  const json& security = operation.contains("security") ? operation.at("security")
                                                        : doc.value("security", json::array());
  if (security.empty()) return false;
  return std::none_of(security.begin(), security.end(),
                      [](const json& requirement) { return requirement.empty(); });
}

// A concrete path for a template: every {parameter} becomes a value the router accepts.
std::string Concrete(std::string_view path) {
  std::string out;
  bool in_parameter = false;
  for (char c : path) {
    if (c == '{') {
      in_parameter = true;
      out += '1';
    } else if (c == '}') {
      in_parameter = false;
    } else if (!in_parameter) {
      out += c;
    }
  }
  return out;
}

class OpenApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    auto r = Call("sales", "GET", "/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200) << r.body;
    content_type_ = r.Header("Content-Type").value_or("");
    body_ = r.body;
    doc_ = json::parse(r.body, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(doc_.is_object()) << "the served document is not a JSON object";
    ASSERT_TRUE(doc_.contains("paths") && doc_["paths"].is_object());

    // The fixture's server runs without metrics, so it has no GET /metrics; `ordo serve` has
    // it. The routes compared and probed are those of the whole API, metrics included.
    full_ctx_ = std::make_unique<ApiContext>(*ctx_);
    full_ctx_->metrics = &metrics_;
    http::Router router;
    AddApiRoutes(router, *full_ctx_);
    for (const auto& route : router.Routes()) routes_.insert({route.method, route.pattern});
    full_server_ = http::testing::StartServer(std::move(router));
  }

  void TearDown() override {
    full_server_.reset();
    ApiTest::TearDown();
  }

  std::string content_type_;
  std::string body_;
  json doc_;
  telemetry::Metrics metrics_;
  std::unique_ptr<ApiContext> full_ctx_;
  std::set<Route> routes_;
  std::unique_ptr<http::Server> full_server_;
};

TEST_F(OpenApiTest, ServesTheEmbeddedOpenApi31Document) {
  EXPECT_EQ(content_type_, "application/json");
  EXPECT_EQ(body_, std::string(OpenApiDocument()));
  ASSERT_TRUE(doc_.contains("openapi") && doc_["openapi"].is_string());
  EXPECT_TRUE(doc_["openapi"].get<std::string>().starts_with("3.1.")) << doc_["openapi"];
  EXPECT_TRUE(doc_.contains("info") && doc_["info"].contains("version"));
}

TEST_F(OpenApiTest, NeedsAuthenticationLikeEveryOtherApiRoute) {
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/openapi.json"), 401, "unauthenticated"));
  // Any authenticated user may read it, portal users included.
  EXPECT_EQ(Call("portal", "GET", "/api/v1/openapi.json").status, 200);
}

TEST_F(OpenApiTest, PathsAreExactlyTheRoutesTheServerHas) {
  std::set<Route> documented;
  for (const auto& op : Operations(doc_)) documented.insert({op.method, op.path});
  std::set<Route> undocumented;
  std::set_difference(routes_.begin(), routes_.end(), documented.begin(), documented.end(),
                      std::inserter(undocumented, undocumented.end()));
  std::set<Route> phantom;
  std::set_difference(documented.begin(), documented.end(), routes_.begin(), routes_.end(),
                      std::inserter(phantom, phantom.end()));
  EXPECT_TRUE(undocumented.empty())
      << "routes missing from the document:" << Describe(undocumented);
  EXPECT_TRUE(phantom.empty()) << "documented operations the server does not have:"
                               << Describe(phantom);
  EXPECT_TRUE(routes_.contains({"GET", "/api/v1/openapi.json"}));
  EXPECT_TRUE(routes_.contains({"GET", "/metrics"}));
}

TEST_F(OpenApiTest, EveryOperationHasAUniqueIdAndResponses) {
  std::set<std::string> ids;
  for (const auto& op : Operations(doc_)) {
    SCOPED_TRACE(op.method + " " + op.path);
    const json& body = *op.body;
    ASSERT_TRUE(body.contains("operationId") && body["operationId"].is_string());
    std::string id = body["operationId"].get<std::string>();
    EXPECT_FALSE(id.empty());
    EXPECT_TRUE(ids.insert(id).second) << "operationId " << id << " is used twice";
    ASSERT_TRUE(body.contains("responses") && body["responses"].is_object());
    EXPECT_FALSE(body["responses"].empty());
  }
}

TEST_F(OpenApiTest, EveryRefResolvesInsideTheDocument) {
  std::vector<std::pair<std::string, std::string>> refs;
  CollectRefs(doc_, "", refs);
  EXPECT_GT(refs.size(), 0u);
  for (const auto& [where, ref] : refs) {
    SCOPED_TRACE(where + ": " + ref);
    ASSERT_TRUE(ref.starts_with("#/")) << "the document refers outside itself";
    json::json_pointer pointer;
    try {
      pointer = json::json_pointer(ref.substr(1));
    } catch (const json::exception& e) {
      ADD_FAILURE() << "not a JSON pointer: " << e.what();
      continue;
    }
    EXPECT_TRUE(doc_.contains(pointer)) << "unresolved";
  }
}

// The document's `security` against the server: what it declares open answers without
// credentials, everything else answers 401 (and documents that 401) with a problem document
// shaped as the document's Problem schema.
TEST_F(OpenApiTest, SecurityDeclarationsMatchTheServer) {
  const json& problem = doc_.at("components").at("schemas").at("Problem");
  std::set<std::string> problem_fields(problem.at("required").begin(),
                                       problem.at("required").end());
  http::testing::TestClient client(full_server_->port());
  int open = 0;
  for (const auto& op : Operations(doc_)) {
    SCOPED_TRACE(op.method + " " + op.path);
    auto r = client.Send(op.method, Concrete(op.path));
    if (!NeedsCredentials(doc_, *op.body)) {
      ++open;
      EXPECT_NE(r.status, 401) << r.body;
      continue;
    }
    EXPECT_TRUE(op.body->at("responses").contains("401"));
    ASSERT_TRUE(IsProblem(r, 401, "unauthenticated"));
    EXPECT_EQ(r.Header("WWW-Authenticate").value_or(""), "Bearer");
    std::set<std::string> fields;
    json sent = r.Json();
    for (const auto& [key, value] : sent.items()) fields.insert(key);
    EXPECT_EQ(fields, problem_fields);
  }
  EXPECT_EQ(open, 3) << "docs/api.md: only /healthz, /readyz and the token endpoint are open";
}

TEST_F(OpenApiTest, ProblemCodesListEveryStableErrorCode) {
  const json& codes = doc_.at("components").at("schemas").at("ErrorCode").at("enum");
  // ErrorCode runs from kOk (never an error) to kInternal.
  for (int i = static_cast<int>(ErrorCode::kOk) + 1; i <= static_cast<int>(ErrorCode::kInternal);
       ++i) {
    std::string name(CodeName(static_cast<ErrorCode>(i)));
    EXPECT_NE(std::find(codes.begin(), codes.end(), name), codes.end())
        << name << " is missing from components/schemas/ErrorCode";
  }
}

// Every operation that takes a body refuses one over the server's limit (1 MiB; a CSV import's
// is larger) with 413, and
// the fixture holds each answer to the document, so an operation that does not list 413 fails.
TEST_F(OpenApiTest, EveryOperationWithABodyRefusesAnOversizedOne) {
  auto before = db_.Snapshot();
  const std::string huge = "{\"note\": \"" + std::string(1100 * 1024, 'x') + "\"}";
  int sent = 0;
  for (const auto& op : Operations(doc_)) {
    if (!op.body->contains("requestBody")) continue;
    // Each path parameter ("{ref}") becomes "1".
    std::string target;
    bool inside = false;
    for (char c : op.path) {
      if (c == '{') {
        inside = true;
        target += '1';
      } else if (c == '}') {
        inside = false;
      } else if (!inside) {
        target += c;
      }
    }
    // A CSV import takes files of up to kImportBodyLimit (import_routes.h): one byte more.
    const bool import = op.path.starts_with("/api/v1/imports/");
    const std::string body = import ? std::string(kImportBodyLimit + 1, 'x') : huge;
    EXPECT_TRUE(IsProblem(Call("admin", op.method, target, body), 413, "payload_too_large"))
        << op.method << " " << op.path;
    client_ = NewClient();  // the server closes a connection after 413
    ++sent;
  }
  EXPECT_GE(sent, 20);
  EXPECT_EQ(db_.Snapshot(), before);
}

}  // namespace
}  // namespace ordo::api::testing
