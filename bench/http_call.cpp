#include "http_call.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace ordo::bench {
namespace {

// Closes the socket whatever way the call ends.
struct Socket {
  int fd = -1;
  ~Socket() {
    if (fd >= 0) close(fd);
  }
};

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

HttpAnswer HttpCall(uint16_t port, const std::string& method, const std::string& path,
                    const std::string& body,
                    const std::vector<std::pair<std::string, std::string>>& headers) {
  Socket s;
  s.fd = socket(AF_INET, SOCK_STREAM, 0);
  if (s.fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  timeval timeout{10, 0};
  setsockopt(s.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(s.fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(s.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + ": " +
                             std::strerror(errno));
  }
  std::string request = method + " " + path +
                        " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  for (size_t sent = 0; sent < request.size();) {
    ssize_t n = send(s.fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error(std::string("send: ") + std::strerror(errno));
    sent += static_cast<size_t>(n);
  }

  // Read until the head and Content-Length bytes of body are in (or the server closes).
  std::string in;
  size_t head_end = std::string::npos;
  size_t length = 0;
  char buf[16 * 1024];
  for (;;) {
    if (head_end != std::string::npos && in.size() >= head_end + 4 + length) break;
    ssize_t n = recv(s.fd, buf, sizeof buf, 0);
    if (n < 0) throw std::runtime_error(std::string("recv: ") + std::strerror(errno));
    if (n == 0) break;
    in.append(buf, static_cast<size_t>(n));
    if (head_end == std::string::npos && (head_end = in.find("\r\n\r\n")) != std::string::npos) {
      std::string head = Lower(in.substr(0, head_end));
      size_t cl = head.find("\r\ncontent-length:");
      if (cl != std::string::npos) length = std::stoul(head.substr(cl + 17));
    }
  }
  if (in.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string::npos) {
    throw std::runtime_error("not an HTTP/1.1 answer from 127.0.0.1:" + std::to_string(port));
  }
  HttpAnswer answer;
  answer.status = std::stoi(in.substr(9, 3));
  answer.body = in.substr(head_end + 4, length);
  return answer;
}

}  // namespace ordo::bench
