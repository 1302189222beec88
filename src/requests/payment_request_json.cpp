#include "requests/payment_request_json.h"

#include <set>

#include "core/field_path.h"
#include "core/text_check.h"
#include "jsonio/field_reader.h"
#include "receivables/payment.h"

namespace ordo::requests {
namespace {

using flows::ApplicationRequest;
using nlohmann::json;

// An amount in whole cents that is not negative (positive when `positive`).
std::optional<Money> ReadCents(jsonio::FieldReader& r, const json& obj, const char* key,
                               const std::string& path, bool required, bool positive) {
  auto m = r.Amount(obj, key, path, required);
  if (!m) return std::nullopt;
  if (m->is_negative() || (positive && m->is_zero()) || !m->IsExactAt(2)) {
    r.Fail(path, "out_of_range",
           std::string(key) + (positive ? " is above 0" : " is 0 or more") + ", in whole cents");
    return std::nullopt;
  }
  return m;
}

std::vector<ApplicationRequest> ReadApplications(jsonio::FieldReader& r, const json& doc,
                                                 bool required) {
  std::vector<ApplicationRequest> out;
  const json* apps = r.Array(doc, "applications", "applications", required);
  if (!apps) return out;
  std::set<std::string> seen;
  for (size_t i = 0; i < apps->size(); ++i) {
    const json& a = (*apps)[i];
    const std::string at = ElementPath("applications", i);
    if (!a.is_object()) {
      r.Fail(at, "invalid_type", "an application is an object");
      continue;
    }
    r.OnlyKnown(a, {"invoice", "amount", "discount"}, at);
    const std::string invoice_at = FieldPath(at, "invoice");
    ApplicationRequest app;
    auto invoice = a.find("invoice");
    if (invoice == a.end() || invoice->is_null()) {
      r.Fail(invoice_at, "required", "invoice is required");
    } else if (invoice->is_number_integer() && invoice->get<int64_t>() > 0) {
      app.invoice = std::to_string(invoice->get<int64_t>());
    } else if (invoice->is_string() && !invoice->get<std::string>().empty()) {
      if (auto problem =
              CheckText(invoice->get<std::string>(), text_limits::kDocumentRef, invoice_at)) {
        r.Fail(problem->field, problem->code, problem->message);
      } else {
        app.invoice = invoice->get<std::string>();
      }
    } else {
      r.Fail(invoice_at, "invalid_type", "invoice is an invoice id or number");
    }
    app.amount = ReadCents(r, a, "amount", FieldPath(at, "amount"), true, false).value_or(Money());
    app.discount =
        ReadCents(r, a, "discount", FieldPath(at, "discount"), false, false).value_or(Money());
    if (!app.invoice.empty() && !seen.insert(app.invoice).second) {
      r.Fail(invoice_at, "duplicate", "invoice " + app.invoice + " is given twice");
    }
    out.push_back(std::move(app));
  }
  return out;
}

}  // namespace

Result<flows::PaymentRequest> ParsePaymentJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(doc, {"customer", "amount", "method", "reference", "received_date", "applications"},
              "");
  flows::PaymentRequest p;
  auto customer = doc.find("customer");
  if (customer == doc.end() || customer->is_null()) {
    r.Fail("customer", "required", "customer is required");
  } else if (customer->is_number_integer() && customer->get<int64_t>() > 0) {
    p.customer = std::to_string(customer->get<int64_t>());
  } else if (customer->is_string() && !customer->get<std::string>().empty()) {
    if (auto problem =
            CheckText(customer->get<std::string>(), text_limits::kCustomerCode, "customer")) {
      r.Fail(problem->field, problem->code, problem->message);
    } else {
      p.customer = customer->get<std::string>();
    }
  } else {
    r.Fail("customer", "invalid_type", "customer is a customer code or id");
  }
  p.amount = ReadCents(r, doc, "amount", "amount", true, true).value_or(Money());
  p.method = r.String(doc, "method", "method", true);
  if (doc.contains("method") && doc["method"].is_string() &&
      !receivables::IsPaymentMethod(p.method)) {
    r.Fail("method", "invalid_value", "method is one of check, ach, wire, card");
  }
  p.reference = r.String(doc, "reference", "reference", text_limits::kReference, false);
  if (auto text = r.OptionalString(doc, "received_date", "received_date")) {
    p.received_date = ParseDate(*text);
    if (!p.received_date) {
      r.Fail("received_date", "invalid_value", "received_date is a date (YYYY-MM-DD)");
    }
  }
  p.applications = ReadApplications(r, doc, false);
  if (!errors.empty()) return Status::InvalidArgument("invalid payment", std::move(errors));
  return p;
}

Result<std::vector<ApplicationRequest>> ParseApplicationsJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*parsed, {"applications"}, "");
  auto apps = ReadApplications(r, *parsed, true);
  if (parsed->contains("applications") && (*parsed)["applications"].is_array() && apps.empty()) {
    r.Fail("applications", "required", "at least one application is required");
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid applications", std::move(errors));
  return apps;
}

}  // namespace ordo::requests
