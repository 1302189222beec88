#include "http/connection.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "http/exchange.h"
#include "http/request_id.h"
#include "http/wire_format.h"

namespace ordo::http::internal {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

constexpr size_t kReadChunk = 4096;
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

std::string RemoteAddress(const tcp::socket& socket) {
  beast::error_code ec;
  tcp::endpoint endpoint = socket.remote_endpoint(ec);
  return ec ? "unknown" : FormatEndpoint(endpoint);
}

std::string PeerAddress(const tcp::socket& socket) {
  beast::error_code ec;
  tcp::endpoint endpoint = socket.remote_endpoint(ec);
  return ec ? "unknown" : endpoint.address().to_string();
}

}  // namespace

// The StreamWriter of one streamed response: posts to its connection's strand while the
// server's responder gate is open (after Stop() the io_context may be gone).
class StreamChannel : public StreamWriter {
 public:
  StreamChannel(std::weak_ptr<Connection> connection, std::shared_ptr<ResponderGate> gate)
      : connection_(std::move(connection)), gate_(std::move(gate)) {}

  bool Write(std::string bytes) override {
    if (closed_.load()) return false;
    std::lock_guard lock(gate_->mu);
    auto connection = connection_.lock();
    if (!gate_->open || !connection) {
      closed_.store(true);
      return false;
    }
    connection->PostStreamBytes(std::move(bytes));
    return true;
  }

  void Close() override {
    if (closed_.exchange(true)) return;
    std::lock_guard lock(gate_->mu);
    if (auto connection = connection_.lock(); connection && gate_->open) connection->ForceClose();
  }

  bool closed() const override { return closed_.load(); }
  void MarkClosed() { closed_.store(true); }

 private:
  const std::weak_ptr<Connection> connection_;
  const std::shared_ptr<ResponderGate> gate_;
  std::atomic<bool> closed_{false};
};

Connection::Connection(tcp::socket socket, ServerContext& context)
    : context_(context),
      executor_(socket.get_executor()),
      stream_(std::move(socket)),
      remote_address_(RemoteAddress(stream_.socket())),
      peer_address_(PeerAddress(stream_.socket())) {}

void Connection::Start() {
  net::post(executor_, [self = shared_from_this()] {
    if (self->state_ != State::kNew) return;
    self->AwaitRequest();
  });
}

void Connection::Refuse(Response response) {
  net::post(executor_, [self = shared_from_this(), response = std::move(response)]() mutable {
    if (self->state_ != State::kNew) return;
    self->refusing_ = true;
    self->started_ = std::chrono::steady_clock::now();
    self->request_ = std::make_shared<Request>();
    self->request_->remote_address = self->remote_address_;
    self->request_->request_id = NewRequestId();
    // Lingering lets the client read the answer even if it has sent a request meanwhile.
    self->Answer(std::move(response), /*close_after=*/true, /*linger=*/true);
  });
}

void Connection::BeginDrain() {
  net::post(executor_, [self = shared_from_this()] {
    if (self->state_ == State::kNew || self->state_ == State::kIdle ||
        self->state_ == State::kStreaming) {
      self->Close();
    }
  });
}

void Connection::ForceClose() {
  net::post(executor_, [self = shared_from_this()] { self->Close(); });
}

void Connection::Deliver(uint64_t sequence, Response response, std::string error) {
  net::post(executor_, [self = shared_from_this(), sequence, response = std::move(response),
                        error = std::move(error)]() mutable {
    self->OnDelivered(sequence, std::move(response), error);
  });
}

void Connection::PostStreamBytes(std::string bytes) {
  net::post(executor_, [self = shared_from_this(), bytes = std::move(bytes)]() mutable {
    if (self->state_ != State::kStreaming || !self->stream_channel_) return;
    self->stream_backlog_ += bytes.size();
    if (self->stream_backlog_ > kMaxStreamBacklog) {
      self->Close();  // the client reads too slowly to follow the stream
      return;
    }
    self->stream_queue_.push_back(std::move(bytes));
    if (!self->stream_writing_) self->WriteStreamChunk();
  });
}

void Connection::AwaitRequest() {
  state_ = State::kIdle;
  if (context_.draining.load()) {
    Close();
    return;
  }
  if (buffer_.size() > 0) {  // a pipelined request is already here
    ReadHeader();
    return;
  }
  // A new connection's wait for its first byte counts against its header deadline, so a
  // client that connects and sends nothing is closed as soon as one that trickles a header.
  if (requests_read_ == 0) {
    stream_.expires_at(accepted_ + context_.options.header_timeout);
  } else {
    stream_.expires_after(context_.options.idle_timeout);
  }
  stream_.async_read_some(buffer_.prepare(kReadChunk),
                          beast::bind_front_handler(&Connection::OnIdleRead, shared_from_this()));
}

void Connection::OnIdleRead(beast::error_code ec, size_t bytes) {
  if (state_ != State::kIdle) return;
  if (ec) {
    Close();
    return;
  }
  buffer_.commit(bytes);
  ReadHeader();
}

void Connection::ReadHeader() {
  state_ = State::kReading;
  started_ = std::chrono::steady_clock::now();
  parser_.emplace();
  parser_->header_limit(static_cast<uint32_t>(context_.options.max_header_bytes));
  // Until the target is known, any route's limit; OnHeader narrows it to the request's.
  body_limit_ = LargestBodyLimit(context_.options);
  parser_->body_limit(body_limit_);
  stream_.expires_at(HeaderDeadline());
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&Connection::OnHeader, shared_from_this()));
}

std::chrono::steady_clock::time_point Connection::HeaderDeadline() const {
  const ServerOptions& options = context_.options;
  auto header_from = requests_read_ == 0 ? accepted_ : started_;
  return std::min(header_from + options.header_timeout, started_ + options.read_timeout);
}

void Connection::OnHeader(beast::error_code ec, size_t) {
  if (state_ != State::kReading) return;
  if (ec) {
    OnReadError(ec);
    return;
  }
  if (parser_->is_done()) {
    OnRequestRead();
    return;
  }
  const auto target = parser_->get().target();
  body_limit_ = BodyLimitFor(context_.options, std::string_view(target.data(), target.size()));
  if (auto length = parser_->content_length(); length && *length > body_limit_) {
    OnReadError(bhttp::error::body_limit);
    return;
  }
  parser_->body_limit(body_limit_);  // no body octet is parsed yet (a chunked body counts on)
  stream_.expires_at(started_ + context_.options.read_timeout);  // for the body
  if (ExpectsContinue(parser_->get())) {
    net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                     beast::bind_front_handler(&Connection::OnContinueSent, shared_from_this()));
    return;
  }
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&Connection::OnBody, shared_from_this()));
}

void Connection::OnContinueSent(beast::error_code ec, size_t) {
  if (state_ != State::kReading) return;
  if (ec) {
    Close();
    return;
  }
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&Connection::OnBody, shared_from_this()));
}

void Connection::OnBody(beast::error_code ec, size_t) {
  if (state_ != State::kReading) return;
  if (ec) {
    OnReadError(ec);
    return;
  }
  OnRequestRead();
}

void Connection::OnReadError(beast::error_code ec) {
  const auto& http_category = bhttp::make_error_code(bhttp::error::end_of_stream).category();
  if (ec == bhttp::error::body_limit) {
    request_ = RequestFromParser();
    // The parser may refuse a Content-Length beyond every route's limit before OnHeader ran.
    body_limit_ = BodyLimitFor(context_.options, request_->target);
    Answer(Response::Problem(413, "payload_too_large", "Payload Too Large",
                             "the request body exceeds " + std::to_string(body_limit_) + " bytes"),
           /*close_after=*/true, /*linger=*/true);
  } else if (ec == bhttp::error::header_limit) {
    request_ = RequestFromParser();
    Answer(Response::Problem(431, "headers_too_large", "Request Header Fields Too Large",
                             "the request line and headers exceed " +
                                 std::to_string(context_.options.max_header_bytes) + " bytes"),
           true, true);
  } else if (ec.category() == http_category && ec != bhttp::error::end_of_stream &&
             ec != bhttp::error::partial_message) {
    request_ = RequestFromParser();
    Answer(Response::Problem(400, "bad_request", "Bad Request",
                             "malformed HTTP request: " + ec.message()),
           true, true);
  } else {
    Close();  // the peer went away or timed out; there is nobody to answer
  }
}

std::shared_ptr<Request> Connection::RequestFromParser() {
  auto request = std::make_shared<Request>();
  request->remote_address = remote_address_;
  if (parser_ && parser_->is_header_done()) {
    request_version_ = parser_->get().version();
    CopyRequestHead(parser_->get(), *request);
  }
  request->request_id = RequestIdFor(request->Header("X-Request-Id"));
  head_request_ = request->method == "HEAD";
  return request;
}

void Connection::OnRequestRead() {
  request_ = RequestFromParser();
  ++requests_read_;
  bool close_after = !parser_->get().keep_alive();
  request_->body = std::move(parser_->get().body());
  parser_.reset();
  if (std::optional<Response> problem = HostProblem(*request_, request_version_)) {
    Answer(std::move(*problem), /*close_after=*/true, /*linger=*/false);
    return;
  }
  auto [raw_path, raw_query] = SplitTarget(request_->target);
  std::optional<std::string> path;
  std::optional<QueryParams> query;
  if (!raw_path.empty() && raw_path[0] == '/') {
    path = PercentDecode(raw_path, /*plus_as_space=*/false);
    query = ParseQuery(raw_query);
  }
  if (!path || !query) {
    Answer(Response::Problem(400, "bad_request", "Bad Request",
                             "the request target must be an absolute path with valid "
                             "percent-encoding"),
           close_after, false);
    return;
  }
  request_->path = std::move(*path);
  request_->query = std::move(*query);
  close_after_write_ = close_after;
  Dispatch();
}

void Connection::Dispatch() {
  state_ = State::kHandling;
  ++sequence_;
  auto exchange = std::make_shared<Exchange>(request_, weak_from_this(), sequence_, context_.gate);
  Responder respond = Exchange::MakeResponder(exchange);
  ServerContext& context = context_;
  bool accepted = context_.pool->TrySubmit([&context, exchange, respond] {
    Request& request = exchange->request();
    try {
      context.router.Dispatch(request, respond);
    } catch (const std::exception& e) {
      context.ReportError(request, e.what());
      respond(InternalErrorResponse());
    } catch (...) {
      context.ReportError(request, "unknown exception");
      respond(InternalErrorResponse());
    }
  });
  if (!accepted) {
    exchange->Abandon();
    Answer(BusyResponse("unavailable", "the server is busy; retry later"), close_after_write_,
           false);
  }
}

void Connection::OnDelivered(uint64_t sequence, Response response, const std::string& error) {
  if (state_ != State::kHandling || sequence != sequence_) return;
  if (!error.empty()) context_.ReportError(*request_, error);
  Answer(std::move(response), close_after_write_, false);
}

void Connection::Answer(Response response, bool close_after, bool linger) {
  state_ = State::kWriting;
  close_after_write_ = close_after || context_.draining.load();
  linger_after_write_ = linger;
  response_ = std::move(response);
  if (response_.status < 200 || response_.status > 599) {
    context_.ReportError(
        *request_, "handler answered with invalid status " + std::to_string(response_.status));
    response_ = InternalErrorResponse();
  }
  if (response_.stream && !refusing_ && !head_request_) {
    StartStream();
    return;
  }
  message_.emplace();
  BuildResponseMessage(response_, request_->request_id, request_version_, head_request_,
                       !close_after_write_, *message_);
  // A refusal is a few hundred bytes on a fresh connection: it never needs long.
  stream_.expires_after(refusing_ ? std::min<std::chrono::steady_clock::duration>(
                                        kLingerTimeout, context_.options.write_timeout)
                                  : context_.options.write_timeout);
  bhttp::async_write(stream_, *message_,
                     beast::bind_front_handler(&Connection::OnWritten, shared_from_this()));
}

void Connection::OnWritten(beast::error_code ec, size_t) {
  context_.ReportComplete(*request_, response_, std::chrono::steady_clock::now() - started_);
  message_.reset();
  response_ = Response();
  request_.reset();
  if (state_ != State::kWriting) return;
  if (ec) {
    Close();
  } else if (close_after_write_) {
    linger_after_write_ ? Linger() : Close();
  } else {
    AwaitRequest();
  }
}

void Connection::StartStream() {
  state_ = State::kStreaming;
  message_.emplace();
  BuildStreamHead(response_, request_->request_id, request_version_, *message_);
  stream_head_.emplace(*message_);
  stream_.expires_after(context_.options.write_timeout);
  bhttp::async_write_header(
      stream_, *stream_head_,
      beast::bind_front_handler(&Connection::OnStreamHead, shared_from_this()));
}

void Connection::OnStreamHead(beast::error_code ec, size_t) {
  // A stream's "response time" is the time to its head; its life is not a request's latency.
  context_.ReportComplete(*request_, response_, std::chrono::steady_clock::now() - started_);
  if (state_ != State::kStreaming) return;
  if (ec || context_.draining.load()) {
    Close();
    return;
  }
  stream_head_.reset();
  message_.reset();
  auto start = std::move(response_.stream);
  response_ = Response();
  request_.reset();
  stream_.expires_never();
  stream_channel_ = std::make_shared<StreamChannel>(weak_from_this(), context_.gate);
  // The client sends nothing more on a stream; a read completes when it closes (or resets).
  stream_.socket().async_read_some(
      net::buffer(discard_),
      beast::bind_front_handler(&Connection::OnStreamRead, shared_from_this()));
  try {
    start(stream_channel_);
  } catch (...) {
    Close();
  }
}

void Connection::WriteStreamChunk() {
  stream_writing_ = true;
  // The tcp_stream's timer covers this write only; the pending read goes to the socket itself.
  stream_.expires_after(context_.options.write_timeout);
  net::async_write(stream_, net::buffer(stream_queue_.front()),
                   beast::bind_front_handler(&Connection::OnStreamChunk, shared_from_this()));
}

void Connection::OnStreamChunk(beast::error_code ec, size_t) {
  stream_writing_ = false;
  if (state_ != State::kStreaming) return;
  if (ec) {
    Close();
    return;
  }
  stream_backlog_ -= stream_queue_.front().size();
  stream_queue_.pop_front();
  if (!stream_queue_.empty()) {
    WriteStreamChunk();
  } else {
    stream_.expires_never();
  }
}

void Connection::OnStreamRead(beast::error_code ec, size_t) {
  if (state_ != State::kStreaming) return;
  if (ec) {
    Close();
    return;
  }
  stream_.socket().async_read_some(
      net::buffer(discard_),
      beast::bind_front_handler(&Connection::OnStreamRead, shared_from_this()));
}

// Half-closes and discards what the client still sends (e.g. an oversized body), so closing
// does not reset the connection before the client has read the error response.
void Connection::Linger() {
  state_ = State::kLingering;
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.expires_after(
      std::min<std::chrono::steady_clock::duration>(kLingerTimeout, context_.options.read_timeout));
  stream_.async_read_some(net::buffer(discard_),
                          beast::bind_front_handler(&Connection::OnLingerRead, shared_from_this()));
}

void Connection::OnLingerRead(beast::error_code ec, size_t) {
  if (state_ != State::kLingering) return;
  if (ec) {
    Close();
    return;
  }
  stream_.async_read_some(net::buffer(discard_),
                          beast::bind_front_handler(&Connection::OnLingerRead, shared_from_this()));
}

void Connection::Close() {
  if (state_ == State::kClosed) return;
  state_ = State::kClosed;
  // The queue stays: a write being cancelled may still refer to its front.
  if (stream_channel_) stream_channel_->MarkClosed();
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
  if (refusing_) {
    context_.connections.EndRefusal();
  } else {
    context_.connections.Remove(this);
  }
}

}  // namespace ordo::http::internal
