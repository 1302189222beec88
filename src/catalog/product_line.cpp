#include "catalog/product_line.h"

#include <utility>

#include "audit/audit_log.h"
#include "core/money.h"
#include "core/text_check.h"
#include "core/version_check.h"
#include "events/outbox.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::catalog {
namespace {

constexpr int kMaxMarginBp = 9'999;

bool IsValidCode(std::string_view code) {
  if (code.empty() || code.size() > text_limits::kProductLineCode.max_chars) return false;
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

constexpr std::string_view kColumns =
    "code, name, min_margin_bp, active, version, created_at, updated_at";

ProductLine ReadLine(store::Query& q) {
  store::RowReader r(q);
  ProductLine line;
  line.code = r.Text();
  line.name = r.Text();
  line.min_margin_bp = static_cast<int>(r.Int());
  line.active = r.Bool();
  line.version = r.Int();
  line.created_at = r.Time();
  line.updated_at = r.Time();
  return line;
}

void CheckName(const std::string& name, std::vector<FieldError>& errors) {
  if (name.empty()) {
    errors.push_back({"name", "required", "a name of 1 to 200 characters is required"});
  } else {
    CheckText(name, text_limits::kProductLineName, "name", errors);
  }
}

void CheckMargin(int bp, std::vector<FieldError>& errors) {
  if (bp < 0 || bp > kMaxMarginBp) {
    errors.push_back(
        {"min_margin_percent", "out_of_range", "a minimum margin is a percentage from 0 to 99.99"});
  }
}

}  // namespace

Status ValidateNewProductLine(const NewProductLine& line) {
  std::vector<FieldError> errors;
  if (!IsValidCode(line.code)) {
    errors.push_back({"code", "invalid_code",
                      "a product line code is 1 to 16 letters, digits, '-', '_' or '.'"});
  }
  CheckName(line.name, errors);
  CheckMargin(line.min_margin_bp, errors);
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("the product line has invalid fields", std::move(errors));
}

std::string PercentFromBasisPoints(int bp) {
  return Money::FromUnits(int64_t{bp} * 100).Format(2);
}

nlohmann::json ToJson(const ProductLine& line) {
  return {{"code", line.code},
          {"name", line.name},
          {"min_margin_percent", PercentFromBasisPoints(line.min_margin_bp)},
          {"active", line.active},
          {"version", line.version}};
}

std::optional<ProductLine> FindProductLine(store::Connection& conn, std::string_view code) {
  static const std::string sql =
      "SELECT " + std::string(kColumns) + " FROM product_lines WHERE code = ?";
  store::Query q(conn, sql, code);
  if (!q.Next()) return std::nullopt;
  return ReadLine(q);
}

std::optional<FieldError> CheckItemProductLine(store::Connection& conn,
                                               const std::optional<std::string>& code,
                                               const std::string& path) {
  if (!code) return std::nullopt;
  store::Query q(conn, "SELECT 1 FROM product_lines WHERE code = ?", *code);
  if (q.Next()) return std::nullopt;
  return FieldError{path, "unknown_product_line", "no product line " + *code};
}

std::vector<ProductLine> ListProductLines(store::Connection& conn) {
  static const std::string sql =
      "SELECT " + std::string(kColumns) + " FROM product_lines ORDER BY code";
  store::Query q(conn, sql);
  std::vector<ProductLine> out;
  while (q.Next()) out.push_back(ReadLine(q));
  return out;
}

Result<ProductLine> CreateProductLine(store::Connection& conn, const CommandContext& ctx,
                                      const NewProductLine& in) {
  if (Status st = ValidateNewProductLine(in); !st.ok()) return st;
  if (FindProductLine(conn, in.code)) {
    return Status(ErrorCode::kConflict, "a product line " + in.code + " exists",
                  {{"code", "duplicate", "product line code " + in.code + " is taken"}});
  }
  store::Exec(conn,
              "INSERT INTO product_lines (code, name, min_margin_bp, active, version, created_at, "
              "updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
              in.code, in.name, int64_t{in.min_margin_bp}, in.active, ctx.now, ctx.now);
  ProductLine line{in.code, in.name, in.min_margin_bp, in.active, 1, ctx.now, ctx.now};
  audit::Record(conn, ctx, "product_line.create", "product_line", 0, nullptr, ToJson(line));
  events::Publish(conn, ctx, "product_line.created", "product_line", 0, ToJson(line));
  return line;
}

Result<ProductLine> UpdateProductLine(store::Connection& conn, const CommandContext& ctx,
                                      std::string_view code, const ProductLinePatch& patch,
                                      std::optional<int64_t> expected_version) {
  std::optional<ProductLine> before = FindProductLine(conn, code);
  if (!before) return Status::NotFound("no product line " + std::string(code));
  if (Status st = CheckVersion(expected_version, before->version, "product line", before->code);
      !st.ok()) {
    return st;
  }
  std::vector<FieldError> errors;
  if (patch.name) CheckName(*patch.name, errors);
  if (patch.min_margin_bp) CheckMargin(*patch.min_margin_bp, errors);
  if (!errors.empty()) {
    return Status::InvalidArgument("invalid product line change", std::move(errors));
  }
  ProductLine after = *before;
  if (patch.name) after.name = *patch.name;
  if (patch.min_margin_bp) after.min_margin_bp = *patch.min_margin_bp;
  if (patch.active) after.active = *patch.active;
  if (after.name == before->name && after.min_margin_bp == before->min_margin_bp &&
      after.active == before->active) {
    return after;
  }
  after.version = before->version + 1;
  after.updated_at = ctx.now;
  int64_t updated = store::Exec(
      conn,
      "UPDATE product_lines SET name = ?, min_margin_bp = ?, active = ?, version = version + 1, "
      "updated_at = ? WHERE code = ? AND version = ?",
      after.name, int64_t{after.min_margin_bp}, after.active, ctx.now, after.code, before->version);
  if (updated != 1) {
    return Status(ErrorCode::kPreconditionFailed, "product line " + after.code + " changed");
  }
  audit::Record(conn, ctx, "product_line.update", "product_line", 0, ToJson(*before),
                ToJson(after));
  events::Publish(conn, ctx, "product_line.updated", "product_line", 0, ToJson(after));
  return after;
}

}  // namespace ordo::catalog
