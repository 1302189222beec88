// The list of common passwords that the password policy refuses, shipped as data:
// src/auth/common_passwords.txt is embedded in the binary at build time (cmake/EmbedFile.cmake),
// so the policy needs no file at run time.
#pragma once

#include <string_view>

namespace ordo::auth {

// The embedded file's text: one lower-case password a line, '#' lines are comments.
std::string_view CommonPasswordsText();

// True when `password`, in ASCII lower case, is on the list. Thread-safe (the list is parsed
// once, on first use).
bool IsCommonPassword(std::string_view password);

}  // namespace ordo::auth
