#include "quotes/quote_repository.h"

#include "store/query.h"
#include "store/sequences.h"

namespace ordo::quotes {
namespace {

constexpr const char* kQuoteColumns =
    "id, number, customer_id, customer_code, ship_to_id, ship_to_code, status, expires_on, "
    "current_version, currency, created_by, created_at, updated_at, order_id, order_number, "
    "accepted_at, cancel_reason";

QuoteStatus StoredStatus(const std::string& name) {
  auto s = StatusFromName(name);
  return s ? *s : QuoteStatus::kOpen;
}

Quote ReadQuote(const store::Query& q, int c = 0) {
  Quote out;
  out.id = q.Int(c);
  out.number = q.Text(c + 1);
  out.customer_id = q.Int(c + 2);
  out.customer_code = q.Text(c + 3);
  out.ship_to_id = q.Int(c + 4);
  out.ship_to_code = q.Text(c + 5);
  out.status = StoredStatus(q.Text(c + 6));
  out.expires_on = q.OptDate(c + 7).value_or(Date{});
  out.current_version = static_cast<int>(q.Int(c + 8));
  out.currency = q.Text(c + 9);
  out.created_by = q.Text(c + 10);
  out.created_at = q.Time(c + 11);
  out.updated_at = q.Time(c + 12);
  out.order_id = q.OptInt(c + 13);
  out.order_number = q.OptText(c + 14);
  if (!q.IsNull(c + 15)) out.accepted_at = q.Time(c + 15);
  out.cancel_reason = q.OptText(c + 16);
  return out;
}

QuoteVersion ReadVersion(const store::Query& q) {
  QuoteVersion v;
  v.id = q.Int(0);
  v.version = static_cast<int>(q.Int(1));
  v.priced_on = q.OptDate(2).value_or(Date{});
  v.subtotal = q.Amount(3);
  v.tax = q.Amount(4);
  v.tax_exemption = q.OptText(5);
  v.notes = q.Text(6);
  v.created_by = q.Text(7);
  v.created_at = q.Time(8);
  return v;
}

constexpr const char* kVersionColumns =
    "SELECT id, version, priced_on, subtotal, tax, tax_exemption, notes, created_by, created_at "
    "FROM quote_versions ";

}  // namespace

std::string NextQuoteNumber(store::Connection& conn) {
  return store::NextDocumentNumber(conn, "Q");
}

void InsertQuote(store::Connection& conn, Quote& q) {
  store::Query ins(conn,
                   "INSERT INTO quotes (number, customer_id, customer_code, ship_to_id, "
                   "ship_to_code, status, expires_on, current_version, currency, created_by, "
                   "created_at, updated_at, order_id, order_number, accepted_at, cancel_reason) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   q.number, q.customer_id, q.customer_code, q.ship_to_id, q.ship_to_code,
                   StatusName(q.status), q.expires_on, q.current_version, q.currency, q.created_by,
                   q.created_at, q.updated_at, q.order_id, q.order_number, q.accepted_at,
                   q.cancel_reason);
  ins.Next();
  q.id = ins.Int(0);
}

void UpdateQuote(store::Connection& conn, const Quote& q) {
  store::Exec(conn,
              "UPDATE quotes SET ship_to_id = ?, ship_to_code = ?, status = ?, expires_on = ?, "
              "current_version = ?, updated_at = ?, order_id = ?, order_number = ?, "
              "accepted_at = ?, cancel_reason = ? WHERE id = ?",
              q.ship_to_id, q.ship_to_code, StatusName(q.status), q.expires_on, q.current_version,
              q.updated_at, q.order_id, q.order_number, q.accepted_at, q.cancel_reason, q.id);
}

void InsertVersion(store::Connection& conn, int64_t quote_id, QuoteVersion& v) {
  {
    store::Query ins(conn,
                     "INSERT INTO quote_versions (quote_id, version, priced_on, subtotal, tax, "
                     "tax_exemption, notes, created_by, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     quote_id, v.version, v.priced_on, v.subtotal, v.tax, v.tax_exemption, v.notes,
                     v.created_by, v.created_at);
    ins.Next();
    v.id = ins.Int(0);
  }
  for (const QuoteLine& l : v.lines) {
    store::Exec(conn,
                "INSERT INTO quote_lines (quote_version_id, line_no, item_id, sku, "
                "entered_quantity, entered_uom, quantity, unit_price, price_source, "
                "price_explanation, override_reason, extended_amount, tax_rate_ppm, tax_amount, "
                "unit_cost, customer_part_number, configuration) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.id, l.line_no, l.item_id, l.sku, l.entered_quantity, l.entered_uom, l.quantity,
                l.unit_price, l.price_source, l.price_explanation, l.override_reason,
                l.extended_amount, l.tax_rate_ppm, l.tax_amount, l.unit_cost,
                l.customer_part_number, l.configuration);
  }
}

std::optional<Quote> FindQuote(store::Connection& conn, const std::string& number) {
  store::Query q(conn, std::string("SELECT ") + kQuoteColumns + " FROM quotes WHERE number = ?",
                 number);
  if (!q.Next()) return std::nullopt;
  return ReadQuote(q);
}

std::optional<QuoteVersion> LoadVersion(store::Connection& conn, int64_t quote_id, int version) {
  std::optional<QuoteVersion> v;
  {
    store::Query q(conn, std::string(kVersionColumns) + "WHERE quote_id = ? AND version = ?",
                   quote_id, version);
    if (!q.Next()) return std::nullopt;
    v = ReadVersion(q);
  }
  store::Query q(conn,
                 "SELECT line_no, item_id, sku, entered_quantity, entered_uom, quantity, "
                 "unit_price, price_source, price_explanation, override_reason, extended_amount, "
                 "tax_rate_ppm, tax_amount, unit_cost, customer_part_number, configuration "
                 "FROM quote_lines WHERE quote_version_id = ? "
                 "ORDER BY line_no",
                 v->id);
  while (q.Next()) {
    QuoteLine l;
    l.line_no = static_cast<int>(q.Int(0));
    l.item_id = q.Int(1);
    l.sku = q.Text(2);
    l.entered_quantity = q.Int(3);
    l.entered_uom = q.Text(4);
    l.quantity = q.Int(5);
    l.unit_price = q.Amount(6);
    l.price_source = q.Text(7);
    l.price_explanation = q.Text(8);
    l.override_reason = q.OptText(9);
    l.extended_amount = q.Amount(10);
    l.tax_rate_ppm = q.Int(11);
    l.tax_amount = q.Amount(12);
    l.unit_cost = q.Amount(13);
    l.customer_part_number = q.OptText(14);
    l.configuration = q.OptText(15);
    v->lines.push_back(std::move(l));
  }
  return v;
}

std::vector<QuoteVersion> ListVersions(store::Connection& conn, int64_t quote_id) {
  std::vector<QuoteVersion> out;
  store::Query q(conn, std::string(kVersionColumns) + "WHERE quote_id = ? ORDER BY version",
                 quote_id);
  while (q.Next()) out.push_back(ReadVersion(q));
  return out;
}

std::vector<QuoteSummary> ListQuotes(store::Connection& conn, const QuoteFilter& filter,
                                     std::optional<int64_t> before, int limit) {
  // The stored status and, for open and expired, the expiry against today.
  std::optional<std::string> stored;
  std::optional<Date> expired_before, valid_from;
  if (filter.status) {
    switch (*filter.status) {
      case QuoteStatus::kExpired:
        stored = "open";
        expired_before = filter.today;
        break;
      case QuoteStatus::kOpen:
        stored = "open";
        valid_from = filter.today;
        break;
      default:
        stored = std::string(StatusName(*filter.status));
    }
  }
  std::string sql =
      "SELECT q.id, q.number, q.customer_id, q.customer_code, q.ship_to_id, "
      "q.ship_to_code, q.status, q.expires_on, q.current_version, q.currency, "
      "q.created_by, q.created_at, q.updated_at, q.order_id, q.order_number, "
      "q.accepted_at, q.cancel_reason, v.subtotal + v.tax "
      "FROM quotes q JOIN quote_versions v "
      "ON v.quote_id = q.id AND v.version = q.current_version "
      "WHERE (? IS NULL OR q.customer_id = ?) AND (? IS NULL OR q.status = ?) "
      "AND (? IS NULL OR q.expires_on < ?) AND (? IS NULL OR q.expires_on >= ?) "
      "AND (? IS NULL OR q.id < ?) ORDER BY q.id DESC LIMIT ?";
  store::Query q(conn, sql, filter.customer_id, filter.customer_id, stored, stored, expired_before,
                 expired_before, valid_from, valid_from, before, before, limit);
  std::vector<QuoteSummary> out;
  while (q.Next()) {
    QuoteSummary s;
    s.quote = ReadQuote(q);
    s.id = s.quote.id;
    s.total = q.Amount(17);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace ordo::quotes
