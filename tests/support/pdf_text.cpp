#include "support/pdf_text.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "documents/winansi.h"

namespace ordo::test_support {
namespace {

using std::string_view;

[[noreturn]] void Fail(const std::string& why) {
  throw std::invalid_argument("ExtractPdfText: " + why);
}

bool IsWhite(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool IsDelimiter(char c) {
  return IsWhite(c) || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
         c == '{' || c == '}' || c == '/' || c == '%';
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

// The unsigned integer at `pos` after optional white space; advances `pos` past it.
bool ReadInteger(string_view s, size_t& pos, int64_t& value) {
  while (pos < s.size() && IsWhite(s[pos])) ++pos;
  if (pos >= s.size() || !IsDigit(s[pos])) return false;
  value = 0;
  while (pos < s.size() && IsDigit(s[pos]) && value < (int64_t{1} << 40)) {
    value = value * 10 + (s[pos++] - '0');
  }
  return true;
}

// The value of the stream dictionary's /Length: a direct integer, or an indirect reference to
// an object holding one ("/Length 7 0 R" ... "7 0 obj 96 endobj").
int64_t StreamLength(string_view pdf, string_view dict) {
  size_t pos = dict.find("/Length");
  if (pos == string_view::npos) Fail("a stream has no /Length");
  pos += 7;
  int64_t length = 0;
  if (!ReadInteger(dict, pos, length)) Fail("a stream's /Length is not an integer");
  size_t ref = pos;
  int64_t generation = 0;
  if (!ReadInteger(dict, ref, generation)) return length;
  while (ref < dict.size() && IsWhite(dict[ref])) ++ref;
  if (ref >= dict.size() || dict[ref] != 'R') return length;
  std::string header = std::to_string(length) + " " + std::to_string(generation) + " obj";
  size_t at = 0;
  while ((at = pdf.find(header, at)) != string_view::npos) {
    if (at == 0 || IsWhite(pdf[at - 1])) break;
    at += header.size();
  }
  size_t value_pos = at == string_view::npos ? at : at + header.size();
  int64_t value = 0;
  if (at == string_view::npos || !ReadInteger(pdf, value_pos, value)) {
    Fail("a stream's /Length refers to a missing object");
  }
  return value;
}

// The content streams: every stream whose dictionary has no /Type or /Subtype (those are
// fonts, images, metadata), in file order.
std::vector<string_view> ContentStreams(string_view pdf) {
  std::vector<string_view> out;
  size_t pos = 0;
  while ((pos = pdf.find("stream", pos)) != string_view::npos) {
    size_t data = pos + 6;
    bool keyword = (pos < 3 || pdf.substr(pos - 3, 3) != "end");
    if (keyword && data < pdf.size() && pdf[data] == '\r') ++data;
    if (!keyword || data >= pdf.size() || pdf[data] != '\n') {
      pos += 6;
      continue;
    }
    ++data;
    size_t dict_start = pdf.rfind("obj", pos);
    if (dict_start == string_view::npos) Fail("a stream outside an object");
    string_view dict = pdf.substr(dict_start, pos - dict_start);
    int64_t length = StreamLength(pdf, dict);
    if (static_cast<uint64_t>(length) > pdf.size() - data) Fail("a stream runs past the end");
    pos = data + static_cast<size_t>(length);
    if (dict.find("/Type") != string_view::npos || dict.find("/Subtype") != string_view::npos) {
      continue;
    }
    if (dict.find("/Filter") != string_view::npos) {
      Fail("compressed streams are not supported");
    }
    out.push_back(pdf.substr(data, static_cast<size_t>(length)));
  }
  return out;
}

// Reads the content stream's tokens and keeps the strings its text operators show.
class ContentReader {
 public:
  explicit ContentReader(string_view s) : s_(s) {}

  void Read(std::string& out) {
    while (true) {
      SkipWhiteAndComments();
      if (i_ >= s_.size()) break;
      char c = s_[i_];
      if (c == '(' || (c == '<' && Peek(1) != '<')) {
        operands_.push_back({true, ReadString()});
      } else if (c == '[') {
        ++i_;
        operands_.push_back({true, ReadArrayText()});
      } else if (c == '<' || c == '>') {
        i_ += 2;  // << or >>: a dictionary operand (marked content); its tokens are operands
        operands_.push_back({false, {}});
      } else if (c == '/' || IsDigit(c) || c == '+' || c == '-' || c == '.') {
        ++i_;
        ReadRegular();
        operands_.push_back({false, {}});
      } else if (IsDelimiter(c)) {
        ++i_;  // ']', '{', '}' out of place: ignored
      } else {
        Operator(ReadRegular(), out);
      }
    }
    Flush(out);
  }

 private:
  struct Operand {
    bool is_text = false;
    std::string text;  // UTF-8
  };

  char Peek(size_t ahead) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  void SkipWhiteAndComments() {
    while (i_ < s_.size()) {
      if (IsWhite(s_[i_])) {
        ++i_;
      } else if (s_[i_] == '%') {
        while (i_ < s_.size() && s_[i_] != '\n' && s_[i_] != '\r') ++i_;
      } else {
        break;
      }
    }
  }

  string_view ReadRegular() {
    size_t start = i_;
    while (i_ < s_.size() && !IsDelimiter(s_[i_])) ++i_;
    return s_.substr(start, i_ - start);
  }

  // A literal "(...)" or hex "<...>" string at i_, decoded to UTF-8.
  std::string ReadString() {
    std::string bytes = s_[i_] == '(' ? ReadLiteral() : ReadHex();
    return documents::WinAnsiToUtf8(bytes);
  }

  std::string ReadLiteral() {
    std::string out;
    int depth = 1;
    ++i_;
    while (i_ < s_.size()) {
      char c = s_[i_++];
      if (c == '\\') {
        if (i_ >= s_.size()) break;
        char e = s_[i_++];
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case '\r':  // a backslash before an end of line continues the string
            if (i_ < s_.size() && s_[i_] == '\n') ++i_;
            break;
          case '\n':
            break;
          default:
            if (e >= '0' && e <= '7') {
              int value = e - '0';
              for (int k = 0; k < 2 && i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '7'; ++k) {
                value = value * 8 + (s_[i_++] - '0');
              }
              out += static_cast<char>(value & 0xFF);
            } else {
              out += e;  // \( \) \\, and any other character stands for itself
            }
        }
      } else if (c == '(') {
        ++depth;
        out += c;
      } else if (c == ')') {
        if (--depth == 0) return out;
        out += c;
      } else if (c == '\r') {  // an unescaped end of line is read as "\n"
        if (i_ < s_.size() && s_[i_] == '\n') ++i_;
        out += '\n';
      } else {
        out += c;
      }
    }
    Fail("an unterminated string in a content stream");
  }

  std::string ReadHex() {
    std::string out;
    int high = -1;
    ++i_;
    while (i_ < s_.size() && s_[i_] != '>') {
      char c = s_[i_++];
      int digit = IsDigit(c)               ? c - '0'
                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                           : -1;
      if (digit < 0) continue;  // white space
      if (high < 0) {
        high = digit;
      } else {
        out += static_cast<char>(high * 16 + digit);
        high = -1;
      }
    }
    if (i_ >= s_.size()) Fail("an unterminated hex string in a content stream");
    ++i_;
    if (high >= 0) out += static_cast<char>(high * 16);  // an odd last digit is followed by 0
    return out;
  }

  // The strings of an array (after its '['), concatenated; numbers (kerning) are skipped.
  std::string ReadArrayText() {
    std::string text;
    while (true) {
      SkipWhiteAndComments();
      if (i_ >= s_.size()) Fail("an unterminated array in a content stream");
      char c = s_[i_];
      if (c == ']') {
        ++i_;
        return text;
      }
      if (c == '(' || c == '<') {
        text += ReadString();
      } else if (c == '[') {
        ++i_;
        text += ReadArrayText();
      } else if (IsDelimiter(c)) {
        ++i_;
      } else {
        ReadRegular();
      }
    }
  }

  void Operator(string_view op, std::string& out) {
    if (op == "BT") {
      Flush(out);
    } else if (op == "ET") {
      Flush(out);
    } else if (op == "Tj" || op == "'" || op == "\"" || op == "TJ") {
      if (!operands_.empty() && operands_.back().is_text) parts_.push_back(operands_.back().text);
    } else if (op == "BI") {
      Fail("inline images are not supported");
    }
    operands_.clear();
  }

  void Flush(std::string& out) {
    if (parts_.empty()) return;
    for (size_t k = 0; k < parts_.size(); ++k) {
      if (k > 0) out += " | ";
      out += parts_[k];
    }
    out += '\n';
    parts_.clear();
  }

  string_view s_;
  size_t i_ = 0;
  std::vector<Operand> operands_;
  std::vector<std::string> parts_;
};

}  // namespace

std::string ExtractPdfText(string_view pdf) {
  if (!pdf.starts_with("%PDF-")) Fail("not a PDF file");
  std::string out;
  for (string_view stream : ContentStreams(pdf)) ContentReader(stream).Read(out);
  return out;
}

}  // namespace ordo::test_support
