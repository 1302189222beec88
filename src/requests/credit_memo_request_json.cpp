#include "requests/credit_memo_request_json.h"

#include "core/field_path.h"
#include "core/text_check.h"
#include "invoicing/credit_memo.h"
#include "jsonio/field_reader.h"

namespace ordo::requests {

using nlohmann::json;

Result<std::vector<flows::MemoApplication>> ParseMemoApplicationsJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(doc, {"applications"}, "");
  std::vector<flows::MemoApplication> out;
  if (const json* apps = r.Array(doc, "applications", "applications", true)) {
    if (apps->empty()) r.Fail("applications", "required", "at least one application is required");
    for (size_t i = 0; i < apps->size(); ++i) {
      const json& a = (*apps)[i];
      const std::string at = ElementPath("applications", i);
      if (!a.is_object()) {
        r.Fail(at, "invalid_type", "an application must be an object");
        continue;
      }
      r.OnlyKnown(a, {"invoice", "amount"}, at);
      const std::string invoice_at = FieldPath(at, "invoice");
      const std::string amount_at = FieldPath(at, "amount");
      flows::MemoApplication app;
      auto inv = a.find("invoice");
      if (inv == a.end() || inv->is_null()) {
        r.Fail(invoice_at, "required", "invoice is required");
      } else if (inv->is_number_integer() && inv->get<int64_t>() > 0) {
        app.invoice = std::to_string(inv->get<int64_t>());
      } else if (inv->is_string() && !inv->get<std::string>().empty()) {
        if (auto problem =
                CheckText(inv->get<std::string>(), text_limits::kDocumentRef, invoice_at)) {
          r.Fail(problem->field, problem->code, problem->message);
        } else {
          app.invoice = inv->get<std::string>();
        }
      } else {
        r.Fail(invoice_at, "invalid_type", "invoice is an invoice id or number");
      }
      if (auto amount = r.Amount(a, "amount", amount_at, true)) {
        if (*amount <= Money()) {
          r.Fail(amount_at, "out_of_range", "amount must be positive");
        } else {
          app.amount = *amount;
        }
      }
      out.push_back(std::move(app));
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the applications have invalid fields", std::move(errors));
  }
  return out;
}

Result<flows::MemoRefund> ParseMemoRefundJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(doc, {"amount", "method", "reference"}, "");
  flows::MemoRefund out;
  if (auto amount = r.Amount(doc, "amount", "amount", true)) {
    if (*amount <= Money()) {
      r.Fail("amount", "out_of_range", "amount must be positive");
    } else {
      out.amount = *amount;
    }
  }
  out.method = r.String(doc, "method", "method", true);
  if (doc.contains("method") && doc["method"].is_string() &&
      !invoicing::IsRefundMethod(out.method)) {
    r.Fail("method", "invalid_value", "method is one of check, ach, wire, card");
  }
  out.reference = r.String(doc, "reference", "reference", text_limits::kReference, false);
  if (!errors.empty()) {
    return Status::InvalidArgument("the refund has invalid fields", std::move(errors));
  }
  return out;
}

}  // namespace ordo::requests
