#include "csvio/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ordo::csvio {
namespace {

struct Parsed {
  std::vector<CsvRecord> records;
  std::vector<CsvError> errors;
};

Parsed Read(std::string_view text) {
  Parsed parsed;
  parsed.records = ReadCsv(text, parsed.errors);
  return parsed;
}

std::vector<int> Lines(const Parsed& parsed) {
  std::vector<int> lines;
  for (const CsvRecord& record : parsed.records) lines.push_back(record.line);
  return lines;
}

using Fields = std::vector<std::string>;

TEST(CsvReaderTest, ReadsRecordsWithTheirLines) {
  Parsed p = Read("sku,name\nA-1,Widget\nB-2,Gadget\n");
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(Lines(p), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(p.records[1].fields, (Fields{"A-1", "Widget"}));
}

TEST(CsvReaderTest, FinalLineBreakIsOptional) {
  Parsed p = Read("a,b\nc,d");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[1].fields, (Fields{"c", "d"}));
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  EXPECT_TRUE(Read("").records.empty());
  EXPECT_TRUE(Read("\xEF\xBB\xBF").records.empty());
}

TEST(CsvReaderTest, KeepsEmptyFieldsIncludingATrailingOne) {
  Parsed p = Read("a,,\n,\n");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0].fields, (Fields{"a", "", ""}));
  EXPECT_EQ(p.records[1].fields, (Fields{"", ""}));
}

TEST(CsvReaderTest, QuotedFieldsHoldCommasAndDoubledQuotes) {
  Parsed p = Read("\"Bolt, hex\",\"the \"\"big\"\" one\",\"\",plain\n");
  ASSERT_TRUE(p.errors.empty());
  ASSERT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.records[0].fields, (Fields{"Bolt, hex", "the \"big\" one", "", "plain"}));
}

TEST(CsvReaderTest, NewlinesInsideQuotesKeepLaterLineNumbersRight) {
  Parsed p = Read("sku,name\nA-1,\"two\nlines\"\nB-2,\"three\n\nlines\"\nC-3,x\n");
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(Lines(p), (std::vector<int>{1, 2, 4, 7}));
  EXPECT_EQ(p.records[1].fields[1], "two\nlines");
  EXPECT_EQ(p.records[2].fields[1], "three\n\nlines");
  EXPECT_EQ(p.records[3].fields, (Fields{"C-3", "x"}));
}

TEST(CsvReaderTest, AcceptsCrlfLineBreaks) {
  Parsed p = Read("a,b\r\nc,\"d\r\ne\"\r\nf,g\r\n");
  ASSERT_TRUE(p.errors.empty());
  EXPECT_EQ(Lines(p), (std::vector<int>{1, 2, 4}));
  EXPECT_EQ(p.records[0].fields, (Fields{"a", "b"}));
  EXPECT_EQ(p.records[1].fields, (Fields{"c", "d\r\ne"}));
  EXPECT_EQ(p.records[2].fields, (Fields{"f", "g"}));
}

TEST(CsvReaderTest, AcceptsALoneCarriageReturnAsALineBreak) {
  Parsed p = Read("a\rb\r");
  EXPECT_EQ(Lines(p), (std::vector<int>{1, 2}));
  EXPECT_EQ(p.records[1].fields, (Fields{"b"}));
}

TEST(CsvReaderTest, SkipsAUtf8ByteOrderMark) {
  Parsed p = Read("\xEF\xBB\xBFsku,name\nA,\xC3\xA9t\xC3\xA9\n");
  ASSERT_EQ(p.records.size(), 2u);
  EXPECT_EQ(p.records[0].fields, (Fields{"sku", "name"}));
  EXPECT_EQ(p.records[1].fields[1], "\xC3\xA9t\xC3\xA9");
}

TEST(CsvReaderTest, BlankLineIsOneEmptyField) {
  Parsed p = Read("a\n\nb\n");
  EXPECT_EQ(Lines(p), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(p.records[1].fields, (Fields{""}));
}

TEST(CsvReaderTest, QuoteInAnUnquotedFieldIsAnErrorAtItsPosition) {
  Parsed p = Read("a,b\nc,d\"e,f\ng,h\n");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line, 2);
  EXPECT_EQ(p.errors[0].column, 4);
  EXPECT_EQ(p.errors[0].code, "stray_quote");
  EXPECT_EQ(Lines(p), (std::vector<int>{1, 3}));
}

TEST(CsvReaderTest, TextAfterAClosingQuoteIsAnError) {
  Parsed p = Read("x,\"ab\"c,d\ne,f\n");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line, 1);
  EXPECT_EQ(p.errors[0].column, 7);
  EXPECT_EQ(p.errors[0].code, "text_after_quote");
  EXPECT_EQ(Lines(p), (std::vector<int>{2}));
}

TEST(CsvReaderTest, ReportsOneErrorPerMalformedRecordAndGoesOn) {
  Parsed p = Read("a\"b,c\"d\n\"ok, \"\"fine\"\"\"\ne\"\n");
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_EQ(p.errors[0].line, 1);
  EXPECT_EQ(p.errors[0].column, 2);
  EXPECT_EQ(p.errors[1].line, 3);
  EXPECT_EQ(p.errors[1].column, 2);
  ASSERT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.records[0].fields, (Fields{"ok, \"fine\""}));
}

TEST(CsvReaderTest, QuotedFieldAfterAnErrorStillEndsTheRecordRight) {
  Parsed p = Read("a\"b,\"two\nlines\"\nnext\n");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line, 1);
  ASSERT_EQ(p.records.size(), 1u);
  EXPECT_EQ(p.records[0].line, 3);
}

TEST(CsvReaderTest, UnterminatedQuoteIsReportedWhereItOpens) {
  Parsed p = Read("a,b\nc,\"open\nmore\n");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line, 2);
  EXPECT_EQ(p.errors[0].column, 3);
  EXPECT_EQ(p.errors[0].code, "unterminated_quote");
  EXPECT_EQ(Lines(p), (std::vector<int>{1}));
}

TEST(CsvReaderTest, ColumnsCountCharactersNotBytes) {
  Parsed p = Read("\xEF\xBB\xBF\xC3\xA9,x\"y\n");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].line, 1);
  EXPECT_EQ(p.errors[0].column, 4);
}

TEST(CsvReaderTest, BytesThatAreNotUtf8AreAnErrorAtTheirCharacter) {
  // A lone continuation byte, an overlong '/', a truncated sequence inside quotes: each record
  // is reported once, at its first bad character, and left out; good records are kept.
  Parsed p = Read("a,b\nc\x80,d\n\xC3\xA9,\xC0\xAF\n\"x\ny\xE2\x82\",z\nok,fine\n");
  ASSERT_EQ(p.errors.size(), 3u);
  EXPECT_EQ(p.errors[0], (CsvError{2, 2, "", "invalid_utf8", "the text is not valid UTF-8 here"}));
  EXPECT_EQ(p.errors[1].line, 3);
  EXPECT_EQ(p.errors[1].column, 3);
  EXPECT_EQ(p.errors[2].line, 5);
  EXPECT_EQ(p.errors[2].column, 2);
  EXPECT_EQ(Lines(p), (std::vector<int>{1, 6}));
}

TEST(CsvReaderTest, NextYieldsRecordsOneAtATime) {
  CsvReader reader("a\n\"b\"\"\"\n");
  std::optional<CsvRecord> first = reader.Next();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->fields, (Fields{"a"}));
  std::optional<CsvRecord> second = reader.Next();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->fields, (Fields{"b\""}));
  EXPECT_FALSE(reader.Next().has_value());
  EXPECT_TRUE(reader.errors().empty());
}

}  // namespace
}  // namespace ordo::csvio
