// OrdoServer: the real `ordo serve` binary run as a child process on 127.0.0.1 with an
// ephemeral port, for the HTTP benchmark.
//
// A child process rather than a server built inside the benchmark, because then what is
// measured is exactly what `ordo serve` runs (its settings, defaults, executor, reader pool,
// telemetry and request log), and the server's CPU time and profile (perf -p) are its own,
// apart from the benchmark's setup and the in-process run.
//
// Its log (stderr, one JSON line per request at the default level "info") goes to a file, as
// it would to a file or journal in production.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>

#include "child_process.h"

namespace ordo::bench {

class OrdoServer {
 public:
  // Runs `binary --db DB serve --listen 127.0.0.1:0` and waits (up to 60 s) for its "serving"
  // log line, which gives the port. Throws std::runtime_error, with the log, when it does not
  // start. REQUIRES: nothing else writes to `db` while the server runs.
  OrdoServer(const std::string& binary, const std::string& db, const std::string& log_path);
  // Stops the server if Stop() was not called (SIGKILL).
  ~OrdoServer() = default;

  uint16_t port() const { return port_; }
  pid_t pid() const { return process_->pid(); }

  // SIGTERM: the server finishes what it accepted and exits. Returns its exit code; throws
  // when it is still running after 60 s.
  int Stop();
  // CPU seconds the server used, once stopped.
  double cpu_seconds() const { return process_->cpu_seconds(); }

 private:
  std::string log_path_;
  std::unique_ptr<ChildProcess> process_;
  uint16_t port_ = 0;
};

}  // namespace ordo::bench
