// The process's open-file limit, raised for `ordo serve`.
//
// Every open connection holds a file descriptor, and the usual soft limit (often 1,024) is far
// below what a server may need while the hard limit allows much more; past the limit accept()
// fails and clients get no answer at all. Process-wide: call once at start.
#pragma once

#include <cstdint>

namespace ordo::cli {

// Raises RLIMIT_NOFILE's soft limit to its hard limit and returns the soft limit in effect
// afterwards (unchanged when the system refuses the raise; UINT64_MAX when unlimited).
uint64_t RaiseOpenFileLimit();

}  // namespace ordo::cli
