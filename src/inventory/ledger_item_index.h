// The stock ledger's index by item (migration 0013), kept in batches.
//
// Movements are appended to stock_movements, which has no index by item: one would take a
// page at the item's place for every movement. Instead, once the ledger's tail (the
// movements after stock_movements_indexed.through_id) reaches `batch` movements (8,192 unless
// the database says otherwise), the command that wrote the last of them also indexes it: the
// tail goes into stock_movements_by_item in (item, id) order, and through_id moves to the
// newest. A reader finds an item's movements in that table up to through_id and by id after
// it, in one statement, so that it sees one snapshot of both.
//
// This relies on movement ids growing in commit order, which the command executor's single
// writer gives: a movement is never written below through_id.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace ordo::inventory {

// Indexes every movement newer than through_id. Runs in the caller's unit of work.
void IndexLedgerTail(store::Connection& conn);

// For the ledger, after it wrote movements up to `newest_id`: indexes the tail when it has
// reached the batch size.
void NoteMovementsWritten(store::Connection& conn, int64_t newest_id);

}  // namespace ordo::inventory
