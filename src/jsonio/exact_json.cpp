#include "jsonio/exact_json.h"

#include <vector>

#include "core/field_path.h"
#include "jsonio/json_depth.h"

namespace ordo::jsonio {
namespace {

using nlohmann::json;

// Decimal tokens are kept as a binary value with this subtype: JSON text cannot produce a
// binary value, so a client cannot forge one.
constexpr std::uint64_t kDecimalSubtype = 0x44;
// nlohmann's exception id for a number that overflows a double ("number overflow parsing").
constexpr int kNumberOverflowId = 406;

// Builds the DOM from SAX events, keeping float tokens as decimal text, and notes the first
// problem with the path where it was found.
class ExactBuilder : public nlohmann::json_sax<json> {
 public:
  json root;
  std::optional<FieldError> problem;

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
    if (stack_.back()->contains(k)) {
      problem = FieldError{FieldPath(paths_.back(), k), "duplicate_key",
                           "the key " + k + " appears more than once in one object"};
      return false;
    }
    key_ = k;
    return true;
  }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(json::array()); }
  bool end_array() override { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    if (e.id == kNumberOverflowId) {
      problem = FieldError{NextPath(), "out_of_range", "the number is too large"};
    }
    return false;
  }

 private:
  // The path of the value about to be put into the innermost container.
  std::string NextPath() const {
    if (stack_.empty()) return "";
    if (stack_.back()->is_array()) return ElementPath(paths_.back(), stack_.back()->size());
    return FieldPath(paths_.back(), key_);
  }
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
    // NestsDeeperThan ran first; this guards the builder on its own.
    if (stack_.size() >= kMaxJsonDepth) return false;
    std::string path = NextPath();
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
    paths_.push_back(std::move(path));
    return true;
  }
  bool Close() {
    stack_.pop_back();
    paths_.pop_back();
    return true;
  }

  std::vector<json*> stack_;
  std::vector<std::string> paths_;  // the path of each open container
  std::string key_;
};

Status BodyError(std::string message, FieldError error) {
  return Status::InvalidArgument(std::move(message), {std::move(error)});
}

}  // namespace

Result<json> ParseExactJson(std::string_view text) {
  if (NestsDeeperThan(text, kMaxJsonDepth)) {
    const std::string limit = std::to_string(kMaxJsonDepth);
    return BodyError("the body nests deeper than " + limit + " levels",
                     {"", "too_deep", "arrays and objects nest at most " + limit + " levels"});
  }
  ExactBuilder builder;
  bool ok = json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json,
                            /*strict=*/true);
  if (ok) return std::move(builder.root);
  if (builder.problem) {
    const std::string message = builder.problem->message;
    return BodyError(message, std::move(*builder.problem));
  }
  return BodyError("the body is not valid JSON",
                   {"", "malformed_json", "the body is not valid JSON"});
}

std::optional<std::string> DecimalText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return value.dump();
  if (IsDecimalNumber(value)) {
    const auto& bytes = value.get_binary();
    return std::string(bytes.begin(), bytes.end());
  }
  return std::nullopt;
}

bool IsDecimalNumber(const json& value) {
  return value.is_binary() && value.get_binary().has_subtype() &&
         value.get_binary().subtype() == kDecimalSubtype;
}

}  // namespace ordo::jsonio
