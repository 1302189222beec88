#include "jsonio/json_writer.h"

#include <charconv>

#include "core/utf8.h"

namespace ordo::jsonio {

void AppendQuoted(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  while (!value.empty()) {
    size_t plain = 0;
    while (plain < value.size()) {
      auto c = static_cast<unsigned char>(value[plain]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++plain;
    }
    out.append(value.data(), plain);
    value.remove_prefix(plain);
    if (value.empty()) break;
    char ch = value.front();
    auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      // Valid sequences pass through; a stray byte becomes U+FFFD, so the text is always JSON.
      size_t n = Utf8SequenceLength(value);
      if (n == 0) {
        out += "\xEF\xBF\xBD";
        n = 1;
      } else {
        out.append(value.data(), n);
      }
      value.remove_prefix(n);
      continue;
    }
    value.remove_prefix(1);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xf]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_element_.empty()) {
    if (has_element_.back()) out_.push_back(',');
    has_element_.back() = true;
  }
}

JsonWriter& JsonWriter::Open(char c) {
  BeforeValue();
  out_.push_back(c);
  has_element_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::Close(char c) {
  out_.push_back(c);
  has_element_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  AppendQuoted(out_, key);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendQuoted(out_, value);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, end);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_ += json;
  return *this;
}

}  // namespace ordo::jsonio
