#include "api/openapi_answers.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "api/openapi_routes.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

// Statuses the document's info promises for any request, each a problem document.
constexpr std::array<int, 5> kAnyRequest = {400, 405, 431, 500, 503};

std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Whether a segment of a request path matches a segment of a path template ("{ref}",
// "{ref}.pdf", "orders"); adds the template's literal characters to `literals`, so that the
// most specific template wins.
bool SegmentMatches(const std::string& tmpl, const std::string& segment, size_t& literals) {
  const size_t open = tmpl.find('{');
  if (open == std::string::npos) {
    literals += tmpl.size();
    return tmpl == segment;
  }
  const size_t close = tmpl.find('}', open);
  const std::string prefix = tmpl.substr(0, open);
  const std::string suffix = tmpl.substr(close + 1);
  literals += prefix.size() + suffix.size();
  return segment.size() > prefix.size() + suffix.size() && segment.rfind(prefix, 0) == 0 &&
         segment.compare(segment.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "application/json; charset=utf-8" -> "application/json".
std::string MediaType(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return Lower(type);
}

bool IsJson(const std::string& media_type) {
  return media_type == "application/json" ||
         (media_type.size() > 5 && media_type.substr(media_type.size() - 5) == "+json");
}

}  // namespace

OpenApiAnswers::OpenApiAnswers(std::string_view document)
    : document_(json::parse(document)), schemas_(document_) {}

const json* OpenApiAnswers::FindOperation(const std::string& method,
                                          const std::string& path) const {
  const std::vector<std::string> wanted = Segments(path);
  const json* best = nullptr;
  size_t best_literals = 0;
  for (const auto& [tmpl, item] : document_.at("paths").items()) {
    const std::vector<std::string> segments = Segments(tmpl);
    if (segments.size() != wanted.size()) continue;
    size_t literals = 0;
    bool matches = true;
    for (size_t i = 0; i < segments.size() && matches; ++i) {
      matches = SegmentMatches(segments[i], wanted[i], literals);
    }
    if (!matches) continue;
    auto op = item.find(Lower(method));
    if (op != item.end() && (best == nullptr || literals > best_literals)) {
      best = &*op;
      best_literals = literals;
    }
  }
  return best;
}

std::vector<std::string> OpenApiAnswers::Check(const std::string& method, const std::string& target,
                                               int status, const std::string& content_type,
                                               const std::string& body) const {
  std::vector<std::string> out;
  const std::string path = target.substr(0, target.find('?'));
  const std::string status_text = std::to_string(status);
  const json* operation = FindOperation(method, path);
  const json& problem_response = document_.at("components").at("responses").at("BadRequest");

  if (operation == nullptr) {
    if (status != 404 && status != 405) {
      out.push_back(method + " " + path + " is not in the document, yet answered " + status_text);
      return out;
    }
    CheckBody(problem_response, status, content_type, body, out);
    return out;
  }

  const json& responses = operation->at("responses");
  const std::string range = status_text.substr(0, 1) + "XX";
  const json* response = nullptr;
  for (const std::string& key : {status_text, range, std::string("default")}) {
    if (responses.contains(key)) {
      response = &responses.at(key);
      break;
    }
  }
  if (response == nullptr) {
    if (std::find(kAnyRequest.begin(), kAnyRequest.end(), status) == kAnyRequest.end()) {
      out.push_back(method + " " + path + " answered " + status_text +
                    ", which its operation does not document");
      return out;
    }
    response = &problem_response;
  }
  if (response->contains("$ref")) response = &schemas_.Resolve(response->at("$ref"));
  CheckBody(*response, status, content_type, body, out);
  for (std::string& line : out) line = method + " " + path + " " + status_text + ": " + line;
  return out;
}

void OpenApiAnswers::CheckBody(const json& response, int status, const std::string& content_type,
                               const std::string& body, std::vector<std::string>& out) const {
  const auto content = response.find("content");
  if (body.empty()) {
    // A body the document promises must be there (304 and HEAD have none, and list none).
    if (content != response.end() && status != 304) out.push_back("the body is empty");
    return;
  }
  if (content == response.end()) {
    out.push_back("has a body, but the document lists no content for it");
    return;
  }
  const std::string media_type = MediaType(content_type);
  const auto media = content->find(media_type);
  if (media == content->end()) {
    out.push_back("Content-Type " + content_type +
                  " is not one the document lists: " + content->dump().substr(0, 120));
    return;
  }
  if (!IsJson(media_type) || !media->contains("schema")) return;
  const json value = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    out.push_back("the body is not JSON");
    return;
  }
  schemas_.Check(media->at("schema"), value, "", out);
}

const OpenApiAnswers& PublishedAnswers() {
  static const OpenApiAnswers answers(OpenApiDocument());
  return answers;
}

}  // namespace ordo::api::testing
