#include "csvio/import_unit.h"

#include <exception>
#include <utility>

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

PreparedImport PrepareRecords(std::shared_ptr<const void> state, ImportErrors& errors, size_t count,
                              std::function<int(size_t)> line_of, ApplyRecord apply) {
  PreparedImport prepared;
  prepared.records = static_cast<int64_t>(count);
  if (!errors.empty()) {
    prepared.errors = errors.Sorted();
    return prepared;
  }
  // `errors` lives in `state`, which the command keeps alive.
  prepared.apply = [state = std::move(state), &errors, count, line_of = std::move(line_of),
                    apply = std::move(apply)](store::Connection& conn, const CommandContext& ctx,
                                              std::vector<CsvError>& rejected) -> Status {
    errors.Clear();  // the executor may run a command again after a failed batch commit
    Status status = Status::Ok();
    for (size_t i = 0; i < count && status.ok(); ++i) {
      try {
        apply(conn, ctx, i, errors);
      } catch (const store::StoreError& e) {
        errors.Add(line_of(i), "", CodeOfStoreError(e), e.what());
        status = e.kind() == store::StoreErrorKind::kUnique ? Status::Conflict(e.what())
                                                            : Status::Internal(e.what());
      } catch (const std::exception& e) {
        errors.Add(line_of(i), "", "internal", e.what());
        status = Status::Internal(e.what());
      }
    }
    if (status.ok() && !errors.empty()) {
      status = Status::InvalidArgument("the file has rejected records");
    }
    rejected = errors.Sorted();
    return status;
  };
  return prepared;
}

ImportReport RunImport(store::CommandExecutor& executor, const CommandContext& ctx,
                       const PreparedImport& prepared) {
  ImportReport report;
  if (!prepared.errors.empty()) {
    report.errors = prepared.errors;
    return report;
  }
  std::vector<CsvError> rejected;
  const Status status = executor.Run(
      [&](store::Connection& conn) -> Status { return prepared.apply(conn, ctx, rejected); });
  if (status.ok()) {
    report.imported = prepared.records;
    return report;
  }
  report.errors = std::move(rejected);
  if (report.errors.empty()) {
    report.errors.push_back({0, 0, "", std::string(CodeName(status.code())), status.message()});
  }
  return report;
}

}  // namespace ordo::csvio
