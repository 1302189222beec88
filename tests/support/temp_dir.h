// Temporary directories for tests that need real files (SQLite databases).
#pragma once

#include <filesystem>
#include <string>

#include "store/database.h"
#include "store/sqlite/sqlite_connection.h"

namespace ordo::test_support {

// A fresh, uniquely named directory under the system temp directory, removed with its
// contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The path of `name` inside the directory (not created).
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A temp directory with one SQLite database file in it ("test.db", not migrated).
class TempDb {
 public:
  TempDb() : path_(dir_.File("test.db")) {}
  const std::string& path() const { return path_; }
  // A new connection to the database file.
  store::ConnectionPtr Connect(const store::SqliteOptions& options = {}) const {
    return store::OpenSqlite(path_, options);
  }

 private:
  TempDir dir_;
  std::string path_;
};

}  // namespace ordo::test_support
