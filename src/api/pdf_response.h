// The answer of a printed document's endpoint: the PDF, shown inline under the document's
// number as its file name.
#pragma once

#include <string_view>

#include "documents/printed_document.h"
#include "http/response.h"

namespace ordo::api {

// 200, Content-Type application/pdf, Content-Disposition: inline; filename="<number>.pdf".
// Document numbers are letters, digits and '-', so the file name needs no quoting rules.
http::Response PdfResponse(const documents::PrintedDocument& document);

}  // namespace ordo::api
