// HttpCall: one blocking HTTP/1.1 request to 127.0.0.1, for the benchmark's setup (getting a
// bearer token, checking the server is up). The load itself is wrk's; this is not fast.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ordo::bench {

struct HttpAnswer {
  int status = 0;
  std::string body;
};

// Sends one request on a new connection (Connection: close) and reads the answer, which must
// have a Content-Length. Throws std::runtime_error when the server cannot be reached, times out
// (10 s) or answers something that is not HTTP/1.1.
HttpAnswer HttpCall(uint16_t port, const std::string& method, const std::string& path,
                    const std::string& body = "",
                    const std::vector<std::pair<std::string, std::string>>& headers = {});

}  // namespace ordo::bench
