#include "documents/hpdf_document.h"

#include <cstdio>

#include "documents/pdf_renderer.h"

namespace ordo::documents {

HpdfDocument::HpdfDocument() : doc_(HPDF_New(&HpdfDocument::OnError, failure_.get()), &HPDF_Free) {
  if (!doc_) throw PdfError("libharu could not create a document", HPDF_FAILD_TO_ALLOC_MEM, 0);
}

void HpdfDocument::OnError(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* failure = static_cast<Failure*>(user_data);
  if (failure->error == HPDF_OK) *failure = {error, detail};  // the first error is the cause
}

void HpdfDocument::Check(HPDF_STATUS status) const {
  ThrowIfFailed(status != HPDF_OK);
}

void HpdfDocument::ThrowIfFailed(bool failed) const {
  if (!failed && failure_->error == HPDF_OK) return;
  HPDF_STATUS error = failure_->error != HPDF_OK ? failure_->error : HPDF_GetError(doc_.get());
  char code[16];
  std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(error));
  throw PdfError(
      std::string("libharu error ") + code + " (detail " + std::to_string(failure_->detail) + ")",
      error, failure_->detail);
}

std::string HpdfDocument::Save() const {
  Check(HPDF_SaveToStream(doc_.get()));
  HPDF_UINT32 size = HPDF_GetStreamSize(doc_.get());
  std::string bytes(size, '\0');
  HPDF_UINT32 read = size;
  Check(HPDF_ReadFromStream(doc_.get(), reinterpret_cast<HPDF_BYTE*>(bytes.data()), &read));
  bytes.resize(read);
  return bytes;
}

}  // namespace ordo::documents
