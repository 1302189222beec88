// WrkLoad: POST /api/v1/orders under wrk, with a generated Lua script that cycles through
// pre-made order bodies and counts what the server answered.
//
// The script precomputes every request in each wrk thread's init, so the client's cost per
// request is wrk's own plus the `response` callback, which is what makes per-status counting
// possible (wrk itself reports only "Non-2xx or 3xx"). Its `done` prints one line,
//   ORDO_WRK duration_us=.. responses=.. created=.. not_created=.. s4xx=.. s5xx=.. p50_us=..
//   p99_us=.. connect_errors=.. read_errors=.. write_errors=.. timeouts=..
// and the first non-201 answer (status and body) as ORDO_WRK_SAMPLE, which RunWrk parses.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ordo::bench {

struct WrkOptions {
  uint16_t port = 0;  // on 127.0.0.1
  std::string path = "/api/v1/orders";
  std::string token;  // bearer token
  int threads = 2;
  int connections = 64;
  int seconds = 10;
  std::string script_path;  // where the Lua script is written
  std::string output_path;  // where wrk's stdout is kept
};

struct WrkFigures {
  double seconds = 0;
  int64_t responses = 0;    // answers received in the run
  int64_t created = 0;      // 201s: orders the server says it stored
  int64_t not_created = 0;  // every other status
  int64_t s4xx = 0;
  int64_t s5xx = 0;
  int64_t socket_errors = 0;  // connect, read, write errors and timeouts
  double p50_ms = 0;
  double p99_ms = 0;
  double wrk_requests_per_second = 0;  // wrk's own "Requests/sec" line
  std::string first_failure;           // status and body of the first non-201, if any
  double wrk_cpu_seconds = 0;          // the load generator's own CPU time

  double created_per_second() const { return seconds > 0 ? created / seconds : 0; }
};

// Writes the Lua script for `bodies` (JSON order bodies) to options.script_path.
// Throws std::runtime_error when it cannot be written.
void WriteWrkScript(const WrkOptions& options, const std::vector<std::string>& bodies);

// Runs `wrk -t T -c C -d Ss --timeout 10s --latency -s SCRIPT URL` and parses its output.
// `while_running` is called once wrk has started (e.g. to attach a profiler). Throws
// std::runtime_error when wrk fails or its output lacks the ORDO_WRK line.
WrkFigures RunWrk(const WrkOptions& options, const std::function<void()>& while_running);

}  // namespace ordo::bench
