#include "cli/open_file_limit.h"

#include <sys/resource.h>

#include <limits>

namespace ordo::cli {
namespace {

uint64_t AsCount(rlim_t value) {
  return value == RLIM_INFINITY ? std::numeric_limits<uint64_t>::max()
                                : static_cast<uint64_t>(value);
}

}  // namespace

uint64_t RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;  // the common default
  if (limit.rlim_cur != limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    // Refused e.g. where the hard limit is unlimited but descriptors are not; keep the soft one.
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return AsCount(limit.rlim_cur);
}

}  // namespace ordo::cli
