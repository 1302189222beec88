#include "core/text_check.h"

#include "core/utf8.h"

namespace ordo {
namespace {

bool IsControl(char32_t c, bool multiline) {
  if (multiline && (c == '\t' || c == '\n' || c == '\r')) return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

std::string Name(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return name.empty() ? "the text" : name;
}

}  // namespace

size_t CountCharacters(std::string_view text) {
  size_t count = 0;
  while (!text.empty()) {
    size_t n = Utf8SequenceLength(text);
    text.remove_prefix(n == 0 ? 1 : n);
    ++count;
  }
  return count;
}

std::optional<FieldError> CheckText(std::string_view text, TextLimit limit,
                                    const std::string& path) {
  size_t count = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    ++count;
    const size_t n = Utf8SequenceLength(rest);
    if (n == 0) {
      return FieldError{
          path, "invalid_text",
          Name(path) + " is not valid UTF-8 (character " + std::to_string(count) + ")"};
    }
    if (IsControl(DecodeUtf8Sequence(rest, n), limit.multiline)) {
      return FieldError{
          path, "invalid_text",
          Name(path) + " holds a control character (character " + std::to_string(count) + ")"};
    }
    rest.remove_prefix(n);
  }
  if (count > limit.max_chars) {
    return FieldError{path, "too_long",
                      Name(path) + " is at most " + std::to_string(limit.max_chars) +
                          " characters (" + std::to_string(count) + " given)"};
  }
  return std::nullopt;
}

bool CheckText(std::string_view text, TextLimit limit, const std::string& path,
               std::vector<FieldError>& errors) {
  std::optional<FieldError> problem = CheckText(text, limit, path);
  if (!problem) return true;
  errors.push_back(std::move(*problem));
  return false;
}

}  // namespace ordo
