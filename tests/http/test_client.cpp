#include "test_client.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "http/request.h"

namespace ordo::http::testing {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

constexpr int kReceiveTimeoutSeconds = 30;

}  // namespace

std::optional<std::string> ClientResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

TestClient::TestClient(uint16_t port) : socket_(io_) {
  socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  timeval timeout{kReceiveTimeoutSeconds, 0};
  setsockopt(socket_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
}

ClientResponse TestClient::Send(std::string_view method, std::string_view target, std::string body,
                                const HeaderList& headers) {
  WriteRequest(method, target, std::move(body), headers);
  return Read();
}

void TestClient::WriteRequest(std::string_view method, std::string_view target, std::string body,
                              const HeaderList& headers) {
  bhttp::request<bhttp::string_body> request;
  request.method_string(beast::string_view(method.data(), method.size()));
  request.target(beast::string_view(target.data(), target.size()));
  request.version(11);
  request.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.insert(name, value);
  request.body() = std::move(body);
  request.prepare_payload();
  bhttp::write(socket_, request);
}

void TestClient::WriteRaw(std::string_view bytes) {
  net::write(socket_, net::buffer(bytes.data(), bytes.size()));
}

ClientResponse TestClient::Read() {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  bhttp::read(socket_, buffer_, parser);
  const auto& message = parser.get();
  ClientResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  response.body = message.body();
  response.keep_alive = message.keep_alive();
  return response;
}

bool TestClient::ReadUntilClosed(std::string* received) {
  if (received) {
    auto pending = buffer_.data();
    received->append(static_cast<const char*>(pending.data()), pending.size());
  }
  char scratch[4096];
  while (true) {
    beast::error_code ec;
    size_t bytes = socket_.read_some(net::buffer(scratch), ec);
    if (received) received->append(scratch, bytes);
    if (ec == net::error::eof || ec == net::error::connection_reset) return true;
    if (ec) return false;  // e.g. the receive timeout
  }
}

bool TestClient::ReadUntil(std::string_view marker, std::string& received) {
  auto pending = buffer_.data();
  received.append(static_cast<const char*>(pending.data()), pending.size());
  buffer_.consume(buffer_.size());
  char scratch[4096];
  while (received.find(marker) == std::string::npos) {
    beast::error_code ec;
    size_t bytes = socket_.read_some(net::buffer(scratch), ec);
    received.append(scratch, bytes);
    if (ec) return received.find(marker) != std::string::npos;
  }
  return true;
}

}  // namespace ordo::http::testing
