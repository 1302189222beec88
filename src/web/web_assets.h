// The web application's files (web/), built by web/build.mjs at build time and compiled into
// the binary: `ordo serve` needs no path at run time, and the application it serves is always
// the one built with its API.
#pragma once

#include <string_view>
#include <vector>

namespace ordo::web {

struct WebAsset {
  std::string_view path;          // "/index.html", "/assets/app-<hash>.js"
  std::string_view content_type;  // with its charset
  std::string_view body;
  std::string_view gzip;  // the same bytes, gzipped (level 9) at build time
  std::string_view etag;  // a strong validator: a hash of `body`, quoted
  bool immutable;         // its name carries a hash of its content: cache it for good
};

// Every file, index.html included; valid for the program's lifetime.
const std::vector<WebAsset>& WebAssets();

}  // namespace ordo::web
