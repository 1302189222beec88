#include "invoicing/tax_rates.h"

#include "audit/audit_log.h"
#include "core/text_check.h"
#include "store/query.h"

namespace ordo::invoicing {

int64_t FindTaxRate(store::Connection& conn, std::string_view region, std::string_view tax_class) {
  store::Query q(conn, "SELECT rate_ppm FROM tax_rates WHERE region = ? AND tax_class = ?", region,
                 tax_class);
  return q.Next() ? q.Int(0) : 0;
}

std::vector<TaxRate> ListTaxRates(store::Connection& conn) {
  std::vector<TaxRate> out;
  store::Query q(conn,
                 "SELECT region, tax_class, rate_ppm FROM tax_rates ORDER BY region, tax_class");
  while (q.Next()) out.push_back({q.Text(0), q.Text(1), q.Int(2)});
  return out;
}

Status SaveTaxRate(store::Connection& conn, const CommandContext& ctx, const TaxRate& rate) {
  std::vector<FieldError> errors;
  if (rate.region.empty()) {
    errors.push_back({"region", "required", "a region of 1 to 64 characters is required"});
  } else {
    CheckText(rate.region, text_limits::kRegion, "region", errors);
  }
  if (rate.tax_class.empty()) {
    errors.push_back({"tax_class", "required", "a tax class of 1 to 64 characters is required"});
  } else {
    CheckText(rate.tax_class, text_limits::kTaxClass, "tax_class", errors);
  }
  if (rate.rate_ppm < 0 || rate.rate_ppm > kPpm) {
    errors.push_back({"rate_percent", "out_of_range", "a rate is between 0 and 100 percent"});
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid tax rate", std::move(errors));
  auto image = [](const TaxRate& t) {
    return nlohmann::json{{"region", t.region},
                          {"tax_class", t.tax_class},
                          {"rate_percent", FormatRatePercent(t.rate_ppm)}};
  };
  nlohmann::json before;
  {
    store::Query q(conn, "SELECT rate_ppm FROM tax_rates WHERE region = ? AND tax_class = ?",
                   rate.region, rate.tax_class);
    if (q.Next()) before = image({rate.region, rate.tax_class, q.Int(0)});
  }
  store::Query q(conn,
                 "INSERT INTO tax_rates (region, tax_class, rate_ppm, updated_at) "
                 "VALUES (?, ?, ?, ?) ON CONFLICT (region, tax_class) DO UPDATE SET "
                 "rate_ppm = excluded.rate_ppm, updated_at = excluded.updated_at RETURNING id",
                 rate.region, rate.tax_class, rate.rate_ppm, ctx.now);
  q.Next();
  audit::Record(conn, ctx, "tax_rate.save", "tax_rate", q.Int(0), before, image(rate));
  return Status::Ok();
}

Money ProRata(Money amount, Money part, Money whole, const Currency& currency) {
  int64_t per_minor = 1;
  for (int d = currency.minor_digits; d < Money::kScaleDigits; ++d) per_minor *= 10;
  __int128 num = static_cast<__int128>(amount.units()) * part.units();
  __int128 den = static_cast<__int128>(whole.units()) * per_minor;
  __int128 q = num / den, r = num % den;
  if (r < 0) {
    r += den;
    q -= 1;
  }
  if (2 * r > den || (2 * r == den && q % 2 != 0)) q += 1;
  return Money::FromUnits(static_cast<int64_t>(q)) * per_minor;
}

Money TaxOn(Money amount, int64_t rate_ppm, const Currency& currency) {
  // One rounding, straight to the minor unit: rounding to four decimals first and then to
  // cents could differ (0.00505 would become 0.0050, then 0.00 instead of 0.01).
  int64_t per_minor = 1;
  for (int d = currency.minor_digits; d < Money::kScaleDigits; ++d) per_minor *= 10;
  Money minor_units = amount.MulRatio(rate_ppm, kPpm * per_minor);
  return Money::FromUnits(minor_units.units()) * per_minor;
}

std::string FormatRatePercent(int64_t rate_ppm) {
  // A percentage with four decimals is exactly a count of ppm, the scale of Money's units.
  return Money::FromUnits(rate_ppm).Format(0);
}

Result<int64_t> ParseRatePercent(std::string_view text) {
  auto m = Money::Parse(text);
  if (!m.ok() || m->is_negative() || m->units() > kPpm) {
    return Status::InvalidArgument(
        "invalid tax rate",
        {{"rate_percent", "out_of_range",
          "a rate is a percentage between 0 and 100 with at most four decimals"}});
  }
  return m->units();
}

}  // namespace ordo::invoicing
