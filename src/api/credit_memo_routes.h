// Credit memos over HTTP.
//
//   GET /api/v1/credit-memos?customer=&status=&limit=&cursor= (credit_memos.read) → newest
//       first, headers without lines; a portal user's list holds only its own memos.
//   GET /api/v1/credit-memos/{id|number} (credit_memos.read) → the memo (invoicing::ToJson)
//       with ETag: "<version>".
//   GET /api/v1/credit-memos/{id|number}.pdf (credit_memos.read) → the printed memo
//       (flows/credit_memo_document.h), application/pdf.
//   POST /api/v1/credit-memos/{id|number}/apply {"applications": [{"invoice", "amount"}]}
//       (credit_memos.write, If-Match optional) → 200 the memo.
//   POST /api/v1/credit-memos/{id|number}/refund {"amount", "method", "reference"}
//       (credit_memos.write, If-Match optional) → 200 the memo.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddCreditMemoRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
