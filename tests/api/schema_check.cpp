#include "api/schema_check.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace ordo::api::testing {
namespace {

using nlohmann::json;

// Keywords that say something about a schema but nothing about the values it accepts.
constexpr std::array<std::string_view, 11> kAnnotations = {
    "description", "examples",  "example",  "default",          "title",  "deprecated",
    "readOnly",    "writeOnly", "$comment", "contentMediaType", "summary"};

bool IsAnnotation(std::string_view key) {
  return std::find(kAnnotations.begin(), kAnnotations.end(), key) != kAnnotations.end();
}

bool HasType(const json& value, std::string_view type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "null") return value.is_null();
  throw std::invalid_argument("unknown JSON Schema type " + std::string(type));
}

// The number of characters (code points) of UTF-8 text, as JSON Schema counts a length.
size_t CodePoints(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// YYYY-MM-DD naming a day that exists.
bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!IsDigits(s.substr(0, 4)) || !IsDigits(s.substr(5, 2)) || !IsDigits(s.substr(8, 2))) {
    return false;
  }
  const int year = Number(s.substr(0, 4));
  const int month = Number(s.substr(5, 2));
  const int day = Number(s.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// RFC 3339 date-time: a date, T, hh:mm:ss, optional fraction, Z or an offset.
bool IsDateTime(std::string_view s) {
  static const std::regex kTime(
      R"(^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$)");
  if (s.size() < 11 || (s[10] != 'T' && s[10] != 't')) return false;
  const std::string time(s.substr(11));
  return IsDate(s.substr(0, 10)) && std::regex_match(time, kTime);
}

bool IsUri(std::string_view s) {
  static const std::regex kUri(R"(^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$)");
  return std::regex_match(std::string(s), kUri);
}

std::string Child(const std::string& path, const std::string& key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped += c;
    }
  }
  return path + "/" + escaped;
}

std::string Shown(const json& value) {
  std::string text = value.dump();
  if (text.size() > 80) text = text.substr(0, 77) + "...";
  return text;
}

}  // namespace

const json& SchemaCheck::Resolve(const std::string& ref) const {
  if (ref.rfind("#", 0) != 0) throw std::out_of_range("only local references: " + ref);
  return document_.at(json::json_pointer(ref.substr(1)));
}

const std::regex& SchemaCheck::Pattern(const std::string& source) const {
  auto& slot = patterns_[source];
  if (!slot) slot = std::make_unique<std::regex>(source, std::regex::ECMAScript);
  return *slot;
}

bool SchemaCheck::Check(const json& schema, const json& value, const std::string& path,
                        std::vector<std::string>& violations) const {
  const size_t before = violations.size();
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) violations.push_back(path + ": no value is allowed here");
    return violations.size() == before;
  }
  if (!schema.is_object()) throw std::invalid_argument("a schema is an object or a boolean");
  for (const auto& [key, arg] : schema.items()) {
    CheckKeyword(key, arg, schema, value, path, violations);
  }
  return violations.size() == before;
}

void SchemaCheck::CheckKeyword(const std::string& key, const json& arg, const json& schema,
                               const json& value, const std::string& path,
                               std::vector<std::string>& out) const {
  if (IsAnnotation(key)) return;
  if (key == "$ref") {
    Check(Resolve(arg.get<std::string>()), value, path, out);
  } else if (key == "type") {
    const bool ok = arg.is_string() ? HasType(value, arg.get<std::string>())
                                    : std::any_of(arg.begin(), arg.end(), [&](const json& t) {
                                        return HasType(value, t.get<std::string>());
                                      });
    if (!ok) out.push_back(path + ": " + Shown(value) + " is not of type " + arg.dump());
  } else if (key == "properties") {
    if (!value.is_object()) return;
    for (const auto& [name, sub] : arg.items()) {
      auto it = value.find(name);
      if (it != value.end()) Check(sub, *it, Child(path, name), out);
    }
  } else if (key == "required") {
    if (!value.is_object()) return;
    for (const auto& name : arg) {
      if (!value.contains(name.get<std::string>())) {
        out.push_back(path + ": lacks the required property " + name.get<std::string>());
      }
    }
  } else if (key == "additionalProperties") {
    if (!value.is_object()) return;
    const json* properties = schema.contains("properties") ? &schema.at("properties") : nullptr;
    for (const auto& [name, sub] : value.items()) {
      if (properties != nullptr && properties->contains(name)) continue;
      if (arg.is_boolean() && !arg.get<bool>()) {
        out.push_back(Child(path, name) + ": is not a documented property");
      } else {
        Check(arg, sub, Child(path, name), out);
      }
    }
  } else if (key == "items") {
    if (!value.is_array()) return;
    for (size_t i = 0; i < value.size(); ++i)
      Check(arg, value[i], Child(path, std::to_string(i)), out);
  } else if (key == "enum") {
    if (std::find(arg.begin(), arg.end(), value) == arg.end()) {
      out.push_back(path + ": " + Shown(value) + " is not one of " + Shown(arg));
    }
  } else if (key == "const") {
    if (value != arg) out.push_back(path + ": " + Shown(value) + " is not " + Shown(arg));
  } else if (key == "pattern") {
    if (value.is_string() &&
        !std::regex_search(value.get<std::string>(), Pattern(arg.get<std::string>()))) {
      out.push_back(path + ": " + Shown(value) + " does not match " + arg.get<std::string>());
    }
  } else if (key == "minLength" || key == "maxLength") {
    if (!value.is_string()) return;
    const size_t length = CodePoints(value.get<std::string>());
    const auto bound = arg.get<size_t>();
    if (key == "minLength" ? length < bound : length > bound) {
      out.push_back(path + ": " + std::to_string(length) + " characters breaks " + key + " " +
                    std::to_string(bound));
    }
  } else if (key == "minimum" || key == "maximum" || key == "exclusiveMinimum" ||
             key == "exclusiveMaximum") {
    if (!value.is_number()) return;
    const double v = value.get<double>();
    const double bound = arg.get<double>();
    const bool ok = key == "minimum"            ? v >= bound
                    : key == "maximum"          ? v <= bound
                    : key == "exclusiveMinimum" ? v > bound
                                                : v < bound;
    if (!ok) out.push_back(path + ": " + Shown(value) + " breaks " + key + " " + arg.dump());
  } else if (key == "minItems" || key == "maxItems") {
    if (!value.is_array()) return;
    const auto bound = arg.get<size_t>();
    if (key == "minItems" ? value.size() < bound : value.size() > bound) {
      out.push_back(path + ": " + std::to_string(value.size()) + " items breaks " + key + " " +
                    std::to_string(bound));
    }
  } else if (key == "allOf") {
    for (const auto& sub : arg) Check(sub, value, path, out);
  } else if (key == "anyOf" || key == "oneOf") {
    size_t matched = 0;
    std::vector<std::string> reasons;
    for (const auto& sub : arg) {
      std::vector<std::string> scratch;
      if (Check(sub, value, path, scratch)) ++matched;
      if (!scratch.empty()) reasons.push_back(scratch.front());
    }
    if (matched == 0) {
      std::string first = reasons.empty() ? "" : " (first: " + reasons.front() + ")";
      out.push_back(path + ": " + Shown(value) + " matches none of " + key + first);
    } else if (key == "oneOf" && matched > 1) {
      out.push_back(path + ": " + Shown(value) + " matches " + std::to_string(matched) +
                    " schemas of oneOf");
    }
  } else if (key == "not") {
    std::vector<std::string> scratch;
    if (Check(arg, value, path, scratch))
      out.push_back(path + ": " + Shown(value) + " is excluded");
  } else if (key == "format") {
    const auto format = arg.get<std::string>();
    bool ok = true;
    if (format == "date") {
      ok = !value.is_string() || IsDate(value.get<std::string>());
    } else if (format == "date-time") {
      ok = !value.is_string() || IsDateTime(value.get<std::string>());
    } else if (format == "uri") {
      ok = !value.is_string() || IsUri(value.get<std::string>());
    } else if (format == "int64") {
      ok = !value.is_number() || value.is_number_integer();
    } else if (format != "binary" && format != "password" && format != "int32") {
      out.push_back(path + ": unsupported format " + format);
      return;
    }
    if (!ok) out.push_back(path + ": " + Shown(value) + " is not a " + format);
  } else {
    out.push_back(path + ": unsupported schema keyword " + key);
  }
}

}  // namespace ordo::api::testing
