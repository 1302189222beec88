#include "csvio/import_unit.h"

#include <exception>

namespace ordo::csvio {
namespace {

std::string CodeOfStoreError(const store::StoreError& error) {
  switch (error.kind()) {
    case store::StoreErrorKind::kUnique:
      return "conflict";
    case store::StoreErrorKind::kBusy:
    case store::StoreErrorKind::kIo:
      return "unavailable";
    default:
      return "internal";
  }
}

}  // namespace

ImportReport ApplyAsOneCommand(store::CommandExecutor& executor, ImportErrors& errors, size_t count,
                               const std::function<int(size_t)>& line_of,
                               const ApplyRecord& apply) {
  ImportReport report;
  if (!errors.empty()) {
    report.errors = errors.Sorted();
    return report;
  }
  const Status status = executor.Run([&](store::Connection& conn) -> Status {
    errors.Clear();  // the executor may run a command again after a failed batch commit
    for (size_t i = 0; i < count; ++i) {
      try {
        apply(conn, i, errors);
      } catch (const store::StoreError& e) {
        errors.Add(line_of(i), "", CodeOfStoreError(e), e.what());
        return Status::Internal(e.what());
      } catch (const std::exception& e) {
        errors.Add(line_of(i), "", "internal", e.what());
        return Status::Internal(e.what());
      }
    }
    if (!errors.empty()) return Status::InvalidArgument("the file has rejected records");
    return Status::Ok();
  });
  if (!status.ok() && errors.empty()) {
    errors.Add(0, "", std::string(CodeName(status.code())), status.message());
  }
  if (errors.empty()) {
    report.imported = static_cast<int64_t>(count);
  } else {
    report.errors = errors.Sorted();
  }
  return report;
}

}  // namespace ordo::csvio
