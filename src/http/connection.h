// Connection: one accepted TCP connection speaking HTTP/1.1 (internal to the server; the only
// place besides server.cpp that sees Boost.Beast).
//
// Reads one request at a time (headers, then the body, answering Expect: 100-continue), hands
// it to the worker pool, and writes the response when the handler's Responder delivers it;
// then waits for the next request on the same connection unless either side asked to close.
// Limits and timeouts come from ServerOptions; protocol errors are answered with a problem and
// the connection is closed after the client has had a chance to read it. A connection the
// registry did not admit is Refuse()d instead: it answers at once, reads no request and closes.
// A streamed response (Response::stream) turns the connection into a stream: the head is
// written, then whatever the producer's StreamWriter sends, in order, until the client closes,
// a write fails or takes longer than write_timeout, more than kMaxStreamBacklog bytes wait,
// or the server drains; it is never kept alive for another request.
//
// Thread-safety: every member runs on the connection's strand; the public methods only post
// to it and may be called from any thread. Owned by the ConnectionRegistry while open and by
// pending asynchronous operations.
#pragma once

#include <array>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "http/server_context.h"
#include "http/wire_format.h"

namespace ordo::http::internal {

class StreamChannel;

// Bytes a stream may have waiting to be written; a client reading slower is disconnected.
inline constexpr size_t kMaxStreamBacklog = 1024 * 1024;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(boost::asio::ip::tcp::socket socket, ServerContext& context);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void Start();
  // Writes `response` (a 503 for a connection beyond the limits) without reading a request,
  // then closes. REQUIRES: instead of Start(), after TryBeginRefusal() succeeded; the refusal
  // ends when the connection closes.
  void Refuse(Response response);
  // Closes the connection if it is between requests; otherwise it closes after its response.
  void BeginDrain();
  void ForceClose();
  // Answers request number `sequence`; ignored unless that request is still being handled.
  // A non-empty `error` is reported through on_error first.
  void Deliver(uint64_t sequence, Response response, std::string error);
  // Queues bytes of a streamed response (StreamChannel's Write).
  void PostStreamBytes(std::string bytes);

  // The client's IP address without the port ("127.0.0.1", "::1"); per-address limits key on it.
  const std::string& peer_address() const { return peer_address_; }

 private:
  enum class State { kNew, kIdle, kReading, kHandling, kWriting, kStreaming, kLingering, kClosed };
  using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

  void AwaitRequest();
  void OnIdleRead(boost::beast::error_code ec, size_t bytes);
  void ReadHeader();
  // When the request being read must have its complete header (see ServerOptions).
  std::chrono::steady_clock::time_point HeaderDeadline() const;
  void OnHeader(boost::beast::error_code ec, size_t bytes);
  void OnContinueSent(boost::beast::error_code ec, size_t bytes);
  void OnBody(boost::beast::error_code ec, size_t bytes);
  void OnReadError(boost::beast::error_code ec);
  void OnRequestRead();
  // A Request from what the parser has seen so far (used for error answers, too).
  std::shared_ptr<Request> RequestFromParser();
  void Dispatch();
  void OnDelivered(uint64_t sequence, Response response, const std::string& error);
  void Answer(Response response, bool close_after, bool linger);
  void OnWritten(boost::beast::error_code ec, size_t bytes);
  void StartStream();
  void OnStreamHead(boost::beast::error_code ec, size_t bytes);
  void WriteStreamChunk();
  void OnStreamChunk(boost::beast::error_code ec, size_t bytes);
  void OnStreamRead(boost::beast::error_code ec, size_t bytes);
  void Linger();
  void OnLingerRead(boost::beast::error_code ec, size_t bytes);
  void Close();

  ServerContext& context_;
  const boost::asio::any_io_executor executor_;
  boost::beast::tcp_stream stream_;
  const std::string remote_address_;
  const std::string peer_address_;
  const std::chrono::steady_clock::time_point accepted_ = std::chrono::steady_clock::now();
  boost::beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  State state_ = State::kNew;
  uint64_t sequence_ = 0;
  uint64_t requests_read_ = 0;  // complete requests read; 0 while the first is awaited
  bool refusing_ = false;
  std::shared_ptr<Request> request_;
  unsigned request_version_ = 11;
  bool head_request_ = false;
  bool close_after_write_ = false;
  bool linger_after_write_ = false;
  Response response_;
  std::optional<ResponseMessage> message_;
  std::chrono::steady_clock::time_point started_;
  size_t body_limit_ = 0;  // of the request being read (ServerOptions' BodyLimitFor)
  std::array<char, 4096> discard_;
  // A streamed response: its head's serializer, the producer's channel, what waits to be
  // written (front first) and how many bytes that is.
  using HeadSerializer =
      boost::beast::http::response_serializer<boost::beast::http::span_body<const char>>;
  std::optional<HeadSerializer> stream_head_;
  std::shared_ptr<StreamChannel> stream_channel_;
  std::deque<std::string> stream_queue_;
  size_t stream_backlog_ = 0;
  bool stream_writing_ = false;
};

}  // namespace ordo::http::internal
