// TestClient: a small blocking HTTP/1.1 client over one TCP connection to 127.0.0.1, for tests.
//
// Reads fail (throw) after a generous receive timeout instead of hanging a broken test. Not
// thread-safe; one client per thread.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ordo::http::testing {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct ClientResponse {
  int status = 0;
  HeaderList headers;
  std::string body;
  bool keep_alive = false;

  std::optional<std::string> Header(std::string_view name) const;
  nlohmann::json Json() const { return nlohmann::json::parse(body); }
};

class TestClient {
 public:
  explicit TestClient(uint16_t port);

  // Writes one request (with Host and Content-Length) and reads its response.
  ClientResponse Send(std::string_view method, std::string_view target, std::string body = {},
                      const HeaderList& headers = {});
  void WriteRequest(std::string_view method, std::string_view target, std::string body = {},
                    const HeaderList& headers = {});
  void WriteRaw(std::string_view bytes);
  ClientResponse Read();
  // Reads until the server closes the connection; true when it did so cleanly (EOF or reset).
  // What arrived meanwhile goes to `received` when given.
  bool ReadUntilClosed(std::string* received = nullptr);
  // Reads raw bytes (a streamed response) and appends them to `received` until it contains
  // `marker`; false when the connection closed or the receive timeout passed first.
  bool ReadUntil(std::string_view marker, std::string& received);

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace ordo::http::testing
