#include "http/router.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "http/url.h"

namespace ordo::http {

namespace internal {

struct RouteNode {
  std::map<std::string, std::unique_ptr<RouteNode>, std::less<>> literals;
  struct Param {
    std::string name;
    std::string suffix;  // "{ref}.pdf": the segment must end with ".pdf"; "" for "{ref}"
    std::unique_ptr<RouteNode> node;
  };
  std::vector<Param> params;  // registration order
  struct Route {
    Handler handler;
    std::string pattern;
  };
  std::map<std::string, Route, std::less<>> handlers;  // by method
};

}  // namespace internal

namespace {

using internal::RouteNode;

using Bindings = std::vector<std::pair<std::string_view, std::string_view>>;

struct Candidate {
  const RouteNode* node;
  Bindings bindings;
};

// "/a/b" -> {"a", "b"}; "/" -> {}; "/a/" -> {"a", ""}. REQUIRES: path starts with '/'.
std::vector<std::string_view> SplitSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.size() <= 1) return segments;
  path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// The segments of the path as received, each percent-decoded on its own, so that an encoded
// '/' stays inside its segment: "/api%2Fv1%2Faudit" is the one segment "api/v1/audit", which
// no route has, and cannot slip past a reverse proxy's rules for /api/v1/audit. A request
// built by hand without a target is routed on its path. Nullopt for a malformed escape.
std::optional<std::vector<std::string>> DecodedSegments(const Request& request) {
  std::string_view raw =
      request.target.empty() ? std::string_view(request.path) : SplitTarget(request.target).first;
  std::vector<std::string> out;
  if (raw.empty() || raw[0] != '/') return out;
  for (std::string_view segment : SplitSegments(raw)) {
    auto decoded = PercentDecode(segment, /*plus_as_space=*/false);
    if (!decoded) return std::nullopt;
    out.push_back(std::move(*decoded));
  }
  return out;
}

bool IsParamName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string NormalizeMethod(std::string_view method) {
  std::string out;
  for (char c : method) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z')
      throw std::invalid_argument("invalid HTTP method: " + std::string(method));
    out.push_back(c);
  }
  if (out.empty()) throw std::invalid_argument("empty HTTP method");
  return out;
}

// Collects, most specific first, every node that ends a pattern matching `segments`.
void Collect(const RouteNode& node, const std::vector<std::string_view>& segments, size_t index,
             Bindings& bound, std::vector<Candidate>& out) {
  if (index == segments.size()) {
    if (!node.handlers.empty()) out.push_back({&node, bound});
    return;
  }
  std::string_view segment = segments[index];
  if (auto it = node.literals.find(segment); it != node.literals.end()) {
    Collect(*it->second, segments, index + 1, bound, out);
  }
  if (segment.empty()) return;
  // Parameters with a suffix are more specific than bare ones, so they are tried first.
  for (bool with_suffix : {true, false}) {
    for (const auto& p : node.params) {
      if (p.suffix.empty() == with_suffix) continue;
      if (segment.size() <= p.suffix.size() || !segment.ends_with(p.suffix)) continue;
      bound.emplace_back(p.name, segment.substr(0, segment.size() - p.suffix.size()));
      Collect(*p.node, segments, index + 1, bound, out);
      bound.pop_back();
    }
  }
}

}  // namespace

Router::Router() : root_(std::make_unique<RouteNode>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(std::string_view method, std::string_view pattern, Handler handler) {
  std::string verb = NormalizeMethod(method);
  if (pattern.empty() || pattern[0] != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  }
  if (!handler) throw std::invalid_argument("empty handler for " + std::string(pattern));
  RouteNode* node = root_.get();
  std::set<std::string_view> names;
  for (std::string_view segment : SplitSegments(pattern)) {
    size_t close = segment.find('}');
    bool is_param = !segment.empty() && segment.front() == '{' && close != std::string_view::npos;
    if (is_param) {
      std::string_view name = segment.substr(1, close - 1);
      std::string_view suffix = segment.substr(close + 1);
      if (!IsParamName(name) || !names.insert(name).second ||
          suffix.find_first_of("{}") != std::string_view::npos) {
        throw std::invalid_argument("bad parameter in route pattern: " + std::string(pattern));
      }
      auto it = std::find_if(node->params.begin(), node->params.end(),
                             [&](const auto& p) { return p.name == name && p.suffix == suffix; });
      if (it == node->params.end()) {
        node->params.push_back(
            {std::string(name), std::string(suffix), std::make_unique<RouteNode>()});
        it = std::prev(node->params.end());
      }
      node = it->node.get();
    } else {
      if (segment.empty() || segment.find_first_of("{}") != std::string_view::npos) {
        throw std::invalid_argument("bad segment in route pattern: " + std::string(pattern));
      }
      auto& child = node->literals[std::string(segment)];
      if (!child) child = std::make_unique<RouteNode>();
      node = child.get();
    }
  }
  if (!node->handlers.emplace(verb, RouteNode::Route{std::move(handler), std::string(pattern)})
           .second) {
    throw std::invalid_argument("duplicate route: " + verb + " " + std::string(pattern));
  }
  routes_.push_back({verb, std::string(pattern)});
}

void Router::Dispatch(Request& request, Responder respond) const {
  std::vector<Candidate> candidates;
  auto segments = DecodedSegments(request);
  if (segments && !request.path.empty() && request.path[0] == '/') {
    std::vector<std::string_view> views(segments->begin(), segments->end());
    Bindings bound;
    Collect(*root_, views, 0, bound, candidates);
  }
  if (candidates.empty()) {
    respond(Response::Problem(404, "not_found", "Not Found", "no resource at " + request.path));
    return;
  }
  std::set<std::string_view> allowed;
  for (const Candidate& candidate : candidates) {
    auto it = candidate.node->handlers.find(request.method);
    if (it == candidate.node->handlers.end()) {
      for (const auto& [verb, unused] : candidate.node->handlers) allowed.insert(verb);
      continue;
    }
    request.path_params.clear();
    for (const auto& [name, value] : candidate.bindings) {
      request.path_params.emplace(std::string(name), std::string(value));
    }
    request.route = it->second.pattern;
    it->second.handler(request, std::move(respond));
    return;
  }
  std::string allow;
  for (std::string_view verb : allowed) {
    if (!allow.empty()) allow += ", ";
    allow += verb;
  }
  Response response = Response::Problem(
      405, "method_not_allowed", "Method Not Allowed",
      request.method + " is not allowed on " + request.path + "; allowed: " + allow);
  response.SetHeader("Allow", allow);
  respond(std::move(response));
}

std::vector<RouteInfo> Router::Routes() const {
  return routes_;
}

}  // namespace ordo::http
