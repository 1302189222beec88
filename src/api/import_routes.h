// CSV imports over HTTP: POST /api/v1/imports/{kind}, kind items, customers or stock (the
// CLI's `ordo import` kinds, csvio/import_kinds.h, through the same code).
//
//   POST /api/v1/imports/items   Content-Type: text/csv   body: the file, header row first
//   → 200 {"kind": "items", "imported": 3}
//   → 422 invalid_rows: nothing was imported; `errors` lists every bad row's problem with its
//     "line" and "column" in the file (both 1-based; 0 when the problem has none), the column's
//     name as "field", a code and a message.
//
// All of the file or nothing, as one command on the writer (with Idempotency-Key like every
// POST). Permission: the kind's write action (items.write, customers.write, inventory.write).
// A body that is not declared text/csv is 415; an unknown kind 404. Bodies may be up to
// kImportBodyLimit, more than other routes' limit: `ordo serve` allows it with
// AllowImportBodies.
#pragma once

#include <cstddef>

#include "api/api_context.h"
#include "http/router.h"
#include "http/server_options.h"

namespace ordo::api {

// 32 MiB: some 300,000 item rows, which the writer applies in one command.
inline constexpr size_t kImportBodyLimit = 32 * 1024 * 1024;

void AddImportRoutes(http::Router& router, ApiContext& ctx);

// Lets requests to /api/v1/imports/ carry bodies up to kImportBodyLimit.
void AllowImportBodies(http::ServerOptions& options);

}  // namespace ordo::api
