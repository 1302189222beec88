#include "api/body_fuzzer.h"

#include <array>
#include <map>
#include <string_view>

namespace ordo::api::testing {
namespace {

using nlohmann::json;

// Fields whose value names something the API test fixture holds (api_fixture.h); a plausible
// body uses them so that it gets past "no such customer" to the deeper rules.
const std::map<std::string, std::vector<std::string>, std::less<>> kKnownValues = {
    {"customer", {"C-1", "C-2", "1"}},
    {"sku", {"WID-100", "WID-200", "OLD-1"}},
    {"warehouse", {"W1", "W2"}},
    {"preferred_warehouse", {"W1", "W2"}},
    {"ship_to", {"MAIN"}},
    {"uom", {"EA", "CS"}},
    {"currency", {"USD"}},
    {"region", {"NY", "CA"}},
    {"country", {"US"}},
    {"username", {"admin", "sales", "nobody"}},
    {"password", {"admin-pass-phrase-1", "wrong"}},
    {"order", {"1", "SO-000001"}},
    {"invoice", {"1", "IN-000001"}},
    {"tax_class", {"standard"}},
};

// Strings a hostile client sends: control characters, byte-order marks, right-to-left marks,
// markup, SQL, format strings, and text outside the Basic Multilingual Plane.
const std::array<std::string_view, 12> kNastyText = {std::string_view("a\0b", 3),
                                                     "tab\there",
                                                     "new\nline",
                                                     "\x7f\x1b[31m",
                                                     "\xef\xbb\xbf"
                                                     "bom",
                                                     "\xe2\x80\xae"
                                                     "rtl",
                                                     "<script>alert(1)</script>",
                                                     "'; DROP TABLE orders; --",
                                                     "%s%n%x",
                                                     "\xf0\x9f\x93\xa6 box",
                                                     "\xc3\xbc",
                                                     "\\u0000"};

// Numbers a hostile client sends, as JSON text (some are not representable in any integer).
const std::array<std::string_view, 14> kNastyNumbers = {"-1",
                                                        "0",
                                                        "1.5",
                                                        "1e400",
                                                        "-1e400",
                                                        "99999999999999999999",
                                                        "9223372036854775807",
                                                        "-9223372036854775808",
                                                        "250000000000",
                                                        "0.00001",
                                                        "1e-7",
                                                        "\"12abc\"",
                                                        "\"1,000\"",
                                                        "\" 5\""};

}  // namespace

std::string BodyFuzzer::Text(const std::string& name) {
  auto known = kKnownValues.find(name);
  if (known != kKnownValues.end() && Chance(80)) return known->second[Pick(known->second.size())];
  switch (Pick(4)) {
    case 0:
      return "x";
    case 1:
      return name + "-" + std::to_string(Pick(1000));
    case 2:
      return "Müller & Söhne";
    default:
      return "ref " + std::to_string(Pick(100000));
  }
}

json BodyFuzzer::Generate(const json& schema, const std::string& name, int depth) {
  if (!schema.is_object()) return Text(name);  // `true`: anything goes
  if (schema.contains("$ref")) return Generate(refs_.Resolve(schema["$ref"]), name, depth);
  if (schema.contains("allOf") && !schema["allOf"].empty()) {
    return Generate(schema["allOf"][Pick(schema["allOf"].size())], name, depth);
  }
  for (const char* choice : {"oneOf", "anyOf"}) {
    if (schema.contains(choice) && !schema[choice].empty()) {
      return Generate(schema[choice][Pick(schema[choice].size())], name, depth);
    }
  }
  if (schema.contains("enum")) return schema["enum"][Pick(schema["enum"].size())];
  if (schema.contains("const")) return schema["const"];

  std::string type = "string";
  if (schema.contains("type")) {
    const json& t = schema["type"];
    if (t.is_string()) {
      type = t.get<std::string>();
    } else {
      // A nullable field: mostly its value, sometimes null.
      std::vector<std::string> types;
      for (const auto& each : t) {
        if (each != "null" || Chance(20)) types.push_back(each.get<std::string>());
      }
      type = types.empty() ? "null" : types[Pick(types.size())];
    }
  } else if (schema.contains("properties")) {
    type = "object";
  }

  if (type == "object") {
    json out = json::object();
    if (depth > 6) return out;
    std::vector<std::string> required;
    if (schema.contains("required")) required = schema["required"].get<std::vector<std::string>>();
    const json properties = schema.value("properties", json::object());
    for (const auto& [key, sub] : properties.items()) {
      const bool needed = std::find(required.begin(), required.end(), key) != required.end();
      if (needed || Chance(50)) out[key] = Generate(sub, key, depth + 1);
    }
    return out;
  }
  if (type == "array") {
    json out = json::array();
    const size_t least = schema.value("minItems", 0);
    const size_t count = std::max(least, Pick(3));
    const json items = schema.value("items", json::object());
    for (size_t i = 0; i < count && depth <= 6; ++i) {
      out.push_back(Generate(items, name, depth + 1));
    }
    return out;
  }
  if (type == "integer" || type == "number") {
    if (name == "line_no") return static_cast<int64_t>(1 + Pick(2));
    if (name == "quantity") return static_cast<int64_t>(1 + Pick(10));
    return static_cast<int64_t>(Pick(12));
  }
  if (type == "boolean") return Chance(50);
  if (type == "null") return nullptr;
  // A string; money and quantity inputs take a number as text.
  if (schema.contains("pattern") &&
      schema["pattern"].get<std::string>().find("[0-9]") != std::string::npos) {
    if (name == "quantity") return std::to_string(1 + Pick(10));
    return std::to_string(Pick(50)) + (Chance(50) ? ".25" : "");
  }
  if (schema.value("format", "") == "date") return "2026-0" + std::to_string(1 + Pick(9)) + "-15";
  return Text(name);
}

void BodyFuzzer::Leaves(json& body, std::vector<json*>& out) {
  if (body.is_object()) {
    for (auto& [key, value] : body.items()) {
      out.push_back(&value);
      Leaves(value, out);
    }
  } else if (body.is_array()) {
    for (auto& value : body) {
      out.push_back(&value);
      Leaves(value, out);
    }
  }
}

json BodyFuzzer::HostileValue() {
  switch (Pick(9)) {
    case 0:
      return nullptr;
    case 1:
      return "";
    case 2:
      return std::string(70'000, 'W');
    case 3:
      return std::string(kNastyText[Pick(kNastyText.size())]);
    case 4:
      return json::array();
    case 5:
      return json::object();
    case 6:
      return true;
    case 7:
      return -static_cast<int64_t>(Pick(1000));
    default:
      return std::string(300, 'x') + "\xc3\xbc";
  }
}

std::string BodyFuzzer::Hostile(const json& plausible) {
  json body = plausible;
  std::vector<json*> leaves;
  Leaves(body, leaves);
  json* target = leaves.empty() ? nullptr : leaves[Pick(leaves.size())];
  // A token the body's text will carry where it is not JSON (numbers beyond any integer, raw
  // bytes): the value is set to a marker, and the marker replaced in the text.
  const std::string marker = "\"@@fuzz@@\"";
  std::string raw;

  switch (Pick(12)) {
    case 0:  // a field dropped
      if (body.is_object() && !body.empty()) body.erase(body.begin());
      break;
    case 1:  // a value replaced by one of another type, size or content
    case 2:
      if (target != nullptr) *target = HostileValue();
      break;
    case 3:  // a number no integer holds, or text that only looks like a number
      if (target != nullptr) {
        *target = "@@fuzz@@";
        raw = std::string(kNastyNumbers[Pick(kNastyNumbers.size())]);
      }
      break;
    case 4:  // an unknown field
      body["unexpected_" + std::to_string(Pick(10))] = 1;
      break;
    case 5:  // many lines (orders allow 1,000)
      for (auto& [key, value] : body.items()) {
        if (value.is_array() && !value.empty()) {
          json first = value[0];
          const size_t count = Chance(50) ? 1001 : 2000 + Pick(3000);
          for (size_t i = value.size(); i < count; ++i) value.push_back(first);
          break;
        }
      }
      break;
    case 6:  // bytes that are not UTF-8 inside a string
      if (target != nullptr) {
        *target = "@@fuzz@@";
        raw = Chance(50) ? "\"\xff\xfe bad\"" : "\"caf\xc3\"";
      }
      break;
    case 7: {  // deep nesting inside a field
      const size_t depth = Chance(50) ? 64 + Pick(200) : 20'000 + Pick(80'000);
      if (body.is_object()) {
        body["deep"] = "@@fuzz@@";
        raw = std::string(depth, '[') + std::string(depth, ']');
      }
      break;
    }
    case 8: {  // a duplicate key
      std::string text = body.dump();
      if (text.size() > 2 && text.front() == '{') {
        const size_t colon = text.find(':');
        if (colon != std::string::npos) {
          const std::string first_key = text.substr(1, colon - 1);
          return "{" + first_key + ": null, " + text.substr(1);
        }
      }
      return text;
    }
    case 9: {  // truncated
      std::string text = body.dump();
      return text.substr(0, Pick(text.size() + 1));
    }
    case 10: {  // a byte flipped somewhere
      std::string text = body.dump();
      if (!text.empty()) text[Pick(text.size())] = static_cast<char>(Pick(256));
      return text;
    }
    default:  // not an object at all
      switch (Pick(4)) {
        case 0:
          return "[]";
        case 1:
          return "null";
        case 2:
          return "\"text\"";
        default:
          return body.dump() + " trailing";
      }
  }
  std::string text = body.dump();
  if (!raw.empty()) {
    const size_t at = text.find(marker);
    if (at != std::string::npos) text.replace(at, marker.size(), raw);
  }
  return text;
}

}  // namespace ordo::api::testing
