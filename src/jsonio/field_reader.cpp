#include "jsonio/field_reader.h"

#include <cstdlib>

#include "core/field_path.h"
#include "jsonio/exact_json.h"

namespace ordo::jsonio {

using nlohmann::json;

namespace {

// Whether the number written `text` (a JSON number token) lies beyond int64's range. Only the
// magnitude is compared, so long double's precision is enough.
bool BeyondInt64(const std::string& text) {
  const long double value = std::strtold(text.c_str(), nullptr);
  return value >= 9223372036854775808.0L || value < -9223372036854775808.0L;
}

}  // namespace

void FieldReader::Fail(const std::string& field, const std::string& code,
                       const std::string& message) {
  errors_.push_back({field, code, message});
}

bool FieldReader::Has(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && !it->is_null();
}

std::string FieldReader::String(const json& obj, const char* key, const std::string& path,
                                bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) Fail(path, "required", std::string(key) + " is required");
    return {};
  }
  if (!it->is_string()) {
    Fail(path, "invalid_type", std::string(key) + " must be a string");
    return {};
  }
  return it->get<std::string>();
}

std::optional<std::string> FieldReader::OptionalString(const json& obj, const char* key,
                                                       const std::string& path) {
  if (!Has(obj, key)) return std::nullopt;
  const json& v = obj.at(key);
  if (!v.is_string()) {
    Fail(path, "invalid_type", std::string(key) + " must be a string");
    return std::nullopt;
  }
  return v.get<std::string>();
}

std::optional<std::string> FieldReader::Decimal(const json& obj, const char* key,
                                                const std::string& path, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) Fail(path, "required", std::string(key) + " is required");
    return std::nullopt;
  }
  if (auto text = DecimalText(*it)) return text;
  Fail(path, "invalid_type", std::string(key) + " must be a number or a decimal string");
  return std::nullopt;
}

std::optional<Money> FieldReader::Amount(const json& obj, const char* key, const std::string& path,
                                         bool required) {
  std::optional<std::string> text = Decimal(obj, key, path, required);
  if (!text) return std::nullopt;
  Result<Money> money = Money::Parse(*text);
  if (money.ok()) {
    const Money limit = Money::FromWhole(kMaxAmountWhole);
    if (*money > limit || *money < -limit) {
      Fail(path, "out_of_range",
           std::string(key) + " is at most " + std::to_string(kMaxAmountWhole) + " either way");
      return std::nullopt;
    }
    return *money;
  }
  const auto& e = money.status().errors();
  Fail(path, e.empty() ? "invalid_amount" : e.front().code,
       std::string(key) + ": " + (e.empty() ? "not a decimal amount" : e.front().message));
  return std::nullopt;
}

std::optional<int64_t> FieldReader::Integer(const json& obj, const char* key,
                                            const std::string& path, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) Fail(path, "required", std::string(key) + " is required");
    return std::nullopt;
  }
  if (it->is_number_integer()) {
    if (it->is_number_unsigned() && it->get<uint64_t>() > uint64_t{INT64_MAX}) {
      Fail(path, "out_of_range", std::string(key) + " is too large");
      return std::nullopt;
    }
    return it->get<int64_t>();
  }
  if (IsDecimalNumber(*it) && BeyondInt64(*DecimalText(*it))) {
    Fail(path, "out_of_range", std::string(key) + " is too large");
    return std::nullopt;
  }
  Fail(path, "invalid_type", std::string(key) + " must be an integer");
  return std::nullopt;
}

std::optional<bool> FieldReader::Bool(const json& obj, const char* key, const std::string& path,
                                      bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) Fail(path, "required", std::string(key) + " is required");
    return std::nullopt;
  }
  if (it->is_boolean()) return it->get<bool>();
  Fail(path, "invalid_type", std::string(key) + " must be true or false");
  return std::nullopt;
}

const json* FieldReader::Object(const json& obj, const char* key, const std::string& path,
                                bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) Fail(path, "required", std::string(key) + " is required");
    return nullptr;
  }
  if (!it->is_object()) {
    Fail(path, "invalid_type", std::string(key) + " must be an object");
    return nullptr;
  }
  return &*it;
}

const json* FieldReader::Array(const json& obj, const char* key, const std::string& path,
                               bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) Fail(path, "required", std::string(key) + " is required");
    return nullptr;
  }
  if (!it->is_array()) {
    Fail(path, "invalid_type", std::string(key) + " must be an array");
    return nullptr;
  }
  return &*it;
}

void FieldReader::RefuseNulls(const json& obj, std::initializer_list<const char*> keys,
                              std::string_view parent) {
  for (const char* key : keys) {
    auto it = obj.find(key);
    if (it != obj.end() && it->is_null()) {
      Fail(FieldPath(parent, key), "invalid_type", std::string(key) + " cannot be null");
    }
  }
}

void FieldReader::OnlyKnown(const json& obj, std::initializer_list<std::string_view> known,
                            std::string_view parent) {
  for (const auto& [key, value] : obj.items()) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || key == k;
    if (!ok) Fail(FieldPath(parent, key), "unknown_field", "unknown field " + key);
  }
}

Result<json> ParseJsonObject(std::string_view body) {
  Result<json> parsed = ParseExactJson(body);
  if (!parsed.ok()) return parsed.status();
  if (!parsed->is_object()) {
    return Status::InvalidArgument("the body must be a JSON object",
                                   {{"", "invalid_type", "the body must be a JSON object"}});
  }
  return std::move(*parsed);
}

}  // namespace ordo::jsonio
