#include "auth/common_passwords.h"

#include <string>
#include <unordered_set>

namespace ordo::auth {
namespace {

const std::unordered_set<std::string_view>& CommonPasswords() {
  static const std::unordered_set<std::string_view> kSet = [] {
    std::unordered_set<std::string_view> set;
    std::string_view text = CommonPasswordsText();
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (!line.empty() && line.front() != '#') set.insert(line);
    }
    return set;
  }();
  return kSet;
}

}  // namespace

bool IsCommonPassword(std::string_view password) {
  std::string lower(password);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return CommonPasswords().contains(lower);
}

}  // namespace ordo::auth
