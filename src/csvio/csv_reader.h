// An RFC 4180 CSV reader that knows where every record starts.
//
// Fields are separated by commas and records by line breaks (CRLF, LF or a lone CR). A field
// may be enclosed in double quotes; inside quotes a doubled quote stands for one quote, and
// commas and line breaks are part of the value (kept as written). A UTF-8 byte order mark at
// the start is skipped, and the final line break is optional.
//
// Each record carries the physical line on which it starts, so records after a quoted field
// that spans lines are still located correctly. Malformed input is reported with its line and
// character column: a quote inside an unquoted field ("stray_quote"), text after a closing
// quote ("text_after_quote"), a quote that is never closed ("unterminated_quote"), or bytes
// that are not UTF-8 ("invalid_utf8", at the first such character of the record). A
// malformed record is skipped after its first problem is recorded and reading goes on with the
// next record; an unterminated quote swallows the rest of the input, so reading stops there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csvio/csv_error.h"

namespace ordo::csvio {

struct CsvRecord {
  int line = 0;  // physical line (1-based) of the record's first character
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  // `text` must outlive the reader.
  explicit CsvReader(std::string_view text);

  // The next well-formed record; nullopt at the end of the input (or after an unterminated
  // quote). A blank line is a record with one empty field.
  std::optional<CsvRecord> Next();

  // The syntax errors met so far, in input order.
  const std::vector<CsvError>& errors() const { return errors_; }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek() const { return text_[pos_]; }
  void Advance();
  void ConsumeLineBreak(std::string* value);
  // Reads one field into `value`, noting the record's first syntax error in `error`. False
  // when the input ends inside quotes.
  bool ReadField(std::string& value, std::optional<CsvError>& error);
  // Notes "invalid_utf8" in `error` when the byte at pos_ starts no well-formed UTF-8
  // character (bytes inside a character already checked pass).
  void CheckCharacter(std::optional<CsvError>& error);

  std::string_view text_;
  size_t pos_ = 0;
  size_t checked_to_ = 0;  // the bytes before this one are known to be well-formed UTF-8
  int line_ = 1;
  int column_ = 1;
  bool stopped_ = false;
  std::vector<CsvError> errors_;
};

// Reads every record of `text`; syntax errors are added to `errors`.
std::vector<CsvRecord> ReadCsv(std::string_view text, std::vector<CsvError>& errors);

}  // namespace ordo::csvio
