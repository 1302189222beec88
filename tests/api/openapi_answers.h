// OpenApiAnswers: holds an HTTP answer to the OpenAPI document the server publishes. The API
// test fixture runs every answer it receives through it, so a drift between what the server
// says and what the document promises fails the test that saw it.
//
// For `method target` it finds the operation (of the path templates that match, the one with
// the most literal characters: "/invoices/{ref}.pdf" over "/invoices/{ref}"), then the response for
// the status (exact, then "4XX", then "default"). Besides those, any request may be answered 400
// bad_request, 405, 431, 500 or 503 with a problem document (the document's info says so); a target
// no path matches may be answered 404 or 405. The answer's media type must be one the response
// lists, and a JSON body must satisfy its schema (schema_check.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api/schema_check.h"

namespace ordo::api::testing {

class OpenApiAnswers {
 public:
  // Parses the document; throws when it is not JSON.
  explicit OpenApiAnswers(std::string_view document);

  // What is wrong with the answer, one line each; empty when it keeps the promise.
  std::vector<std::string> Check(const std::string& method, const std::string& target, int status,
                                 const std::string& content_type, const std::string& body) const;

  const nlohmann::json& document() const { return document_; }

 private:
  // The operation object for `method` on the path `path` (no query), or nullptr.
  const nlohmann::json* FindOperation(const std::string& method, const std::string& path) const;
  void CheckBody(const nlohmann::json& response, int status, const std::string& content_type,
                 const std::string& body, std::vector<std::string>& out) const;

  nlohmann::json document_;
  SchemaCheck schemas_;
};

// The answers of the embedded document (api::OpenApiDocument()), shared by every test.
const OpenApiAnswers& PublishedAnswers();

}  // namespace ordo::api::testing
