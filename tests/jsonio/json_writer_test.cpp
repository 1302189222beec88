#include "jsonio/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "jsonio/exact_json.h"

namespace ordo::jsonio {
namespace {

TEST(JsonWriter, WritesNestedDocumentsWithCommas) {
  JsonWriter w;
  w.BeginObject().Field("id", 42).Field("sku", "WID-1").Field("active", true).Key("lines");
  w.BeginArray().Int(1).Int(2).BeginObject().Key("x").Null().EndObject().EndArray();
  w.Key("empty").BeginArray().EndArray().EndObject();
  EXPECT_EQ(w.text(),
            R"({"id":42,"sku":"WID-1","active":true,"lines":[1,2,{"x":null}],"empty":[]})");
}

TEST(JsonWriter, EscapesWhatJsonRequires) {
  JsonWriter w;
  w.String("a\"b\\c\nd\te\x01 Müller");
  EXPECT_EQ(w.text(), "\"a\\\"b\\\\c\\nd\\te\\u0001 Müller\"");
  EXPECT_EQ(nlohmann::json::parse(w.text()).get<std::string>(), "a\"b\\c\nd\te\x01 Müller");
}

TEST(JsonWriter, StrayBytesBecomeReplacementCharactersSoTheTextStaysJson) {
  JsonWriter w;
  w.BeginObject().Field("po", "PO\xff\xfe-1").EndObject();
  auto parsed = nlohmann::json::parse(w.text());
  EXPECT_EQ(parsed["po"].get<std::string>(), "PO\xEF\xBF\xBD\xEF\xBF\xBD-1");
}

TEST(ExactJson, DecimalsKeepTheirSourceText) {
  auto doc = ParseExactJson(R"({"p": 2.1250, "q": 0.1, "n": 7, "s": "3.5", "o": {"a": 1}})");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(DecimalText((*doc)["p"]), "2.1250");
  EXPECT_EQ(DecimalText((*doc)["q"]), "0.1");
  EXPECT_EQ(DecimalText((*doc)["n"]), "7");
  EXPECT_EQ(DecimalText((*doc)["s"]), "3.5");
  EXPECT_EQ(DecimalText((*doc)["o"]), std::nullopt);
  EXPECT_FALSE(ParseExactJson("{\"a\": ").ok());
}

}  // namespace
}  // namespace ordo::jsonio
