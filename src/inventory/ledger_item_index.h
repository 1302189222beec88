// The stock ledger's index by item (migration 0013), kept in batches.
//
// Movements are appended to stock_movements, which has no index by item: one would take a
// page at the item's place for every movement. Instead, when a command writes the movement
// whose id is a multiple of kLedgerIndexBatch, it also indexes the ledger's tail: every
// movement after stock_movements_indexed.through_id goes into stock_movements_by_item in
// (item, id) order, and through_id moves to the newest. A reader finds an item's movements
// in that table up to through_id and by id after it (at most about one batch of rows), in one
// statement, so that it sees one snapshot of both.
//
// This relies on movement ids growing in commit order, which the command executor's single
// writer gives: a movement is never written below through_id.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace ordo::inventory {

inline constexpr int64_t kLedgerIndexBatch = 8192;

// Indexes every movement newer than through_id. Runs in the caller's unit of work.
void IndexLedgerTail(store::Connection& conn);

// For the ledger, after it wrote the movements with ids first_id..last_id: indexes the tail
// when one of them is a multiple of kLedgerIndexBatch.
void NoteMovementsWritten(store::Connection& conn, int64_t first_id, int64_t last_id);

}  // namespace ordo::inventory
