#include "requests/return_request_json.h"

#include <set>

#include "core/field_path.h"
#include "core/text_check.h"
#include "jsonio/field_reader.h"
#include "returns/rma.h"

namespace ordo::requests {
namespace {

using nlohmann::json;

// A document reference: a positive integer id or a non-empty number; "" when absent or bad.
std::string ReadReference(jsonio::FieldReader& r, const json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return "";
  if (it->is_number_integer() && it->get<int64_t>() > 0) return std::to_string(it->get<int64_t>());
  if (it->is_string() && !it->get<std::string>().empty()) {
    if (auto problem = CheckText(it->get<std::string>(), text_limits::kDocumentRef, key)) {
      r.Fail(problem->field, problem->code, problem->message);
      return "";
    }
    return it->get<std::string>();
  }
  r.Fail(key, "invalid_type", std::string(key) + " is an id or a number");
  return "";
}

}  // namespace

Result<flows::ReturnRequest> ParseReturnRequestJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(doc, {"order", "invoice", "lines"}, "");
  flows::ReturnRequest req;
  req.order = ReadReference(r, doc, "order");
  req.invoice = ReadReference(r, doc, "invoice");
  bool has_order = jsonio::FieldReader::Has(doc, "order");
  bool has_invoice = jsonio::FieldReader::Has(doc, "invoice");
  if (!has_order && !has_invoice) {
    r.Fail("order", "required", "an order or an invoice is required");
  } else if (has_order && has_invoice) {
    r.Fail("invoice", "exclusive", "give an order or an invoice, not both");
  }
  if (const json* lines = r.Array(doc, "lines", "lines", true)) {
    if (lines->empty()) r.Fail("lines", "required", "at least one line is required");
    std::set<int64_t> seen;
    for (size_t i = 0; i < lines->size(); ++i) {
      const json& l = (*lines)[i];
      const std::string at = ElementPath("lines", i);
      flows::ReturnRequestLine line;
      if (!l.is_object()) {
        r.Fail(at, "invalid_type", "a line must be an object");
        continue;
      }
      r.OnlyKnown(l, {"line_no", "quantity", "reason"}, at);
      const std::string line_no_at = FieldPath(at, "line_no");
      const std::string quantity_at = FieldPath(at, "quantity");
      const std::string reason_at = FieldPath(at, "reason");
      if (auto n = r.Integer(l, "line_no", line_no_at, true)) {
        if (*n < 1 || *n > 100000) {
          r.Fail(line_no_at, "out_of_range", "line_no is a line number of the order");
        } else if (!seen.insert(*n).second) {
          r.Fail(line_no_at, "duplicate", "line " + std::to_string(*n) + " is listed twice");
        } else {
          line.line_no = static_cast<int>(*n);
        }
      }
      if (auto q = r.Integer(l, "quantity", quantity_at, true)) {
        if (*q <= 0) {
          r.Fail(quantity_at, "out_of_range", "quantity must be positive");
        } else {
          line.quantity = *q;
        }
      }
      line.reason = r.String(l, "reason", reason_at, true);
      if (l.contains("reason") && l["reason"].is_string() && !returns::IsReasonCode(line.reason)) {
        r.Fail(reason_at, "invalid_value",
               "reason is one of damaged, wrong_item, not_needed, defective, other");
      }
      req.lines.push_back(std::move(line));
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the return has invalid fields", std::move(errors));
  }
  return req;
}

Result<flows::ReturnReceiptRequest> ParseReturnReceiptJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(doc, {"warehouse", "lines"}, "");
  flows::ReturnReceiptRequest req;
  req.warehouse = r.String(doc, "warehouse", "warehouse", text_limits::kWarehouseCode, true);
  if (doc.contains("warehouse") && doc["warehouse"].is_string() && req.warehouse.empty()) {
    r.Fail("warehouse", "required", "warehouse must not be empty");
  }
  if (const json* lines = r.Array(doc, "lines", "lines", true)) {
    if (lines->empty()) r.Fail("lines", "required", "at least one line is required");
    for (size_t i = 0; i < lines->size(); ++i) {
      const json& l = (*lines)[i];
      const std::string at = ElementPath("lines", i);
      if (!l.is_object()) {
        r.Fail(at, "invalid_type", "a line must be an object");
        continue;
      }
      r.OnlyKnown(l, {"line_no", "quantity", "disposition"}, at);
      const std::string line_no_at = FieldPath(at, "line_no");
      const std::string quantity_at = FieldPath(at, "quantity");
      const std::string disposition_at = FieldPath(at, "disposition");
      flows::ReceivedLine line;
      if (auto n = r.Integer(l, "line_no", line_no_at, true)) {
        if (*n < 1 || *n > 100000) {
          r.Fail(line_no_at, "out_of_range", "line_no is a line number of the return");
        } else {
          line.line_no = static_cast<int>(*n);
        }
      }
      if (auto q = r.Integer(l, "quantity", quantity_at, true)) {
        if (*q <= 0) {
          r.Fail(quantity_at, "out_of_range", "quantity must be positive");
        } else {
          line.quantity = *q;
        }
      }
      std::string disposition = r.String(l, "disposition", disposition_at, true);
      if (l.contains("disposition") && l["disposition"].is_string()) {
        auto d = returns::DispositionFromName(disposition);
        if (!d) {
          r.Fail(disposition_at, "invalid_value", "disposition is restock or scrap");
        } else {
          line.disposition = *d;
        }
      }
      req.lines.push_back(line);
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the receipt has invalid fields", std::move(errors));
  }
  return req;
}

}  // namespace ordo::requests
