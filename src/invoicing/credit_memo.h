// Credit memos: what Ordo owes a customer back, for returned goods, at the prices and tax rates
// they were invoiced at.
//
// A memo is issued, whole, by the receipt of a return and never changes afterwards except for
// what settles it: amounts applied to the customer's open invoices and amounts refunded. Its
// balance is what is left; it is "open" while the balance is positive, then "refunded" when
// any of it was refunded, else "applied".
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "invoicing/invoice.h"

namespace ordo::invoicing {

using CreditMemoId = Id<struct CreditMemoTag>;

enum class CreditMemoStatus { kOpen, kApplied, kRefunded };

std::string_view StatusName(CreditMemoStatus s);
std::optional<CreditMemoStatus> CreditMemoStatusFromName(std::string_view name);
// check, ach, wire, card: how a refund is paid.
bool IsRefundMethod(std::string_view method);

struct CreditMemoLine {
  int line_no = 0;
  OrderLineId order_line;
  int order_line_no = 0;
  ItemId item;
  std::string sku;
  InvoiceId invoice;  // the invoice line credited: (invoice, invoice_line_no)
  std::string invoice_number;
  int invoice_line_no = 0;
  int64_t quantity = 0;
  Money unit_price;
  Money extended_amount;  // rounded to the currency's minor unit
  int64_t tax_rate_ppm = 0;
  Money tax_amount;  // rounded to the currency's minor unit
  // The share of the early-pay discount the invoice was settled with (see return_receipt.h).
  Money discount_adjustment;
};

struct CreditMemoApplication {
  InvoiceId invoice;
  std::string invoice_number;
  Money amount;
  Timestamp at;
};

struct CreditMemoRefund {
  Money amount;
  std::string method;
  std::string reference;
  Timestamp at;
};

// The memo's own columns, invoice numbers (invoicing's own) and the ids of other modules'
// rows. The display names of those (customer_code, return_number, order_number, the lines'
// sku) are left empty by the repository and filled by views::NameCreditMemo (or by the
// command that holds them). Invoicing knows the RMA by its id only: returns depends on
// invoicing, never the other way.
struct CreditMemo {
  CreditMemoId id;
  std::string number;  // "CM-000001"
  CustomerId customer;
  std::string customer_code;
  std::optional<int64_t> return_id;  // the RMA whose receipt issued it
  std::string return_number;
  std::string order_number;          // the RMA's order
  std::optional<InvoiceId> invoice;  // the invoice the RMA names, if any
  std::string invoice_number;
  Date memo_date;
  std::string currency = "USD";
  Money subtotal;
  Money tax;
  // The early-pay discount the credited invoices were settled with, pro rata on what is
  // credited: total = subtotal + tax - discount_adjustment.
  Money discount_adjustment;
  Money total;
  Money amount_applied;
  Money amount_refunded;
  CreditMemoStatus status = CreditMemoStatus::kOpen;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<CreditMemoLine> lines;
  std::vector<CreditMemoApplication> applications;
  std::vector<CreditMemoRefund> refunds;

  Money balance() const { return total - amount_applied - amount_refunded; }
  // The status the amounts make: open while the balance is positive, then refunded or applied.
  CreditMemoStatus DerivedStatus() const;
};

// {"id", "number", "customer", "return", "order", "invoice", "memo_date", "currency", "lines":
//  [{"line_no", "order_line_no", "sku", "quantity", "unit_price", "extended_amount",
//  "tax_rate_percent", "tax", "invoice"}], "subtotal", "tax", "total", "amount_applied",
//  "amount_refunded", "balance", "status", "applications": [{"invoice", "amount", "at"}],
//  "refunds": [{"amount", "method", "reference", "at"}], "version", "created_at"}.
nlohmann::json ToJson(const CreditMemo& memo);

}  // namespace ordo::invoicing
