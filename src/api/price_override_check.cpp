#include "api/price_override_check.h"

#include <vector>

#include "auth/permissions.h"
#include "core/field_path.h"

namespace ordo::api {
namespace {

template <typename Line>
Status Check(const auth::Principal& who, const std::vector<Line>& lines) {
  if (auth::Allowed(who, "orders.override_price")) return Status::Ok();
  std::vector<FieldError> errors;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].unit_price) {
      errors.push_back({FieldPath("lines", i, "unit_price"), "forbidden",
                        "this user may not set a manual unit price"});
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status(ErrorCode::kForbidden, "this user may not set manual unit prices",
                std::move(errors));
}

}  // namespace

Status CheckPriceOverrides(const auth::Principal& who, const flows::PlaceOrderRequest& r) {
  return Check(who, r.lines);
}

Status CheckPriceOverrides(const auth::Principal& who, const flows::QuoteRequest& r) {
  return Check(who, r.lines);
}

}  // namespace ordo::api
