// Golden files of printed documents' text (golden/*.txt), compared exactly.
//
// A golden file may start with "# name:" / "# description:" lines, which are not compared.
// ORDO_UPDATE_GOLDEN=1 rewrites the file from the current output (keeping those lines) and
// skips the comparison; review the diff before committing it.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace ordo::test_support {

// The golden file without its leading "# " comment lines, which go to `header`.
inline std::string ReadGolden(const std::string& path, std::string& header) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str();
  while (text.starts_with("# ")) {
    size_t end = text.find('\n');
    header += text.substr(0, end + 1);
    text.erase(0, end == std::string::npos ? text.size() : end + 1);
  }
  return text;
}

// Expects `actual` to equal golden/<name> (ORDO_GOLDEN_DIR), or rewrites it when asked.
inline void ExpectMatchesGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(ORDO_GOLDEN_DIR) + "/" + name;
  std::string header;
  std::string golden = ReadGolden(path, header);
  if (const char* update = std::getenv("ORDO_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << header << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  ASSERT_FALSE(golden.empty()) << "missing golden file " << path;
  EXPECT_EQ(actual, golden);
}

}  // namespace ordo::test_support
