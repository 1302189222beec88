#include "http/server.h"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <csignal>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/connection.h"
#include "http/server_context.h"

namespace ordo::http {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using ErrorCode = boost::system::error_code;

constexpr std::chrono::milliseconds kAcceptRetryDelay{50};
constexpr std::chrono::seconds kForceCloseGrace{1};

std::string Describe(std::string_view what, const ServerOptions& options, const ErrorCode& ec) {
  std::string reason = ec.message();
  if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') reason[0] += 'a' - 'A';
  return std::string(what) + " " + options.host + ":" + std::to_string(options.port) + ": " +
         reason;
}

}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, Router router)
      : context_(std::move(options), std::move(router)),
        io_(static_cast<int>(std::max<size_t>(1, context_.options.io_threads))) {}
  ~Impl() { Stop(); }

  void Start();
  void Stop();
  int WaitForSignals();
  uint16_t port() const { return port_; }
  const Router& router() const { return context_.router; }

 private:
  enum class State { kNew, kRunning, kStopped };

  tcp::endpoint Resolve();
  void Accept();
  void OnAccept(const ErrorCode& ec, tcp::socket socket);
  void RunIo();

  // Declared first so that it outlives the connections destroyed along with io_.
  internal::ServerContext context_;
  net::io_context io_;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work_;
  tcp::acceptor acceptor_{net::make_strand(io_)};
  net::steady_timer accept_retry_{acceptor_.get_executor()};
  std::vector<std::thread> io_threads_;
  uint16_t port_ = 0;

  std::mutex lifecycle_mu_;  // serializes Start() and Stop()
  State state_ = State::kNew;

  std::mutex signal_mu_;
  bool stop_requested_ = false;
  net::io_context* signal_io_ = nullptr;  // WaitForSignals()'s, while it waits
};

tcp::endpoint Server::Impl::Resolve() {
  const ServerOptions& options = context_.options;
  ErrorCode ec;
  net::ip::address address = net::ip::make_address(options.host, ec);
  if (!ec) return tcp::endpoint(address, options.port);
  tcp::resolver resolver(io_);
  auto results = resolver.resolve(options.host, std::to_string(options.port), ec);
  if (ec || results.empty()) {
    throw std::runtime_error(
        Describe("cannot resolve", options, ec ? ec : net::error::host_not_found));
  }
  return results.begin()->endpoint();
}

void Server::Impl::Start() {
  std::lock_guard lock(lifecycle_mu_);
  if (state_ != State::kNew) throw std::logic_error("Server::Start() called twice");
  const ServerOptions& options = context_.options;
  tcp::endpoint endpoint = Resolve();
  ErrorCode ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (!ec) port_ = acceptor_.local_endpoint(ec).port();
  if (ec) {
    ErrorCode ignored;
    acceptor_.close(ignored);
    throw std::runtime_error(Describe("cannot listen on", options, ec));
  }
  context_.pool = std::make_unique<WorkerPool>(std::max<size_t>(1, options.worker_threads),
                                               options.max_queued_requests);
  work_.emplace(net::make_work_guard(io_));
  Accept();
  for (size_t i = 0; i < std::max<size_t>(1, options.io_threads); ++i) {
    io_threads_.emplace_back([this] { RunIo(); });
  }
  state_ = State::kRunning;
}

void Server::Impl::RunIo() {
  while (true) {
    try {
      io_.run();
      return;
    } catch (...) {
      // A completion handler threw; keep serving the other connections.
    }
  }
}

void Server::Impl::Accept() {
  acceptor_.async_accept(net::make_strand(io_), [this](const ErrorCode& ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void Server::Impl::OnAccept(const ErrorCode& ec, tcp::socket socket) {
  if (context_.draining.load() || !acceptor_.is_open()) return;
  if (ec) {
    // E.g. out of file descriptors: back off instead of spinning.
    accept_retry_.expires_after(kAcceptRetryDelay);
    accept_retry_.async_wait([this](const ErrorCode& wait_ec) {
      if (!wait_ec) Accept();
    });
    return;
  }
  auto connection = std::make_shared<internal::Connection>(std::move(socket), context_);
  const ServerOptions& options = context_.options;
  // Registered before Start() checks `draining`, so Stop() either sees it or it sees Stop().
  internal::Admission admission =
      context_.connections.Add(connection, connection->peer_address(), options.max_connections,
                               options.max_connections_per_address);
  if (admission == internal::Admission::kAdmitted) {
    connection->Start();
  } else if (context_.connections.TryBeginRefusal(options.max_refusing_connections)) {
    connection->Refuse(admission == internal::Admission::kServerFull
                           ? internal::BusyResponse("server_busy",
                                                    "the server has too many open connections; "
                                                    "retry later")
                           : internal::BusyResponse("too_many_connections",
                                                    "too many open connections from this "
                                                    "address; retry later"));
  }
  // Otherwise the connection is dropped here, which closes it unanswered.
  Accept();
}

void Server::Impl::Stop() {
  {
    std::lock_guard lock(signal_mu_);
    stop_requested_ = true;
    if (signal_io_ != nullptr) signal_io_->stop();
  }
  std::lock_guard lock(lifecycle_mu_);
  if (state_ != State::kRunning) {
    state_ = State::kStopped;
    return;
  }
  context_.draining.store(true);
  net::post(acceptor_.get_executor(), [this] {
    ErrorCode ignored;
    acceptor_.close(ignored);
    accept_retry_.cancel();
  });
  for (const auto& connection : context_.connections.Snapshot()) connection->BeginDrain();
  auto deadline = std::chrono::steady_clock::now() + context_.options.drain_timeout;
  if (!context_.connections.WaitEmpty(deadline)) {
    for (const auto& connection : context_.connections.Snapshot()) connection->ForceClose();
    context_.connections.WaitEmpty(std::chrono::steady_clock::now() + kForceCloseGrace);
  }
  context_.pool->Shutdown();
  work_.reset();
  io_.stop();
  for (std::thread& thread : io_threads_) thread.join();
  io_threads_.clear();
  ErrorCode ignored;
  acceptor_.close(ignored);
  {
    std::lock_guard gate_lock(context_.gate->mu);
    context_.gate->open = false;
  }
  context_.connections.Clear();
  state_ = State::kStopped;
}

int Server::Impl::WaitForSignals() {
  net::io_context signal_io(1);
  net::signal_set signals(signal_io, SIGINT, SIGTERM);
  int received = 0;
  signals.async_wait([&received](const ErrorCode& ec, int signal_number) {
    if (!ec) received = signal_number;
  });
  bool wait = false;
  {
    std::lock_guard lock(signal_mu_);
    if (!stop_requested_) {
      signal_io_ = &signal_io;
      wait = true;
    }
  }
  if (wait) signal_io.run();
  {
    std::lock_guard lock(signal_mu_);
    signal_io_ = nullptr;
  }
  Stop();
  return received;
}

Server::Server(ServerOptions options, Router router)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router))) {}
Server::~Server() = default;
void Server::Start() {
  impl_->Start();
}
void Server::Stop() {
  impl_->Stop();
}
int Server::WaitForSignals() {
  return impl_->WaitForSignals();
}
uint16_t Server::port() const {
  return impl_->port();
}
const Router& Server::router() const {
  return impl_->router();
}

}  // namespace ordo::http
