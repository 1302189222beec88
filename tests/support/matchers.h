// Matchers and printers shared by the domain tests.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "core/status.h"

namespace ordo {

// So that failures show field errors readably.
inline void PrintTo(const FieldError& e, std::ostream* os) {
  *os << "{" << e.field << ", " << e.code << "}";
}

namespace test_support {

// Matches a FieldError by its path and code (the message is free text).
MATCHER_P2(FieldIs, field, code,
           std::string("field error {") + std::string(field) + ", " + std::string(code) + "}") {
  return arg.field == field && arg.code == code;
}

}  // namespace test_support
}  // namespace ordo
