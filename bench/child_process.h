// ChildProcess: a program run beside the benchmark (`ordo serve`, wrk, perf), with its stdout
// and stderr sent to files, so that its output can be read after it ends without a reader
// thread competing with the load for the CPU.
//
// Not thread-safe; one owner. The destructor kills (SIGKILL) and reaps a child still running,
// so no child outlives the benchmark.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace ordo::bench {

class ChildProcess {
 public:
  // Starts argv[0] (looked up in PATH when it has no '/'). Throws std::runtime_error when it
  // cannot be started. An empty path sends that stream to /dev/null.
  ChildProcess(const std::vector<std::string>& argv, const std::string& stdout_path,
               const std::string& stderr_path);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  void Signal(int sig);

  // The exit code once the child has ended (128 + signal number when a signal ended it), or
  // nullopt if it is still running after `limit`.
  std::optional<int> Wait(std::chrono::milliseconds limit);
  bool Running();
  // User + system CPU seconds the child used, known once it has ended (0 before).
  double cpu_seconds() const { return cpu_seconds_; }

 private:
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
  double cpu_seconds_ = 0;
};

// The whole content of the file at `path` ("" when it cannot be read).
std::string ReadFileText(const std::string& path);

}  // namespace ordo::bench
