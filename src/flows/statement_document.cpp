#include "flows/statement_document.h"

#include <string>

#include "flows/document_addresses.h"

namespace ordo::flows {

using documents::Align;
using documents::PrintedDocument;

namespace {

// "payment_discount" → "payment discount".
std::string KindText(std::string kind) {
  for (char& c : kind) {
    if (c == '_') c = ' ';
  }
  return kind;
}

}  // namespace

PrintedDocument StatementDocument(const StatementDocumentSource& source) {
  const receivables::Statement& s = source.statement;
  const int digits = kUsd.minor_digits;
  auto money = [digits](Money v) { return v.Format(digits); };
  auto optional_money = [&](Money v) { return v.is_zero() ? std::string() : money(v); };
  PrintedDocument d;
  d.title = "STATEMENT";
  d.number = source.customer.code + "-" + FormatDate(s.to);
  d.header_fields = {{"Statement date", FormatDate(s.to)},
                     {"Period", FormatDate(s.from) + " to " + FormatDate(s.to)},
                     {"Customer", source.customer.code},
                     {"Terms", source.customer.payment_terms}};
  d.addresses = {BillToBlock(source.customer)};

  d.table.columns = {{"Date"},
                     {"Kind"},
                     {"Reference"},
                     {"Memo", Align::kLeft, true},
                     {"Charge", Align::kRight},
                     {"Credit", Align::kRight},
                     {"Balance", Align::kRight}};
  d.table.rows.push_back(
      {FormatDate(s.from), "", "", "Opening balance", "", "", money(s.opening_balance)});
  for (const auto& l : s.lines) {
    d.table.rows.push_back({FormatDate(l.date), KindText(l.kind), l.reference, l.memo,
                            optional_money(l.charge), optional_money(l.credit), money(l.balance)});
  }

  const receivables::AgingBuckets& a = source.aging.totals;
  d.totals = {{"Closing balance USD", money(s.closing_balance), true},
              {"Current", money(a.current)},
              {"1-30 days past due", money(a.d1_30)},
              {"31-60 days past due", money(a.d31_60)},
              {"61-90 days past due", money(a.d61_90)},
              {"Over 90 days past due", money(a.d90_plus)},
              {"Open invoices USD", money(a.total()), true}};
  if (!source.aging.unapplied.is_zero()) {
    d.totals.push_back({"Unapplied payments", money(source.aging.unapplied)});
  }
  if (!source.aging.open_credits.is_zero()) {
    d.totals.push_back({"Open credits", money(source.aging.open_credits)});
  }
  d.footer_lines = {"Please pay the invoices past due, quoting their numbers.",
                    "Payments not yet applied and open credits are applied to invoices on request.",
                    "Amounts in USD."};
  return d;
}

PrintedDocument LoadStatementDocument(store::Connection& conn, const customers::Customer& customer,
                                      Date from, Date to) {
  StatementDocumentSource source;
  source.customer = customer;
  source.statement = receivables::LoadStatement(conn, customer.id, from, to);
  source.aging = receivables::LoadAging(conn, to, customer.id);
  return StatementDocument(source);
}

}  // namespace ordo::flows
