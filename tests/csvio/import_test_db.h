// A migrated SQLite database in a temp directory for import tests: a CommandExecutor on it,
// warehouses W1 and W2, price tier GOLD, and SQL reads through a separate connection.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/command_context.h"
#include "store/command_executor.h"
#include "store/database.h"
#include "support/temp_dir.h"

namespace ordo::csvio {

class ImportTestDb {
 public:
  ImportTestDb();
  ~ImportTestDb();

  const std::string& path() const { return path_; }
  store::CommandExecutor& executor() { return *executor_; }
  CommandContext Context() const { return {"user:importer", "", clock_.Now()}; }

  // A connection of its own for reads.
  store::Connection& reader() { return *reader_; }
  // The first column of the first row of `sql`.
  int64_t QueryInt(std::string_view sql);
  int64_t Count(std::string_view table);
  // Writes `content` to a file in the temp directory; returns its path.
  std::string WriteFile(const std::string& name, std::string_view content) const;

 private:
  test_support::TempDir dir_;
  std::string path_;
  ManualClock clock_;
  std::unique_ptr<store::CommandExecutor> executor_;
  store::ConnectionPtr reader_;
};

}  // namespace ordo::csvio
