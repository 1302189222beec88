// Returns: a return merchandise authorization (RMA) for shipped goods of one order, optionally
// against one of its invoices, and what has been received back on it.
//
// An RMA is created "authorized" with a quantity and a reason per order line. Receipts record
// what arrived, per line, with a disposition (restock: back to stock; scrap: written off);
// once everything authorized has arrived the RMA is "received". "closed" is reserved for
// closing an RMA short, which no command does yet.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "invoicing/invoice.h"

namespace ordo::returns {

using ReturnId = Id<struct ReturnTag>;

enum class ReturnStatus { kAuthorized, kReceived, kClosed };
enum class Disposition { kRestock, kScrap };

std::string_view StatusName(ReturnStatus s);
std::optional<ReturnStatus> StatusFromName(std::string_view name);
std::string_view DispositionName(Disposition d);
std::optional<Disposition> DispositionFromName(std::string_view name);
// damaged, wrong_item, not_needed, defective, other.
bool IsReasonCode(std::string_view reason);

struct ReturnLine {
  int line_no = 0;  // the order line's number
  OrderLineId order_line;
  ItemId item;
  std::string sku;       // display name: see Rma
  int64_t quantity = 0;  // authorized
  int64_t quantity_received = 0;
  std::string reason;
  int64_t outstanding() const { return quantity - quantity_received; }
};

struct ReturnReceipt {
  int64_t id = 0;
  int line_no = 0;
  WarehouseId warehouse;
  std::string warehouse_code;  // display name: see Rma
  int64_t quantity = 0;
  Disposition disposition = Disposition::kRestock;
  int64_t credit_memo_id = 0;
  std::string credit_memo_number;  // invoicing's: the repository asks invoicing for it
  std::string received_by;
  Timestamp received_at;
};

// The RMA's own columns, invoicing's numbers (returns depends on invoicing, which knows
// nothing of returns) and the ids of other modules' rows. Their display names
// (order_number, customer_code, the lines' sku, the receipts' warehouse_code) are left empty
// by the repository and filled by views::NameReturn (or by the command that holds them).
struct Rma {
  ReturnId id;
  std::string number;  // "RA-000001"
  OrderId order;
  std::string order_number;
  std::optional<invoicing::InvoiceId> invoice;
  std::string invoice_number;  // "" when against the order (invoicing's, read by the repository)
  CustomerId customer;
  std::string customer_code;
  ReturnStatus status = ReturnStatus::kAuthorized;
  std::string created_by;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<ReturnLine> lines;        // by line_no
  std::vector<ReturnReceipt> receipts;  // in the order received

  ReturnLine* Line(int line_no);
};

// {"id", "number", "status", "order", "invoice" (number or null), "customer", "lines":
//  [{"line_no", "sku", "quantity", "quantity_received", "reason"}], "receipts": [{"line_no",
//  "warehouse", "quantity", "disposition", "credit_memo", "received_at"}], "version",
//  "created_by", "created_at", "updated_at"}.
nlohmann::json ToJson(const Rma& rma);

}  // namespace ordo::returns
