// The database file and its WAL and shared-memory files are created readable by their owner
// only: they hold password hashes and customers' figures.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>

#include "store/query.h"
#include "store/sqlite/sqlite_connection.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

// Sets the process umask for one test and puts the old one back.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(old_); }

 private:
  mode_t old_;
};

mode_t ModeOf(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 0777;
}

TEST(SqliteFileMode, NewDatabaseWalAndShmAreOwnerOnly) {
  ScopedUmask usual(022);  // what a login shell usually has: new files would be 0644
  test_support::TempDir dir;
  std::string path = dir.File("private.db");
  auto conn = OpenSqlite(path);
  Exec(*conn, "CREATE TABLE t (x INTEGER)");
  Exec(*conn, "INSERT INTO t (x) VALUES (1)");
  // The connection is still open, so the WAL and shared-memory files exist.
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(ModeOf(path + "-wal"), 0600u);
  EXPECT_EQ(ModeOf(path + "-shm"), 0600u);
}

TEST(SqliteFileMode, AnExistingFileKeepsItsMode) {
  ScopedUmask usual(022);
  test_support::TempDir dir;
  std::string path = dir.File("shared.db");
  OpenSqlite(path).reset();
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  auto conn = OpenSqlite(path);
  Exec(*conn, "CREATE TABLE t (x INTEGER)");
  EXPECT_EQ(ModeOf(path), 0640u);
}

}  // namespace
}  // namespace ordo::store
