#include "csvio/csv_reader.h"

#include "core/utf8.h"

namespace ordo::csvio {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsLineBreak(char c) {
  return c == '\n' || c == '\r';
}
bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

void NoteFirst(std::optional<CsvError>& error, int line, int column, std::string code,
               std::string message) {
  if (!error) error = CsvError{line, column, "", std::move(code), std::move(message)};
}

}  // namespace

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.starts_with(kUtf8Bom)) pos_ = kUtf8Bom.size();
}

void CsvReader::Advance() {
  ++pos_;
  // A continuation byte inside a character CheckCharacter found well-formed is not a column
  // of its own; a stray one is, so that an error can point at it.
  if (!AtEnd() && !(IsUtf8Continuation(Peek()) && pos_ < checked_to_)) ++column_;
}

void CsvReader::ConsumeLineBreak(std::string* value) {
  const bool crlf = Peek() == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n';
  const size_t length = crlf ? 2 : 1;
  if (value != nullptr) value->append(text_.substr(pos_, length));
  pos_ += length;
  ++line_;
  column_ = 1;
}

void CsvReader::CheckCharacter(std::optional<CsvError>& error) {
  if (pos_ < checked_to_) return;
  const size_t n = Utf8SequenceLength(text_.substr(pos_));
  if (n == 0) {
    NoteFirst(error, line_, column_, "invalid_utf8", "the text is not valid UTF-8 here");
  }
  checked_to_ = pos_ + (n == 0 ? 1 : n);
}

bool CsvReader::ReadField(std::string& value, std::optional<CsvError>& error) {
  if (!AtEnd() && Peek() == '"') {
    const int quote_line = line_;
    const int quote_column = column_;
    Advance();
    for (;;) {
      if (AtEnd()) {
        errors_.push_back({quote_line, quote_column, "", "unterminated_quote",
                           "the quoted field that starts here is never closed"});
        return false;
      }
      const char c = Peek();
      if (c == '"') {
        Advance();
        if (AtEnd() || Peek() != '"') break;
        value += '"';
        Advance();
      } else if (IsLineBreak(c)) {
        ConsumeLineBreak(&value);
      } else {
        CheckCharacter(error);
        value += c;
        Advance();
      }
    }
    if (AtEnd() || Peek() == ',' || IsLineBreak(Peek())) return true;
    NoteFirst(error, line_, column_, "text_after_quote",
              "a closing quote must be followed by a comma or the end of the line");
  }
  while (!AtEnd() && Peek() != ',' && !IsLineBreak(Peek())) {
    if (Peek() == '"') {
      NoteFirst(error, line_, column_, "stray_quote",
                "a field that contains a quote must be enclosed in quotes, with the quote "
                "doubled");
    }
    CheckCharacter(error);
    value += Peek();
    Advance();
  }
  return true;
}

std::optional<CsvRecord> CsvReader::Next() {
  while (!stopped_ && !AtEnd()) {
    CsvRecord record{line_, {}};
    std::optional<CsvError> error;
    for (;;) {
      std::string value;
      if (!ReadField(value, error)) {
        stopped_ = true;
        return std::nullopt;
      }
      record.fields.push_back(std::move(value));
      if (AtEnd()) break;
      if (Peek() == ',') {
        Advance();
        continue;
      }
      ConsumeLineBreak(nullptr);
      break;
    }
    if (!error) return record;
    errors_.push_back(std::move(*error));
  }
  return std::nullopt;
}

std::vector<CsvRecord> ReadCsv(std::string_view text, std::vector<CsvError>& errors) {
  CsvReader reader(text);
  std::vector<CsvRecord> records;
  while (std::optional<CsvRecord> record = reader.Next()) records.push_back(std::move(*record));
  errors.insert(errors.end(), reader.errors().begin(), reader.errors().end());
  return records;
}

}  // namespace ordo::csvio
