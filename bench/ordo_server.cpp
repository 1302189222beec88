#include "ordo_server.h"

#include <signal.h>

#include <chrono>
#include <stdexcept>
#include <thread>

namespace ordo::bench {
namespace {

// The port in the "serving" line's url ("url":"http://127.0.0.1:40123"), or 0 if not yet there.
uint16_t PortFromLog(const std::string& log) {
  size_t line = log.find("\"msg\":\"serving\"");
  if (line == std::string::npos) return 0;
  const std::string key = "\"url\":\"http://127.0.0.1:";
  size_t at = log.find(key, line);
  if (at == std::string::npos) return 0;
  return static_cast<uint16_t>(std::stoi(log.substr(at + key.size())));
}

}  // namespace

OrdoServer::OrdoServer(const std::string& binary, const std::string& db,
                       const std::string& log_path)
    : log_path_(log_path) {
  process_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{binary, "--db", db, "serve", "--listen", "127.0.0.1:0"}, "",
      log_path);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if ((port_ = PortFromLog(ReadFileText(log_path_))) != 0) return;
    if (!process_->Running()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("ordo serve did not start; its log:\n" + ReadFileText(log_path_));
}

int OrdoServer::Stop() {
  process_->Signal(SIGTERM);
  auto code = process_->Wait(std::chrono::seconds(60));
  if (!code) throw std::runtime_error("ordo serve still running 60 s after SIGTERM");
  return *code;
}

}  // namespace ordo::bench
