// The printed statement of a statement built in memory: its PDF's text against the golden file
// (exact), and the unapplied cash and open credits printed only when there are any.
#include "flows/statement_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "documents/golden.h"
#include "documents/pdf_renderer.h"
#include "support/pdf_text.h"

namespace ordo::flows {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Money M(std::string_view text) {
  return Money::Parse(text).value();
}

receivables::StatementLine Line(const char* date, const char* kind, const char* reference,
                                const char* memo, const char* charge, const char* credit,
                                const char* balance) {
  return {*ParseDate(date), kind, reference, memo, M(charge), M(credit), M(balance)};
}

// C-1001's November: an invoice, a payment that took its early-pay discount, a credit memo.
StatementDocumentSource Source() {
  StatementDocumentSource src;
  src.customer.id = CustomerId(3);
  src.customer.code = "C-1001";
  src.customer.name = "Acme Hardware Supply";
  src.customer.bill_to = {"PO Box 77", "Albany", "NY", "12201", "US"};
  src.customer.payment_terms = "2/10NET30";
  receivables::Statement& s = src.statement;
  s.customer = src.customer.id;
  s.from = *ParseDate("2026-11-01");
  s.to = *ParseDate("2026-11-30");
  s.opening_balance = M("120.00");
  s.lines = {
      Line("2026-11-03", "invoice", "IN-000007", "IN-000007 for SO-000017", "250.00", "0",
           "370.00"),
      Line("2026-11-10", "payment", "PM-000004", "check CHK 10442", "0", "115.60", "254.40"),
      Line("2026-11-10", "payment_discount", "IN-000005", "early-pay discount with PM-000004", "0",
           "2.40", "252.00"),
      Line("2026-11-21", "credit_memo", "CM-000003", "RA-000002 for SO-000017", "0", "28.16",
           "223.84"),
  };
  s.closing_balance = M("223.84");
  src.aging.as_of = s.to;
  src.aging.totals.current = M("221.84");
  src.aging.totals.d1_30 = M("30.16");
  src.aging.open_credits = M("28.16");
  return src;
}

std::string Text(const StatementDocumentSource& src) {
  return test_support::ExtractPdfText(documents::RenderPdf(StatementDocument(src)));
}

TEST(StatementDocument, MatchesTheGoldenText) {
  test_support::ExpectMatchesGolden("statement.txt", Text(Source()));
}

TEST(StatementDocument, UnappliedCashAndOpenCreditsOnlyWhenThereAreAny) {
  StatementDocumentSource src = Source();
  src.aging.open_credits = Money();
  EXPECT_THAT(Text(src), Not(HasSubstr("Open credits |")));
  EXPECT_THAT(Text(src), Not(HasSubstr("Unapplied payments |")));
  src.aging.unapplied = M("4.00");
  EXPECT_THAT(Text(src), HasSubstr("Unapplied payments | 4.00"));
}

}  // namespace
}  // namespace ordo::flows
