#include "csvio/row_fields.h"

#include "core/text_check.h"

namespace ordo::csvio {
namespace {

std::string Quoted(std::string_view text) {
  std::string quoted;
  quoted.reserve(text.size() + 2);
  quoted += '"';
  quoted += text;
  quoted += '"';
  return quoted;
}

std::string_view FirstCode(const Status& status) {
  return status.errors().empty() ? std::string_view() : status.errors().front().code;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char c = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != b[i]) return false;
  }
  return true;
}

}  // namespace

std::string RowFields::Text(std::string_view column, TextLimit limit) {
  const std::string& text = Text(column);
  if (auto problem = CheckText(text, limit, std::string(column))) {
    AddError(column, problem->code, problem->message);
    return "";
  }
  return text;
}

std::optional<std::string> RowFields::OptionalText(std::string_view column) const {
  const std::string& text = Text(column);
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::string RowFields::TextOr(std::string_view column, std::string_view fallback) const {
  const std::string& text = Text(column);
  return text.empty() ? std::string(fallback) : text;
}

std::optional<Money> RowFields::Amount(std::string_view column, std::optional<Money> fallback) {
  const std::string& text = Text(column);
  if (text.empty()) {
    if (!fallback) AddError(column, "required", "a value is required");
    return fallback;
  }
  Result<Money> amount = Money::Parse(text);
  if (amount.ok()) return *amount;
  const std::string_view code = FirstCode(amount.status());
  if (code == "too_many_decimals") {
    AddError(column, "too_many_decimals", Quoted(text) + " has more than 4 decimals");
  } else if (code == "out_of_range") {
    AddError(column, "out_of_range", Quoted(text) + " is too large");
  } else {
    AddError(column, "invalid_money", Quoted(text) + " is not a decimal amount");
  }
  return std::nullopt;
}

std::optional<int64_t> RowFields::Whole(std::string_view column, std::optional<int64_t> fallback) {
  const std::string& text = Text(column);
  if (text.empty()) {
    if (!fallback) AddError(column, "required", "a value is required");
    return fallback;
  }
  Result<int64_t> number = ParseWholeAmount(text);
  if (number.ok()) return *number;
  const std::string_view code = FirstCode(number.status());
  if (code == "not_whole_units") {
    AddError(column, "not_whole_units", Quoted(text) + " is not a whole number");
  } else if (code == "out_of_range") {
    AddError(column, "out_of_range", Quoted(text) + " is out of range");
  } else {
    AddError(column, "invalid_number", Quoted(text) + " is not a number");
  }
  return std::nullopt;
}

std::optional<bool> RowFields::Flag(std::string_view column, bool fallback) {
  const std::string& text = Text(column);
  if (text.empty()) return fallback;
  for (std::string_view yes : {"true", "yes", "1"}) {
    if (EqualsIgnoringCase(text, yes)) return true;
  }
  for (std::string_view no : {"false", "no", "0"}) {
    if (EqualsIgnoringCase(text, no)) return false;
  }
  AddError(column, "invalid_boolean", Quoted(text) + " is not true/false, yes/no or 1/0");
  return std::nullopt;
}

std::optional<std::vector<PackSize>> RowFields::Packs(std::string_view column) {
  const std::string& text = Text(column);
  std::vector<PackSize> packs;
  std::string_view rest = text;
  while (!rest.empty()) {
    const size_t semicolon = rest.find(';');
    const std::string_view entry = TrimBlanks(rest.substr(0, semicolon));
    rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
    if (entry.empty()) continue;
    // UOM=QUANTITY, then ":GTIN" when the pack has a bar code of its own.
    const size_t equals = entry.find('=');
    const size_t colon = entry.find(':', equals == std::string_view::npos ? 0 : equals);
    const std::string_view amount =
        equals == std::string_view::npos
            ? std::string_view()
            : TrimBlanks(entry.substr(equals + 1, colon == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : colon - equals - 1));
    Result<int64_t> quantity = equals == std::string_view::npos
                                   ? Result<int64_t>(Status::InvalidArgument("no '='"))
                                   : ParseWholeAmount(amount);
    if (!quantity.ok()) {
      AddError(
          column, "invalid_pack_sizes",
          Quoted(entry) +
              " is not UOM=QUANTITY or UOM=QUANTITY:GTIN (as in \"CS=12;PL=480:10012345678902\")");
      return std::nullopt;
    }
    PackSize pack{std::string(TrimBlanks(entry.substr(0, equals))), *quantity};
    // The GTIN's digits are checked with the item (catalog::ValidateNewItem).
    if (colon != std::string_view::npos)
      pack.gtin = std::string(TrimBlanks(entry.substr(colon + 1)));
    packs.push_back(std::move(pack));
  }
  return packs;
}

}  // namespace ordo::csvio
