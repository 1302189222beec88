// HpdfDocument: one libharu document (HPDF_Doc), freed when it goes out of scope, whose
// errors become documents::PdfError exceptions.
//
// libharu reports an error by calling a handler and returning an error status (or a null
// handle). The handler must not throw: the exception would unwind through libharu's C frames.
// So it only records the error, and Check(), which wraps every libharu call, throws it on the
// C++ side. After an error the document is not used again (libharu's state is undefined).
//
// Internal to the documents module (it exposes hpdf.h); pdf_renderer.h is the public API.
// Not thread-safe; separate documents may be used on separate threads.
#pragma once

#include <hpdf.h>

#include <memory>
#include <string>
#include <type_traits>

namespace ordo::documents {

class HpdfDocument {
 public:
  // A new empty document. Throws PdfError when libharu cannot allocate one.
  HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc get() const { return doc_.get(); }

  // Throws PdfError if libharu reported an error (during this call or any before it) or
  // `status` is not HPDF_OK.
  void Check(HPDF_STATUS status) const;
  // Returns `handle` (an HPDF_Page, HPDF_Font...); throws PdfError if libharu reported an
  // error or `handle` is null.
  template <typename Handle>
  requires std::is_pointer_v<Handle> Handle Check(Handle handle)
  const {
    ThrowIfFailed(handle == nullptr);
    return handle;
  }

  // Saves the document and returns the bytes of the PDF file.
  std::string Save() const;

 private:
  struct Failure {
    HPDF_STATUS error = HPDF_OK;
    HPDF_STATUS detail = 0;
  };
  static void OnError(HPDF_STATUS error, HPDF_STATUS detail, void* user_data);
  void ThrowIfFailed(bool failed) const;

  // Before doc_: libharu may report an error while the document is freed.
  std::unique_ptr<Failure> failure_ = std::make_unique<Failure>();
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, decltype(&HPDF_Free)> doc_;
};

}  // namespace ordo::documents
