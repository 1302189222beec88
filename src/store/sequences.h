// Document number sequences (the `sequences` table, owned by the store): one counter per
// document prefix (SO, SH, IN, PM, RA, CM), taken inside the caller's unit of work, so a
// rolled-back command gives its number back and numbers have no gaps.
#pragma once

#include <string>
#include <string_view>

#include "store/database.h"

namespace ordo::store {

// The next number of the `prefix` sequence, formatted ("SO-000042"). Throws std::logic_error
// when the sequence does not exist (a migration adds each one).
std::string NextDocumentNumber(Connection& conn, std::string_view prefix);

}  // namespace ordo::store
