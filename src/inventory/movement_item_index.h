// The stock movements' index by item (migration 0013), kept in batches.
//
// Movements are appended to stock_movements, which has no index by item: one would take a
// page at the item's place for every movement. Instead, once the movements' tail (the
// movements after stock_movements_indexed.through_id) reaches `batch` movements (8,192 unless
// the database says otherwise), the command that wrote the last of them also indexes it: the
// tail goes into stock_movements_by_item in (item, id) order, and through_id moves to the
// newest. A reader finds an item's movements in that table up to through_id and by id after
// it, in one statement, so that it sees one snapshot of both.
//
// This relies on a movement never being written at or below through_id: ids are SQLite's
// max + 1 (INTEGER PRIMARY KEY, taken under the write lock), stock_movements is append-only (no
// movement is deleted) and no insert names its id. Every insert into stock_movements goes
// through inventory/stock_movements.h, which calls NoteMovementsWritten after it.
//
// A list by item and warehouse reads the item's index rows and skips other warehouses' (the
// key is (item, id), which keeps an item's movements in id order for paging); indexing a tail
// of 8,192 movements takes the writer ~25 ms, once per ~800 orders.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace ordo::inventory {

// Indexes every movement newer than through_id. Runs in the caller's unit of work.
void IndexMovementTail(store::Connection& conn);

// For inventory/stock_movements.h, after it wrote movements up to `newest_id`: indexes the tail when it has
// reached the batch size.
void NoteMovementsWritten(store::Connection& conn, int64_t newest_id);

}  // namespace ordo::inventory
