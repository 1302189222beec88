#include "invoicing/tax_exemptions.h"

#include "audit/audit_log.h"
#include "core/text_check.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::invoicing {
namespace {

constexpr const char* kColumns =
    "id, customer_id, region, certificate_number, expires_on, created_by, created_at";

TaxExemption Read(const store::Query& q) {
  store::RowReader r(q);
  TaxExemption e;
  e.id = r.Int();
  e.customer = r.Id<CustomerId>();
  e.region = r.Text();
  e.certificate_number = r.Text();
  e.expires_on = r.OptDate().value_or(Date{});
  e.created_by = r.Text();
  e.created_at = r.Time();
  return e;
}

// The audit image: what the certificate says, without validity (which depends on the day).
nlohmann::json Image(const TaxExemption& e) {
  return {{"customer_id", e.customer.value()},
          {"region", e.region},
          {"certificate_number", e.certificate_number},
          {"expires_on", FormatDate(e.expires_on)}};
}

}  // namespace

std::vector<TaxExemption> ListTaxExemptions(store::Connection& conn, CustomerId customer) {
  std::vector<TaxExemption> out;
  store::Query q(conn,
                 std::string("SELECT ") + kColumns +
                     " FROM tax_exemptions WHERE customer_id = ? "
                     "ORDER BY region, expires_on, id",
                 customer);
  while (q.Next()) out.push_back(Read(q));
  return out;
}

Result<TaxExemption> AddTaxExemption(store::Connection& conn, const CommandContext& ctx,
                                     TaxExemption e) {
  std::vector<FieldError> errors;
  if (e.region.empty()) {
    errors.push_back({"region", "required", "a region of 1 to 64 characters is required"});
  } else {
    CheckText(e.region, text_limits::kRegion, "region", errors);
  }
  if (e.certificate_number.empty()) {
    errors.push_back({"certificate_number", "required",
                      "a certificate number of 1 to 64 characters is required"});
  } else {
    CheckText(e.certificate_number, kCertificateNumberLimit, "certificate_number", errors);
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("invalid tax exemption", std::move(errors));
  }
  {
    store::Query q(conn,
                   "SELECT 1 FROM tax_exemptions WHERE customer_id = ? AND region = ? AND "
                   "certificate_number = ?",
                   e.customer, e.region, e.certificate_number);
    if (q.Next()) {
      return Status::Conflict("the customer already has certificate " + e.certificate_number +
                              " for region " + e.region);
    }
  }
  e.created_by = ctx.actor;
  e.created_at = ctx.now;
  store::Query q(conn,
                 "INSERT INTO tax_exemptions (customer_id, region, certificate_number, "
                 "expires_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 e.customer, e.region, e.certificate_number, e.expires_on, e.created_by,
                 e.created_at);
  q.Next();
  e.id = q.Int(0);
  audit::Record(conn, ctx, "tax_exemption.add", "tax_exemption", e.id, nullptr, Image(e));
  return e;
}

Status DeleteTaxExemption(store::Connection& conn, const CommandContext& ctx, CustomerId customer,
                          int64_t id) {
  std::optional<TaxExemption> found;
  {
    store::Query q(
        conn,
        std::string("SELECT ") + kColumns + " FROM tax_exemptions WHERE id = ? AND customer_id = ?",
        id, customer);
    if (q.Next()) found = Read(q);
  }
  if (!found) return Status::NotFound("no tax exemption " + std::to_string(id));
  store::Exec(conn, "DELETE FROM tax_exemptions WHERE id = ?", id);
  audit::Record(conn, ctx, "tax_exemption.delete", "tax_exemption", id, Image(*found), nullptr);
  return Status::Ok();
}

nlohmann::json ToJson(const TaxExemption& e, Date today) {
  return {{"id", e.id},
          {"region", e.region},
          {"certificate_number", e.certificate_number},
          {"expires_on", FormatDate(e.expires_on)},
          {"valid", e.ValidOn(today)},
          {"created_by", e.created_by},
          {"created_at", FormatRfc3339(e.created_at)}};
}

}  // namespace ordo::invoicing
