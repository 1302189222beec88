#include "flows/quote_commands.h"

#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "core/text_check.h"
#include "core/version_check.h"
#include "events/outbox.h"
#include "flows/reference_version.h"
#include "quotes/quote_json.h"
#include "quotes/quote_repository.h"

namespace ordo::flows {
namespace {

using quotes::Quote;
using quotes::QuoteLine;
using quotes::QuoteVersion;

void CheckNotes(const SalesQuoteRequest& r, std::vector<FieldError>& errors) {
  CheckText(r.notes, quotes::kNotes, "notes", errors);
}

// The prepared order as of today: itself, or prepared again when the reference data or the day
// changed since it was prepared (as PlacePreparedOrder does).
Result<PreparedOrder> Fresh(store::Connection& conn, const SalesQuoteRequest& r,
                            const PreparedOrder& p, Date today) {
  if (ReadReferenceVersion(conn) == p.reference_version && p.date == today) return p;
  return PrepareOrder(conn, r.order, p.limits, today);
}

QuoteVersion VersionOf(const PreparedOrder& p, int number, const SalesQuoteRequest& r,
                       const CommandContext& ctx) {
  QuoteVersion v;
  v.version = number;
  v.priced_on = p.date;
  v.subtotal = p.order.subtotal;
  v.tax = p.order.tax;
  v.tax_exemption = p.order.tax_exemption;
  v.notes = r.notes;
  v.created_by = ctx.actor;
  v.created_at = ctx.now;
  for (const orders::OrderLine& l : p.order.lines) {
    QuoteLine q;
    q.line_no = l.line_no;
    q.item_id = l.item.value();
    q.sku = l.sku;
    q.entered_quantity = l.entered_quantity;
    q.entered_uom = l.entered_uom;
    q.quantity = l.quantity;
    q.unit_price = l.unit_price;
    q.price_source = l.price_source;
    q.price_explanation = l.price_explanation;
    q.override_reason = l.override_reason;
    q.extended_amount = l.extended_amount;
    q.tax_rate_ppm = l.tax_rate_ppm;
    q.tax_amount = l.tax_amount;
    q.unit_cost = l.unit_cost;
    q.customer_part_number = l.customer_part_number;
    q.configuration = l.configuration;
    v.lines.push_back(std::move(q));
  }
  return v;
}

QuoteDocument Document(store::Connection& conn, Quote q, QuoteVersion shown) {
  std::vector<QuoteVersion> versions = quotes::ListVersions(conn, q.id);
  return QuoteDocument{std::move(q), std::move(shown), std::move(versions)};
}

void Record(store::Connection& conn, const CommandContext& ctx, std::string_view action,
            const std::optional<std::string>& before, const QuoteDocument& d) {
  std::string after = quotes::QuoteJson(d.quote, d.shown, d.versions, DateOf(ctx.now), true);
  audit::RecordText(conn, ctx, action, "quote", d.quote.id, before, after);
}

nlohmann::json Summary(const Quote& q, const QuoteVersion& v) {
  return {{"number", q.number},
          {"customer", q.customer_code},
          {"version", v.version},
          {"total", v.total().Format(2)},
          {"expires_on", FormatDate(q.expires_on)}};
}

// The order request of the quote's current version: each line as it was entered (SKU, the
// customer's part number or the configuration's answers; quantity and unit) at its quoted price.
PlaceOrderRequest OrderRequestOf(const Quote& q, const QuoteVersion& v,
                                 const AcceptQuoteRequest& a) {
  PlaceOrderRequest r;
  r.customer = q.customer_code;
  r.ship_to = q.ship_to_code;
  r.po_number = a.po_number;
  r.requested_date = a.requested_date;
  r.channel = a.channel;
  r.currency = q.currency;
  const std::string tag = q.number + "/" + std::to_string(v.version);
  const std::string said = "quote " + q.number + " v" + std::to_string(v.version) + ": ";
  for (const QuoteLine& l : v.lines) {
    PlaceOrderLine line;
    if (l.configuration) {
      nlohmann::json c = nlohmann::json::parse(*l.configuration);
      LineConfigurationRequest config;
      config.configurator = c.at("configurator").get<std::string>();
      for (const auto& [question, value] : c.at("answers").items()) {
        config.answers[question] =
            value.is_null() ? std::nullopt : std::optional(value.get<std::string>());
      }
      line.configuration = std::move(config);
    } else if (l.customer_part_number) {
      line.customer_part_number = l.customer_part_number;
    } else {
      line.sku = l.sku;
    }
    line.quantity = std::to_string(l.entered_quantity);
    line.uom = l.entered_uom;
    line.agreed_price =
        AgreedPrice{l.unit_price, "quote:" + tag, said + l.price_explanation, l.override_reason};
    r.lines.push_back(std::move(line));
  }
  return r;
}

Result<Quote> Find(store::Connection& conn, const std::string& number) {
  auto q = quotes::FindQuote(conn, number);
  if (!q) return Status::NotFound("no quote " + number);
  return *q;
}

}  // namespace

Result<PreparedOrder> PrepareQuote(store::Connection& conn, const SalesQuoteRequest& request,
                                   const OrderLimits& limits, Date today) {
  std::vector<FieldError> errors;
  CheckNotes(request, errors);
  if (request.expires_on) {
    auto expiry = quotes::ExpiryFor(request.expires_on, std::nullopt, today);
    const auto& problems = expiry.status().errors();
    errors.insert(errors.end(), problems.begin(), problems.end());
  }
  auto prepared = PrepareOrder(conn, request.order, limits, today);
  if (!prepared.ok()) {
    if (prepared.status().code() != ErrorCode::kInvalidArgument) return prepared.status();
    const auto& problems = prepared.status().errors();
    errors.insert(errors.end(), problems.begin(), problems.end());
  }
  if (!errors.empty()) return Status::InvalidArgument("the quote has invalid fields", errors);
  return prepared;
}

Result<QuoteDocument> CreateQuote(store::Connection& conn, const CommandContext& ctx,
                                  const SalesQuoteRequest& request, const PreparedOrder& prepared) {
  const Date today = DateOf(ctx.now);
  auto expiry = quotes::ExpiryFor(request.expires_on, std::nullopt, today);
  if (!expiry.ok()) return expiry.status();
  auto p = Fresh(conn, request, prepared, today);
  if (!p.ok()) return p.status();
  Quote q;
  q.number = quotes::NextQuoteNumber(conn);
  q.customer_id = p->order.customer.value();
  q.customer_code = p->order.customer_code;
  q.ship_to_id = p->order.ship_to.value();
  q.ship_to_code = p->order.ship_to_code;
  q.expires_on = *expiry;
  q.current_version = 1;
  q.currency = p->order.currency;
  q.created_by = ctx.actor;
  q.created_at = ctx.now;
  q.updated_at = ctx.now;
  quotes::InsertQuote(conn, q);
  QuoteVersion v = VersionOf(*p, 1, request, ctx);
  quotes::InsertVersion(conn, q.id, v);
  QuoteDocument d = Document(conn, std::move(q), std::move(v));
  Record(conn, ctx, "quote.create", std::nullopt, d);
  events::Publish(conn, ctx, "quote.created", "quote", d.quote.id, Summary(d.quote, d.shown));
  return d;
}

Result<QuoteDocument> ReviseQuote(store::Connection& conn, const CommandContext& ctx,
                                  const std::string& number, const SalesQuoteRequest& request,
                                  const PreparedOrder& prepared, std::optional<int64_t> expected) {
  auto q = Find(conn, number);
  if (!q.ok()) return q.status();
  if (Status st = CheckVersion(expected, q->current_version, "quote", number); !st.ok()) return st;
  if (Status st = quotes::CheckOpen(*q, "revised"); !st.ok()) return st;
  if (request.order.customer != q->customer_code) {
    return Status::InvalidArgument(
        "the quote has invalid fields",
        {{"customer", "invalid_value", "quote " + number + " is for " + q->customer_code}});
  }
  const Date today = DateOf(ctx.now);
  auto expiry = quotes::ExpiryFor(request.expires_on, q->expires_on, today);
  if (!expiry.ok()) return expiry.status();
  auto p = Fresh(conn, request, prepared, today);
  if (!p.ok()) return p.status();
  auto before_version = quotes::LoadVersion(conn, q->id, q->current_version);
  std::string before =
      quotes::QuoteJson(*q, *before_version, quotes::ListVersions(conn, q->id), today, true);
  // The ship-to may change with a revision: it is part of what is priced and taxed.
  q->current_version += 1;
  q->ship_to_id = p->order.ship_to.value();
  q->ship_to_code = p->order.ship_to_code;
  q->expires_on = *expiry;
  q->updated_at = ctx.now;
  quotes::UpdateQuote(conn, *q);
  QuoteVersion v = VersionOf(*p, q->current_version, request, ctx);
  quotes::InsertVersion(conn, q->id, v);
  QuoteDocument d = Document(conn, std::move(*q), std::move(v));
  Record(conn, ctx, "quote.revise", before, d);
  events::Publish(conn, ctx, "quote.revised", "quote", d.quote.id, Summary(d.quote, d.shown));
  return d;
}

Result<AcceptedQuote> AcceptQuote(store::Connection& conn, const CommandContext& ctx,
                                  const std::string& number, const AcceptQuoteRequest& request,
                                  const OrderLimits& limits) {
  auto q = Find(conn, number);
  if (!q.ok()) return q.status();
  const Date today = DateOf(ctx.now);
  if (Status st = quotes::CheckAcceptable(*q, today); !st.ok()) return st;
  auto v = quotes::LoadVersion(conn, q->id, q->current_version);
  if (!v) return Status::Internal("quote " + number + " has no current version");
  PlaceOrderRequest order_request = OrderRequestOf(*q, *v, request);
  auto prepared = PrepareOrder(conn, order_request, limits, today);
  if (!prepared.ok()) return prepared.status();
  auto placed = PlacePreparedOrder(conn, ctx, order_request, *prepared);
  if (!placed.ok()) return placed.status();
  std::string before = quotes::QuoteJson(*q, *v, quotes::ListVersions(conn, q->id), today, true);
  q->status = quotes::QuoteStatus::kAccepted;
  q->order_id = placed->order.id.value();
  q->order_number = placed->order.number;
  q->accepted_at = ctx.now;
  q->updated_at = ctx.now;
  quotes::UpdateQuote(conn, *q);
  QuoteDocument d = Document(conn, std::move(*q), std::move(*v));
  Record(conn, ctx, "quote.accept", before, d);
  nlohmann::json payload = Summary(d.quote, d.shown);
  payload["order"] = placed->order.number;
  events::Publish(conn, ctx, "quote.accepted", "quote", d.quote.id, payload);
  return AcceptedQuote{std::move(d), std::move(placed).value()};
}

Result<QuoteDocument> CancelQuote(store::Connection& conn, const CommandContext& ctx,
                                  const std::string& number, const std::string& reason,
                                  std::optional<int64_t> expected) {
  auto q = Find(conn, number);
  if (!q.ok()) return q.status();
  if (Status st = CheckVersion(expected, q->current_version, "quote", number); !st.ok()) return st;
  if (Status st = quotes::CheckOpen(*q, "cancelled"); !st.ok()) return st;
  auto v = quotes::LoadVersion(conn, q->id, q->current_version);
  if (!v) return Status::Internal("quote " + number + " has no current version");
  const Date today = DateOf(ctx.now);
  std::string before = quotes::QuoteJson(*q, *v, quotes::ListVersions(conn, q->id), today, true);
  q->status = quotes::QuoteStatus::kCancelled;
  q->cancel_reason = reason;
  q->updated_at = ctx.now;
  quotes::UpdateQuote(conn, *q);
  QuoteDocument d = Document(conn, std::move(*q), std::move(*v));
  Record(conn, ctx, "quote.cancel", before, d);
  events::Publish(conn, ctx, "quote.cancelled", "quote", d.quote.id, Summary(d.quote, d.shown));
  return d;
}

Result<QuoteDocument> LoadQuote(store::Connection& conn, const std::string& number,
                                std::optional<int> version) {
  auto q = Find(conn, number);
  if (!q.ok()) return q.status();
  const int wanted = version.value_or(q->current_version);
  auto v = quotes::LoadVersion(conn, q->id, wanted);
  if (!v) return Status::NotFound("quote " + number + " has no version " + std::to_string(wanted));
  return Document(conn, std::move(*q), std::move(*v));
}

}  // namespace ordo::flows
