#include "requests/quote_request_json.h"

#include "core/text_check.h"
#include "jsonio/field_reader.h"
#include "quotes/quote.h"
#include "requests/order_request_json.h"

namespace ordo::requests {

using nlohmann::json;

Result<flows::SalesQuoteRequest> ParseQuoteJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  json doc = std::move(parsed).value();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  flows::SalesQuoteRequest q;
  if (auto it = doc.find("expires_on"); it != doc.end() && !it->is_null()) {
    q.expires_on = r.String(doc, "expires_on", "expires_on", true);
  }
  q.notes = r.String(doc, "notes", "notes", quotes::kNotes, false);
  for (const char* order_only :
       {"po_number", "channel", "requested_date", "allow_partial_shipment"}) {
    if (jsonio::FieldReader::Has(doc, order_only)) {
      r.Fail(order_only, "unknown_field",
             std::string("a quote has no ") + order_only + "; it is given when it is accepted");
      doc.erase(order_only);
    }
  }
  doc.erase("expires_on");
  doc.erase("notes");
  q.order = ReadPlaceOrderJson(doc, "api", errors);
  if (!errors.empty()) {
    return Status::InvalidArgument("the quote has invalid fields", std::move(errors));
  }
  return q;
}

Result<flows::AcceptQuoteRequest> ParseAcceptQuoteJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body.empty() ? std::string_view("{}") : body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(doc, {"po_number", "requested_date", "channel"}, "");
  flows::AcceptQuoteRequest a;
  a.po_number = r.String(doc, "po_number", "po_number", text_limits::kPoNumber, false);
  // Read as an order's body reads it; PrepareOrder judges it as for any order placed.
  if (auto channel = r.OptionalString(doc, "channel", "channel")) a.channel = *channel;
  if (auto it = doc.find("requested_date"); it != doc.end() && !it->is_null()) {
    a.requested_date = r.String(doc, "requested_date", "requested_date", true);
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid request body", std::move(errors));
  return a;
}

}  // namespace ordo::requests
