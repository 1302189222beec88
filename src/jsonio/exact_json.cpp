#include "jsonio/exact_json.h"

#include <vector>

namespace ordo::jsonio {
namespace {

using nlohmann::json;

// Decimal tokens are kept as a binary value with this subtype: JSON text cannot produce a
// binary value, so a client cannot forge one.
constexpr std::uint64_t kDecimalSubtype = 0x44;
constexpr size_t kMaxDepth = 64;

// Builds the DOM from SAX events, turning float tokens into {"$decimal": "<token>"}.
class ExactBuilder : public nlohmann::json_sax<json> {
 public:
  json root;

  bool null() override { return Put(json(nullptr)); }
  bool boolean(bool v) override { return Put(json(v)); }
  bool number_integer(number_integer_t v) override { return Put(json(v)); }
  bool number_unsigned(number_unsigned_t v) override { return Put(json(v)); }
  bool number_float(number_float_t, const string_t& s) override {
    return Put(json::binary(json::binary_t::container_type(s.begin(), s.end()), kDecimalSubtype));
  }
  bool string(string_t& v) override { return Put(json(v)); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return Open(json::object()); }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(json::array()); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool Put(json v) {
    if (stack_.empty()) {
      root = std::move(v);
    } else if (stack_.back()->is_array()) {
      stack_.back()->push_back(std::move(v));
    } else {
      (*stack_.back())[key_] = std::move(v);
    }
    return true;
  }
  bool Open(json container) {
    if (stack_.size() >= kMaxDepth) return false;
    json* slot;
    if (stack_.empty()) {
      root = std::move(container);
      slot = &root;
    } else if (stack_.back()->is_array()) {
      stack_.back()->push_back(std::move(container));
      slot = &stack_.back()->back();
    } else {
      slot = &((*stack_.back())[key_] = std::move(container));
    }
    stack_.push_back(slot);
    return true;
  }
  bool Close() {
    stack_.pop_back();
    return true;
  }

  std::vector<json*> stack_;
  std::string key_;
};

}  // namespace

std::optional<json> ParseExactJson(std::string_view text) {
  ExactBuilder builder;
  bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json,
                            /*strict=*/true);
  if (!ok) return std::nullopt;
  return std::move(builder.root);
}

std::optional<std::string> DecimalText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  if (value.is_binary() && value.get_binary().has_subtype() &&
      value.get_binary().subtype() == kDecimalSubtype) {
    const auto& bytes = value.get_binary();
    return std::string(bytes.begin(), bytes.end());
  }
  return std::nullopt;
}

}  // namespace ordo::jsonio
