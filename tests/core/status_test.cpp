#include "core/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace ordo {
namespace {

TEST(Status, DefaultIsOk) {
  const Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kOk);
  EXPECT_TRUE(status.message().empty());
  EXPECT_TRUE(status.errors().empty());
  EXPECT_TRUE(Status::Ok().ok());
}

TEST(Status, FactoriesSetCodeAndMessage) {
  EXPECT_EQ(Status::InvalidArgument("a").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Status::NotFound("b").code(), ErrorCode::kNotFound);
  EXPECT_EQ(Status::Conflict("c").code(), ErrorCode::kConflict);
  EXPECT_EQ(Status::InvalidState("d").code(), ErrorCode::kInvalidState);
  EXPECT_EQ(Status::Forbidden("e").code(), ErrorCode::kForbidden);
  EXPECT_EQ(Status::Internal("f").code(), ErrorCode::kInternal);
  EXPECT_EQ(Status::NotFound("no item WID-1").message(), "no item WID-1");
  EXPECT_FALSE(Status::Internal("f").ok());
}

TEST(Status, KeepsFieldErrors) {
  const Status status = Status::InvalidArgument(
      "bad request", {{"lines/2/quantity", "not_whole_units", "must be whole"}});
  ASSERT_EQ(status.errors().size(), 1u);
  EXPECT_EQ(status.errors()[0],
            (FieldError{"lines/2/quantity", "not_whole_units", "must be whole"}));
}

TEST(Status, CodeNamesAreTheWireNames) {
  const std::pair<ErrorCode, std::string_view> kExpected[] = {
      {ErrorCode::kOk, "ok"},
      {ErrorCode::kInvalidArgument, "invalid_argument"},
      {ErrorCode::kNotFound, "not_found"},
      {ErrorCode::kUnauthenticated, "unauthenticated"},
      {ErrorCode::kForbidden, "forbidden"},
      {ErrorCode::kConflict, "conflict"},
      {ErrorCode::kInsufficientStock, "insufficient_stock"},
      {ErrorCode::kCreditLimitExceeded, "credit_limit_exceeded"},
      {ErrorCode::kCustomerOnHold, "customer_on_hold"},
      {ErrorCode::kInvalidState, "invalid_state"},
      {ErrorCode::kIdempotencyKeyReused, "idempotency_key_reused"},
      {ErrorCode::kPreconditionFailed, "precondition_failed"},
      {ErrorCode::kWeakPassword, "weak_password"},
      {ErrorCode::kTooManyRequests, "too_many_requests"},
      {ErrorCode::kUnavailable, "unavailable"},
      {ErrorCode::kInternal, "internal"},
  };
  for (const auto& [code, name] : kExpected) {
    EXPECT_EQ(CodeName(code), name);
    EXPECT_EQ(CodeFromName(name), code) << name;
  }
}

TEST(Status, UnknownCodeNameIsNullopt) {
  EXPECT_EQ(CodeFromName(""), std::nullopt);
  EXPECT_EQ(CodeFromName("NOT_FOUND"), std::nullopt);
  EXPECT_EQ(CodeFromName("not_found "), std::nullopt);
  EXPECT_EQ(CodeFromName("bogus"), std::nullopt);
}

TEST(Status, ToStringStartsWithCodeAndMessage) {
  EXPECT_EQ(Status::NotFound("no item WID-1").ToString(), "not_found: no item WID-1");
  EXPECT_EQ(Status::Ok().ToString(), "ok");
  const Status with_field = Status::InvalidArgument("bad", {{"sku", "required", ""}});
  EXPECT_EQ(with_field.ToString(), "invalid_argument: bad [sku: required]");
}

TEST(Result, HoldsValue) {
  Result<int> result = 42;
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.status().ok());
  EXPECT_EQ(result.value(), 42);
  EXPECT_EQ(*result, 42);
  result.value() = 7;
  EXPECT_EQ(*result, 7);
}

TEST(Result, HoldsError) {
  const Result<int> result = Status::NotFound("no order SO-000001");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(result.status().message(), "no order SO-000001");
}

TEST(Result, ArrowAndMoveOut) {
  Result<std::string> result = std::string("abc");
  EXPECT_EQ(result->size(), 3u);
  const std::string moved = std::move(result).value();
  EXPECT_EQ(moved, "abc");

  Result<std::unique_ptr<int>> owning = std::make_unique<int>(5);
  const std::unique_ptr<int> taken = std::move(owning).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 5);
}

}  // namespace
}  // namespace ordo
