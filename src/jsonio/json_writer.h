// JsonWriter: builds compact JSON text by appending to a string.
//
// For hot paths (an order's JSON is written for every placed order's audit record and every
// API answer), building a nlohmann::json tree of maps costs far more than the text itself.
// The writer inserts commas itself; the caller keeps objects and arrays balanced.
//
//   JsonWriter w;
//   w.BeginObject().Field("id", 42).Field("sku", "WID-1").Key("lines").BeginArray();
//   ...
//   w.EndArray().EndObject();
//   std::string text = w.Take();
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ordo::jsonio {

class JsonWriter {
 public:
  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }

  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Inserts `json`, which must be one complete JSON value.
  JsonWriter& Raw(std::string_view json);

  JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const std::string& value) {
    return Key(key).String(value);
  }
  JsonWriter& Field(std::string_view key, int64_t value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, int value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, bool value) { return Key(key).Bool(value); }

  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  JsonWriter& Open(char c);
  JsonWriter& Close(char c);
  void BeforeValue();

  std::string out_;
  // Per open container: whether it already holds an element (so the next needs a comma).
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

// Appends `value` to `out` as a JSON string literal, quotes included.
void AppendQuoted(std::string& out, std::string_view value);

}  // namespace ordo::jsonio
