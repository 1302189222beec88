#include "api/quote_routes.h"

#include <array>
#include <exception>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/customer_filter.h"
#include "api/customer_scope.h"
#include "api/failure_log.h"
#include "api/pagination.h"
#include "api/pdf_response.h"
#include "api/portal_operations.h"
#include "api/preconditions.h"
#include "api/price_override_check.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "auth/permissions.h"
#include "core/field_path.h"
#include "flows/quote_commands.h"
#include "flows/quote_document.h"
#include "jsonio/field_reader.h"
#include "jsonio/json_writer.h"
#include "quotes/quote_json.h"
#include "quotes/quote_repository.h"
#include "requests/quote_request_json.h"
#include "store/command_executor.h"

namespace ordo::api {
namespace {

constexpr std::array<std::string_view, 4> kListParameters = {"customer", "status", "limit",
                                                             "cursor"};

http::Response QuoteResponse(int status, const flows::QuoteDocument& d, Date today, bool staff) {
  http::Response r;
  r.status = status;
  r.body = quotes::QuoteJson(d.quote, d.shown, d.versions, today, staff);
  r.SetHeader("Content-Type", "application/json");
  SetVersionTag(r, d.quote.current_version);
  return r;
}

// A quote the caller may see: a portal user's own customer's only; any other is not found.
Result<flows::QuoteDocument> LoadFor(store::Connection& conn, const std::string& ref,
                                     const auth::Principal& who,
                                     std::optional<int> version = std::nullopt) {
  auto d = flows::LoadQuote(conn, ref, version);
  if (!d.ok()) return d.status();
  if (!MaySeeCustomer(who, CustomerId(d->quote.customer_id))) {
    return Status::NotFound("no quote " + ref);
  }
  return d;
}

// Parses, checks and prepares (validates and prices on a read connection) a quote body.
Result<std::pair<flows::SalesQuoteRequest, flows::PreparedOrder>> Prepare(
    ApiContext& ctx, const http::Request& request, const auth::Principal& who, bool& threw) {
  auto parsed = requests::ParseQuoteJson(request.body);
  if (!parsed.ok()) return parsed.status();
  if (Status st = CheckPriceOverrides(who, parsed->order); !st.ok()) return st;
  try {
    auto conn = ctx.readers.Borrow();
    auto prepared = flows::PrepareQuote(*conn, *parsed, ctx.order_limits, DateOf(ctx.clock.Now()));
    if (!prepared.ok()) return prepared.status();
    return std::pair{std::move(parsed).value(), std::move(prepared).value()};
  } catch (const OverflowError&) {
    return store::StatusOfException(std::current_exception());
  } catch (...) {
    threw = true;
    return store::StatusOfException(std::current_exception());
  }
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "quotes.write");
  if (!who) return;
  bool threw = false;
  auto ready = Prepare(ctx, request, *who, threw);
  if (!ready.ok()) return respond(FailureResponse(ctx, request, ready.status(), threw));
  RunWrite(
      ctx, request, *who,
      [r = std::move(ready->first), p = std::move(ready->second)](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        auto d = flows::CreateQuote(conn, cc, r, p);
        if (!d.ok()) return d.status();
        http::Response response = QuoteResponse(201, *d, DateOf(cc.now), true);
        response.SetHeader("Location", "/api/v1/quotes/" + d->quote.number);
        return response;
      },
      std::move(respond));
}

void Revise(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "quotes.write");
  if (!who) return;
  Result<std::optional<int64_t>> expected = IfMatchVersion(request);
  if (!expected.ok()) return respond(ProblemFor(expected.status()));
  bool threw = false;
  auto ready = Prepare(ctx, request, *who, threw);
  if (!ready.ok()) return respond(FailureResponse(ctx, request, ready.status(), threw));
  RunWrite(
      ctx, request, *who,
      [ref = std::string(*request.PathParam("ref")), r = std::move(ready->first),
       p = std::move(ready->second), expected = *expected](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        auto d = flows::ReviseQuote(conn, cc, ref, r, p, expected);
        if (!d.ok()) return d.status();
        return QuoteResponse(200, *d, DateOf(cc.now), true);
      },
      std::move(respond));
}

// An expired quote's refusal has its own code, so that a client can say so (and offer to
// revise it) without reading messages.
http::Response ExpiredProblem(const Status& st) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : st.errors()) {
    errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
  }
  return http::Response::Problem(409, "quote_expired", "Conflict", st.message(), errors);
}

void Accept(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "quotes.write");
  if (!who) return;
  auto body = requests::ParseAcceptQuoteJson(request.body);
  if (!body.ok()) return respond(ProblemFor(body.status()));
  RunWrite(
      ctx, request, *who,
      [ref = std::string(*request.PathParam("ref")), a = std::move(body).value(),
       limits = ctx.order_limits](store::Connection& conn,
                                  const CommandContext& cc) -> Result<http::Response> {
        auto accepted = flows::AcceptQuote(conn, cc, ref, a, limits);
        if (!accepted.ok()) {
          // Answered, not failed: nothing was written, and a retry with the same key is
          // answered the same.
          if (quotes::IsExpiredProblem(accepted.status())) {
            return ExpiredProblem(accepted.status());
          }
          return accepted.status();
        }
        http::Response response = QuoteResponse(201, accepted->quote, DateOf(cc.now), true);
        response.SetHeader("Location",
                           "/api/v1/orders/" + std::to_string(accepted->order.order.id.value()));
        return response;
      },
      std::move(respond));
}

Result<std::string> ParseReason(const std::string& body) {
  Result<nlohmann::json> doc =
      jsonio::ParseJsonObject(body.empty() ? std::string_view("{}") : body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"reason"}, "");
  std::string reason = r.String(*doc, "reason", "reason", quotes::kCancelReason, true);
  if (!errors.empty()) return Status::InvalidArgument("invalid request body", std::move(errors));
  return reason;
}

void Cancel(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "quotes.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, ParseReason,
      [ref = std::string(*request.PathParam("ref"))](
          store::Connection& conn, const CommandContext& cc, const std::string& reason,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto d = flows::CancelQuote(conn, cc, ref, reason, expected);
        if (!d.ok()) return d.status();
        return QuoteResponse(200, *d, DateOf(cc.now), true);
      },
      std::move(respond));
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "quotes.read");
  if (!who) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  std::vector<FieldError> errors;
  CheckListParameters(request, kListParameters, errors);
  const Date today = DateOf(ctx.clock.Now());
  quotes::QuoteFilter filter;
  filter.today = today;
  filter.status = QueryEnum(request, "status", quotes::StatusFromName,
                            "open, expired, accepted, cancelled", errors);
  if (!errors.empty()) {
    return respond(
        ProblemFor(Status::InvalidArgument("invalid quote list parameters", std::move(errors))));
  }
  auto conn = ctx.readers.Borrow();
  CustomerFilter customer = ResolveCustomerFilter(*conn, request, *who);
  std::vector<quotes::QuoteSummary> rows;
  if (!customer.matches_nothing) {
    if (customer.customer) filter.customer_id = customer.customer->value();
    rows = quotes::ListQuotes(*conn, filter, page->after, page->limit + 1);
  }
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  jsonio::JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const auto& s : rows) w.Raw(quotes::QuoteSummaryJson(s.quote, s.total, today));
  w.EndArray().Key("next_cursor");
  if (next) {
    w.String(EncodeCursor(*next));
  } else {
    w.Null();
  }
  w.EndObject();
  http::Response r;
  r.status = 200;
  r.body = w.Take();
  r.SetHeader("Content-Type", "application/json");
  respond(std::move(r));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "quotes.read");
  if (!who) return;
  std::optional<int> version;
  if (auto n = request.PathParam("n")) {
    int value = 0;
    for (char c : *n) {
      if (c < '0' || c > '9' || value > 100'000)
        return respond(ProblemFor(Status::NotFound("no version " + std::string(*n))));
      value = value * 10 + (c - '0');
    }
    version = value;
  }
  auto d = [&] {
    auto conn = ctx.readers.Borrow();
    return LoadFor(*conn, std::string(*request.PathParam("ref")), *who, version);
  }();
  if (!d.ok()) return respond(ProblemFor(d.status()));
  respond(QuoteResponse(200, *d, DateOf(ctx.clock.Now()), !who->customer_id));
}

void ShowPdf(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "quotes.read");
  if (!who) return;
  auto document = [&]() -> Result<documents::PrintedDocument> {
    auto conn = ctx.readers.Borrow();
    auto d = LoadFor(*conn, std::string(*request.PathParam("ref")), *who);
    if (!d.ok()) return d.status();
    return flows::LoadQuoteDocument(*conn, *d, DateOf(ctx.clock.Now()));
  }();
  if (!document.ok()) return respond(ProblemFor(document.status()));
  respond(PdfResponse(*document));
}

}  // namespace

void AddQuoteRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/quotes",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/quotes",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/quotes/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/quotes/{ref}/versions/{n}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/quotes/{ref}.pdf",
                 [&ctx](http::Request& q, http::Responder r) { ShowPdf(ctx, q, std::move(r)); });
  router.Add("PUT", "/api/v1/quotes/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Revise(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/quotes/{ref}/accept",
             [&ctx](http::Request& q, http::Responder r) { Accept(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/quotes/{ref}/cancel",
             [&ctx](http::Request& q, http::Responder r) { Cancel(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
