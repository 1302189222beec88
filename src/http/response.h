// Response: what a handler answers, plus builders for JSON, text and problem+json bodies.
//
// A plain value; the server adds Content-Length, Connection and X-Request-Id when writing it
// (any such headers set here are replaced). Not synchronized.
//
// A streamed response (server-sent events) sets `stream`: the server writes the status and
// headers without a length, hands the producer a StreamWriter, and writes what the producer
// sends until either side closes. The stream holds its connection (counted against the
// connection limits) but no worker; Server::Stop() closes it at once.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ordo::http {

// The producer's end of a streamed response. Thread-safe; may outlive the connection.
class StreamWriter {
 public:
  virtual ~StreamWriter() = default;
  // Queues `bytes` to be written after what was queued before. False once the stream is
  // closed (the client went away, a write failed or fell too far behind, the server is
  // stopping, or Close() was called): the producer should then forget the writer.
  virtual bool Write(std::string bytes) = 0;
  // Ends the stream: what is queued is dropped and the connection closed.
  virtual void Close() = 0;
  virtual bool closed() const = 0;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the response is a stream (see above; `body` is not sent): called once, on an io
  // thread once the headers are written, with the writer. It must return quickly.
  std::function<void(std::shared_ptr<StreamWriter>)> stream;

  // `body` serialized compactly, Content-Type: application/json. Invalid UTF-8 in strings is
  // replaced rather than thrown.
  static Response Json(int status, const nlohmann::json& body);
  static Response Text(int status, std::string text,
                       std::string content_type = "text/plain; charset=utf-8");
  // An RFC 9457 problem document (Content-Type: application/problem+json):
  // {"type": "https://ordo.dev/problems/<code>", "title", "status", "detail", "code",
  //  "errors": [...]}. `errors` must be an array (anything else is sent as []).
  static Response Problem(int status, std::string_view code, std::string_view title,
                          std::string_view detail = {});
  static Response Problem(int status, std::string_view code, std::string_view title,
                          std::string_view detail, const nlohmann::json& errors);

  // Replaces every header named `name` (case-insensitive) by one with `value`.
  void SetHeader(std::string_view name, std::string value);
  // The first header named `name`, compared case-insensitively.
  std::optional<std::string_view> Header(std::string_view name) const;
};

inline constexpr std::string_view kProblemTypePrefix = "https://ordo.dev/problems/";

}  // namespace ordo::http
