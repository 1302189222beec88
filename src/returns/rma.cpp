#include "returns/rma.h"

#include <array>

namespace ordo::returns {

std::string_view StatusName(ReturnStatus s) {
  switch (s) {
    case ReturnStatus::kAuthorized:
      return "authorized";
    case ReturnStatus::kReceived:
      return "received";
    case ReturnStatus::kClosed:
      return "closed";
  }
  return "authorized";
}

std::optional<ReturnStatus> StatusFromName(std::string_view name) {
  if (name == "authorized") return ReturnStatus::kAuthorized;
  if (name == "received") return ReturnStatus::kReceived;
  if (name == "closed") return ReturnStatus::kClosed;
  return std::nullopt;
}

std::string_view DispositionName(Disposition d) {
  return d == Disposition::kScrap ? "scrap" : "restock";
}

std::optional<Disposition> DispositionFromName(std::string_view name) {
  if (name == "restock") return Disposition::kRestock;
  if (name == "scrap") return Disposition::kScrap;
  return std::nullopt;
}

bool IsReasonCode(std::string_view reason) {
  constexpr std::array<std::string_view, 5> kReasons = {"damaged", "wrong_item", "not_needed",
                                                        "defective", "other"};
  for (auto r : kReasons) {
    if (r == reason) return true;
  }
  return false;
}

ReturnLine* Rma::Line(int line_no) {
  for (auto& l : lines) {
    if (l.line_no == line_no) return &l;
  }
  return nullptr;
}

nlohmann::json ToJson(const Rma& r) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : r.lines) {
    lines.push_back({{"line_no", l.line_no},
                     {"sku", l.sku},
                     {"quantity", l.quantity},
                     {"quantity_received", l.quantity_received},
                     {"reason", l.reason}});
  }
  nlohmann::json receipts = nlohmann::json::array();
  for (const auto& x : r.receipts) {
    receipts.push_back({{"line_no", x.line_no},
                        {"warehouse", x.warehouse_code},
                        {"quantity", x.quantity},
                        {"disposition", DispositionName(x.disposition)},
                        {"credit_memo", x.credit_memo_number},
                        {"received_at", FormatRfc3339(x.received_at)}});
  }
  return {{"id", r.id.value()},
          {"number", r.number},
          {"status", StatusName(r.status)},
          {"order", r.order_number},
          {"invoice", r.invoice ? nlohmann::json(r.invoice_number) : nlohmann::json()},
          {"customer", r.customer_code},
          {"lines", std::move(lines)},
          {"receipts", std::move(receipts)},
          {"version", r.version},
          {"created_by", r.created_by},
          {"created_at", FormatRfc3339(r.created_at)},
          {"updated_at", FormatRfc3339(r.updated_at)}};
}

}  // namespace ordo::returns
