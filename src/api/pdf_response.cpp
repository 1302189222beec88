#include "api/pdf_response.h"

#include <string>

#include "documents/pdf_renderer.h"

namespace ordo::api {

http::Response PdfResponse(const documents::PrintedDocument& document) {
  http::Response r;
  r.status = 200;
  r.body = documents::RenderPdf(document);
  r.SetHeader("Content-Type", "application/pdf");
  r.SetHeader("Content-Disposition", "inline; filename=\"" + document.number + ".pdf\"");
  return r;
}

}  // namespace ordo::api
