// The paths that field errors name (FieldError::field): JSON-pointer-like without the leading
// slash, e.g. "lines/3/quantity". Every parser and every check after it builds them here, so
// that a field is named the same way wherever it is reported.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ordo {

// Element `index` of the array at `array`: ElementPath("lines", 3) is "lines/3".
std::string ElementPath(std::string_view array, size_t index);

// `field` of the object at `parent`: FieldPath("lines/3", "quantity") is "lines/3/quantity";
// the body's own fields have the parent "" (FieldPath("", "customer") is "customer").
std::string FieldPath(std::string_view parent, std::string_view field);

// `field` of element `index` of the array at `array`: FieldPath("lines", 3, "quantity") is
// "lines/3/quantity".
std::string FieldPath(std::string_view array, size_t index, std::string_view field);

}  // namespace ordo
