// Invoices: what a customer owes for one shipment, on the order's prices, with tax, freight
// and payment terms.
//
// An invoice is created, whole, in the transaction that confirms its shipment and never
// changes afterwards except for what settles it: cash applied, early-pay discount taken and
// credit applied. Its balance is what is left; it is "paid" exactly when the balance is 0.
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

namespace ordo::invoicing {

using InvoiceId = Id<struct InvoiceTag>;

enum class InvoiceStatus { kOpen, kPaid, kVoid };

std::string_view StatusName(InvoiceStatus s);
std::optional<InvoiceStatus> StatusFromName(std::string_view name);

struct InvoiceLine {
  int line_no = 0;  // the order line's number
  OrderLineId order_line;
  ItemId item;
  std::string sku;       // display name: see Invoice
  int64_t quantity = 0;  // base units shipped
  Money unit_price;
  Money extended_amount;  // rounded to the currency's minor unit
  std::string tax_class;
  int64_t tax_rate_ppm = 0;
  Money tax_amount;  // rounded to the currency's minor unit
};

// The invoice's own columns and the ids of other modules' rows. The display names the JSON
// shows (customer_code, order_number, shipment_number, the lines' sku) belong to other
// modules: the repository leaves them empty, and views::NameInvoice (or a command that holds
// them already) fills them.
struct Invoice {
  InvoiceId id;
  std::string number;  // "IN-000001"
  CustomerId customer;
  std::string customer_code;
  OrderId order;
  std::string order_number;
  std::optional<ShipmentId> shipment;
  std::string shipment_number;  // "" when there is no shipment
  Date invoice_date;
  Date due_date;
  std::string payment_terms;
  std::optional<Date> discount_date;
  int discount_bp = 0;
  std::string currency = "USD";
  Money subtotal;
  Money tax;
  // Why the invoice billed no tax, decided on its date (invoicing::TaxRule::exemption): the
  // exemption certificate's number, or "customer" for a customer exempt everywhere.
  std::optional<std::string> tax_exemption;
  Money freight;
  Money total;
  Money amount_paid;      // cash applied
  Money discount_taken;   // early-pay discount allowed
  Money amount_credited;  // credit memos applied
  InvoiceStatus status = InvoiceStatus::kOpen;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<InvoiceLine> lines;

  Money balance() const { return total - amount_paid - discount_taken - amount_credited; }
  // The line for the order line numbered `line_no`, or nullptr.
  const InvoiceLine* FindLine(int line_no) const;
};

// {"id", "number", "customer", "order", "shipment", "invoice_date", "due_date",
//  "discount_date", "discount_percent", "payment_terms", "currency", "lines": [{"line_no",
//  "sku", "quantity", "unit_price", "extended_amount", "tax_class", "tax_rate_percent",
//  "tax"}], "subtotal", "tax", "tax_exemption" (when one applied), "freight", "total",
//  "amount_paid", "discount_taken",
//  "amount_credited", "balance", "status", "version", "created_at"}; money as exact strings.
nlohmann::json ToJson(const Invoice& invoice);

}  // namespace ordo::invoicing
