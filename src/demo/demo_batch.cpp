#include "demo/demo_batch.h"

#include <utility>

namespace ordo::demo {

CommandBatch::~CommandBatch() {
  (void)Wait();
}

void CommandBatch::Add(std::string what, store::CommandFn command) {
  size_t index;
  {
    std::lock_guard lock(mu_);
    index = submitted_++;
  }
  exec_.Submit(std::move(command), [this, index, what = std::move(what)](const Status& st) {
    std::lock_guard lock(mu_);
    if (!st.ok() && (!first_failure_ || index < first_failure_->first)) {
      first_failure_.emplace(index, Status(st.code(), what + ": " + st.message(), st.errors()));
    }
    ++done_;
    cv_.notify_all();
  });
}

Status CommandBatch::Wait() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return done_ == submitted_; });
  if (!first_failure_) return Status::Ok();
  Status failure = std::move(first_failure_->second);
  first_failure_.reset();
  return failure;
}

}  // namespace ordo::demo
