// Whether a piece of user text is acceptable for its field: valid UTF-8, no control
// characters, at most the field's length in characters (core/text_limits.h). Used at every
// edge where text comes in (JSON bodies, CSV files, command-line arguments) and by the domain
// rules, so that the same text is refused the same way whichever way it came.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/text_limits.h"

namespace ordo {

// The number of characters (code points) in `text`; each malformed byte counts as one.
size_t CountCharacters(std::string_view text);

// The first problem of `text` for a field with `limit`, as a FieldError at `path`, or nullopt
// when it is fine. Codes: "invalid_text" (not UTF-8, or a control character: U+0000–U+001F,
// U+007F–U+009F; tab, line feed and carriage return are allowed in a multi-line field) and
// "too_long" (more than limit.max_chars characters). The message names the field by the last
// segment of `path` and says where the bad character is.
std::optional<FieldError> CheckText(std::string_view text, TextLimit limit,
                                    const std::string& path);

// CheckText for a list of problems: appends the problem, if any, to `errors`; true when none.
bool CheckText(std::string_view text, TextLimit limit, const std::string& path,
               std::vector<FieldError>& errors);

}  // namespace ordo
