#include "flows/return_authorization.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "core/field_path.h"
#include "events/outbox.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "orders/order_repository.h"
#include "returns/return_repository.h"
#include "views/order_view.h"

namespace ordo::flows {

using nlohmann::json;

Result<returns::Rma> AuthorizeReturn(store::Connection& conn, const CommandContext& ctx,
                                     OrderId order_id, std::optional<invoicing::InvoiceId> invoice,
                                     const std::vector<ReturnRequestLine>& lines) {
  auto order = views::LoadOrder(conn, order_id);
  if (!order) return Status::NotFound("no order " + std::to_string(order_id.value()));
  std::optional<invoicing::Invoice> inv;
  if (invoice) {
    inv = invoicing::LoadInvoice(conn, *invoice);
    if (!inv || inv->order != order->id) {
      return Status::NotFound("no invoice " + std::to_string(invoice->value()));
    }
    if (inv->status == invoicing::InvoiceStatus::kVoid) {
      return Status::InvalidState("invoice " + inv->number + " is void");
    }
  }
  int64_t shipped = 0;
  for (const auto& l : order->lines) shipped += l.quantity_shipped;
  if (shipped == 0) {
    return Status::InvalidState("order " + order->number + " has shipped nothing to return");
  }

  returns::Rma rma;
  rma.order = order->id;
  rma.order_number = order->number;
  rma.customer = order->customer;
  rma.customer_code = order->customer_code;
  if (inv) {
    rma.invoice = inv->id;
    rma.invoice_number = inv->number;
  }
  rma.created_by = ctx.actor;
  rma.created_at = ctx.now;
  std::vector<FieldError> errors;
  for (size_t i = 0; i < lines.size(); ++i) {
    const ReturnRequestLine& r = lines[i];
    const std::string at = ElementPath("lines", i);
    const orders::OrderLine* line = nullptr;
    for (const auto& l : order->lines) {
      if (l.line_no == r.line_no) line = &l;
    }
    if (line == nullptr) {
      errors.push_back({FieldPath(at, "line_no"), "not_found",
                        "order " + order->number + " has no line " + std::to_string(r.line_no)});
      continue;
    }
    int64_t limit = line->quantity_shipped - line->quantity_returned -
                    returns::OutstandingForOrderLine(conn, line->id);
    std::string of = "line " + std::to_string(r.line_no) + " of " + order->number;
    if (inv) {
      const invoicing::InvoiceLine* il = inv->FindLine(r.line_no);
      if (il == nullptr) {
        errors.push_back({FieldPath(at, "line_no"), "not_found",
                          "invoice " + inv->number + " has no line " + std::to_string(r.line_no)});
        continue;
      }
      limit = std::min(limit, il->quantity - invoicing::CreditedQuantity(conn, inv->id, r.line_no) -
                                  returns::OutstandingAgainstInvoice(conn, inv->id, r.line_no));
      of = "line " + std::to_string(r.line_no) + " of " + inv->number;
    }
    limit = std::max<int64_t>(limit, 0);
    if (r.quantity > limit) {
      errors.push_back({FieldPath(at, "quantity"), "out_of_range",
                        "at most " + std::to_string(limit) + " of " + of + " can be returned"});
      continue;
    }
    rma.lines.push_back({r.line_no, line->id, line->item, line->sku, r.quantity, 0, r.reason});
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the return does not fit what was shipped", std::move(errors));
  }
  std::sort(rma.lines.begin(), rma.lines.end(),
            [](const auto& a, const auto& b) { return a.line_no < b.line_no; });
  rma.number = returns::NextReturnNumber(conn);
  returns::InsertReturn(conn, rma);

  json event_lines = json::array();
  for (const auto& l : rma.lines) {
    event_lines.push_back(
        {{"line_no", l.line_no}, {"sku", l.sku}, {"quantity", l.quantity}, {"reason", l.reason}});
  }
  audit::Record(conn, ctx, "return.authorize", "return", rma.id.value(), nullptr,
                returns::ToJson(rma));
  events::Publish(conn, ctx, "return.authorized", "return", rma.id.value(),
                  {{"id", rma.id.value()},
                   {"number", rma.number},
                   {"order", rma.order_number},
                   {"invoice", rma.invoice ? json(rma.invoice_number) : json()},
                   {"customer", rma.customer_code},
                   {"lines", std::move(event_lines)}});
  return rma;
}

}  // namespace ordo::flows
