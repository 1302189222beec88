// Reads and writes of invoices and their lines. Building blocks for the flows that create and
// settle invoices; they run inside the caller's unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "invoicing/invoice.h"
#include "store/database.h"

namespace ordo::invoicing {

// The next invoice number ("IN-000042"), without gaps: taken inside the command's unit of
// work, so a rolled-back command gives its number back.
std::string NextInvoiceNumber(store::Connection& conn);

// Writes the header and lines; fills in invoice.id. REQUIRES: totals consistent
// (total = subtotal + tax + freight), at least one line.
void InsertInvoice(store::Connection& conn, Invoice& invoice);

// Stores what settles the invoice (amount_paid, discount_taken, amount_credited, the status
// that follows from the balance) with version + 1. Returns false (and writes nothing) unless
// the stored invoice is still at `invoice.version`.
bool StoreSettlement(store::Connection& conn, const Invoice& invoice, Timestamp at);

// Header and lines, without display names (see Invoice).
std::optional<Invoice> LoadInvoice(store::Connection& conn, InvoiceId id);
std::optional<Invoice> LoadInvoiceByNumber(store::Connection& conn, std::string_view number);
// How requests name an invoice: an all-digit reference is an id, anything else a number
// (invoice numbers always carry their "IN-" prefix, so the two never collide).
std::optional<Invoice> FindInvoiceByRef(store::Connection& conn, std::string_view ref);

struct InvoiceRef {
  InvoiceId id;
  std::string number;
  CustomerId customer;
};
std::optional<InvoiceRef> FindInvoiceForShipment(store::Connection& conn, ShipmentId shipment);
// The invoices of an order, oldest first.
std::vector<InvoiceRef> InvoicesOfOrder(store::Connection& conn, OrderId order);

// The numbers of the invoices `ids` names (an id with no invoice is absent), in one statement:
// how read models name a page's invoices.
std::unordered_map<InvoiceId, std::string> InvoiceNumbersOf(store::Connection& conn,
                                                            const std::vector<InvoiceId>& ids);

struct InvoiceFilter {
  std::optional<CustomerId> customer;
  std::optional<InvoiceStatus> status;
  std::optional<OrderId> order;
};
// At most `limit` invoices (headers only, no lines) matching `filter` with id < `before`,
// newest first. REQUIRES: limit >= 1.
std::vector<Invoice> ListInvoices(store::Connection& conn, const InvoiceFilter& filter,
                                  std::optional<InvoiceId> before, int limit);

}  // namespace ordo::invoicing
