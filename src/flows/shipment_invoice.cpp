#include "flows/shipment_invoice.h"

#include <stdexcept>

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "customers/credit.h"
#include "customers/customer_repository.h"
#include "events/outbox.h"
#include "flows/ledger_postings.h"
#include "flows/open_order_value.h"
#include "invoicing/invoice_repository.h"
#include "invoicing/payment_terms.h"
#include "invoicing/sales_tax.h"
#include "orders/order_repository.h"
#include "pricing/price_resolution.h"

namespace ordo::flows {
namespace {

const customers::ShipTo* ShipToById(const customers::Customer& c, ShipToId id) {
  for (const auto& s : c.ship_tos) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

}  // namespace

Result<invoicing::Invoice> InvoiceShipment(store::Connection& conn, const CommandContext& ctx,
                                           const fulfillment::Shipment& shipment,
                                           orders::Order& order, Money freight) {
  auto customer = customers::FindCustomerById(conn, order.customer);
  if (!customer) return Status::NotFound("no customer for order " + order.number);
  auto terms = invoicing::ParsePaymentTerms(customer->payment_terms);
  if (!terms) {
    return Status::InvalidState("customer " + customer->code + " has payment terms " +
                                customer->payment_terms + " that cannot be invoiced");
  }
  const customers::ShipTo* ship_to = ShipToById(*customer, order.ship_to);
  std::string region = ship_to ? ship_to->address.region : customer->bill_to.region;
  Currency currency = FindCurrency(order.currency).value_or(kUsd);

  invoicing::Invoice v;
  v.customer = order.customer;
  v.customer_code = order.customer_code;
  v.order = order.id;
  v.order_number = order.number;
  v.shipment = shipment.id;
  v.shipment_number = shipment.number;
  v.invoice_date = DateOf(ctx.now);
  v.due_date = terms->DueDate(v.invoice_date);
  v.payment_terms = terms->code;
  v.discount_date = terms->DiscountDate(v.invoice_date);
  v.discount_bp = terms->discount_bp;
  v.currency = order.currency;
  v.freight = freight.Round(currency);
  v.created_at = ctx.now;

  // Taxed as the order was taxed (invoicing/sales_tax.h), as of the invoice date: an exemption
  // that expired since the order was placed no longer applies.
  const invoicing::TaxRule tax_rule =
      invoicing::LoadTaxRule(conn, customer->id, customer->tax_exempt, region, v.invoice_date);
  v.tax_exemption = tax_rule.exemption;
  Money open_value_released;
  for (const auto& sl : shipment.lines) {
    if (sl.quantity_shipped == 0) continue;
    orders::OrderLine* line = order.FindLine(sl.order_line);
    auto item = catalog::FindItemById(conn, sl.item);
    if (line == nullptr || !item) {
      throw std::logic_error("shipment " + shipment.number + " names a line or item it lacks");
    }
    invoicing::InvoiceLine il;
    il.line_no = line->line_no;
    il.order_line = line->id;
    il.item = item->id;
    il.sku = item->sku;
    il.quantity = sl.quantity_shipped;
    il.unit_price = line->unit_price;
    il.extended_amount = pricing::ExtendedAmount(line->unit_price, il.quantity, currency);
    il.tax_class = item->tax_class;
    // Cumulative over the line's invoices, so that the invoices of a line shipped in parts add
    // up to the tax of the whole line, which is the order line's tax at the same rate.
    const invoicing::TaxableLine taxable{
        item->tax_class,
        pricing::ExtendedAmount(line->unit_price, line->quantity_invoiced + il.quantity, currency),
        pricing::ExtendedAmount(line->unit_price, line->quantity_invoiced, currency)};
    const invoicing::LineTax tax = invoicing::TaxLines(tax_rule, {&taxable, 1}, currency).front();
    il.tax_rate_ppm = tax.rate_ppm;
    il.tax_amount = tax.tax;
    v.subtotal += il.extended_amount;
    v.tax += il.tax_amount;
    v.lines.push_back(std::move(il));

    // Open order value is kept per line (flows/open_order_value.h), so the release is the
    // difference of the line's value before and after (not this invoice line's amount, which
    // may round differently).
    Money was = OpenOrderValue(*line, currency);
    line->quantity_invoiced += sl.quantity_shipped;
    orders::SetLineInvoiced(conn, line->id, line->quantity_invoiced);
    open_value_released += was - OpenOrderValue(*line, currency);
  }
  if (v.lines.empty()) throw std::logic_error("InvoiceShipment: nothing shipped");
  v.total = v.subtotal + v.tax + v.freight;
  v.number = invoicing::NextInvoiceNumber(conn);
  invoicing::InsertInvoice(conn, v);

  customers::AddOpenOrderValue(conn, order.customer, -open_value_released);
  customers::AddOpenReceivables(conn, order.customer, v.total);
  PostInvoice(conn, ctx, v);
  audit::Record(conn, ctx, "invoice.create", "invoice", v.id.value(), nullptr,
                invoicing::ToJson(v));
  int digits = currency.minor_digits;
  events::Publish(conn, ctx, "invoice.created", "invoice", v.id.value(),
                  {{"id", v.id.value()},
                   {"number", v.number},
                   {"customer", v.customer_code},
                   {"order", v.order_number},
                   {"shipment", v.shipment_number},
                   {"total", v.total.Format(digits)},
                   {"due_date", FormatDate(v.due_date)}});
  return v;
}

}  // namespace ordo::flows
