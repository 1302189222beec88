#include "flows/return_receipt.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "core/field_path.h"
#include "core/version_check.h"
#include "customers/credit.h"
#include "events/outbox.h"
#include "flows/ledger_postings.h"
#include "inventory/stock_movements.h"
#include "inventory/warehouse_repository.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "invoicing/tax_rates.h"
#include "orders/order_repository.h"
#include "pricing/price_resolution.h"
#include "returns/return_repository.h"
#include "views/order_view.h"
#include "views/return_view.h"

namespace ordo::flows {
namespace {

using nlohmann::json;

// The invoices whose lines price a receipt, loaded once per command.
class InvoiceCache {
 public:
  explicit InvoiceCache(store::Connection& conn) : conn_(conn) {}
  const invoicing::Invoice& Get(invoicing::InvoiceId id) {
    auto it = cache_.find(id);
    if (it == cache_.end()) {
      auto v = invoicing::LoadInvoice(conn_, id);
      if (!v) throw std::logic_error("invoice " + std::to_string(id.value()) + " vanished");
      it = cache_.emplace(id, std::move(*v)).first;
    }
    return it->second;
  }

 private:
  store::Connection& conn_;
  std::map<invoicing::InvoiceId, invoicing::Invoice> cache_;
};

// Memo lines crediting `quantity` of `line` (returned on `rma`): the RMA's invoice line, or
// the order line's invoices oldest first, each for what is neither credited yet nor awaited by
// RMAs that name that invoice.
std::vector<invoicing::CreditMemoLine> CreditLines(store::Connection& conn, InvoiceCache& invoices,
                                                   const returns::Rma& rma,
                                                   const orders::OrderLine& line, int64_t quantity,
                                                   const Currency& currency) {
  std::vector<invoicing::CreditMemoLine> out;
  auto add = [&](const invoicing::Invoice& v, const invoicing::InvoiceLine& il, int64_t q,
                 Money unit_price) {
    invoicing::CreditMemoLine m;
    m.order_line = line.id;
    m.order_line_no = line.line_no;
    m.item = line.item;
    m.sku = line.sku;
    m.invoice = v.id;
    m.invoice_number = v.number;
    m.invoice_line_no = il.line_no;
    m.quantity = q;
    m.unit_price = unit_price;
    m.extended_amount = pricing::ExtendedAmount(unit_price, q, currency);
    m.tax_rate_ppm = il.tax_rate_ppm;
    m.tax_amount = invoicing::TaxOn(m.extended_amount, il.tax_rate_ppm, currency);
    out.push_back(std::move(m));
  };
  if (rma.invoice) {
    const invoicing::Invoice& v = invoices.Get(*rma.invoice);
    const invoicing::InvoiceLine* il = v.FindLine(line.line_no);
    if (il == nullptr) throw std::logic_error(rma.number + " names a line its invoice lacks");
    add(v, *il, quantity, il->unit_price);
    return out;
  }
  int64_t left = quantity;
  for (const auto& ref : invoicing::InvoicesOfOrder(conn, rma.order)) {
    if (left == 0) break;
    const invoicing::Invoice& v = invoices.Get(ref.id);
    if (v.status == invoicing::InvoiceStatus::kVoid) continue;
    const invoicing::InvoiceLine* il = v.FindLine(line.line_no);
    if (il == nullptr) continue;
    int64_t free = il->quantity - invoicing::CreditedQuantity(conn, v.id, il->line_no) -
                   returns::OutstandingAgainstInvoice(conn, v.id, il->line_no);
    if (free <= 0) continue;
    int64_t take = std::min(free, left);
    add(v, *il, take, line.unit_price);
    left -= take;
  }
  if (left > 0) {
    throw std::logic_error(rma.number + ": line " + std::to_string(line.line_no) +
                           " returns more than its invoices hold");
  }
  return out;
}

}  // namespace

Result<ReceivedReturn> ReceiveReturn(store::Connection& conn, const CommandContext& ctx,
                                     returns::ReturnId id, const ReturnReceiptRequest& request,
                                     std::optional<int64_t> expected_version) {
  auto loaded = views::LoadReturn(conn, id);
  if (!loaded) return Status::NotFound("no return " + std::to_string(id.value()));
  returns::Rma rma = std::move(*loaded);
  if (Status st = CheckVersion(expected_version, rma.version, "return", rma.number); !st.ok()) {
    return st;
  }
  if (rma.status != returns::ReturnStatus::kAuthorized) {
    return Status::InvalidState("return " + rma.number + " is " +
                                std::string(returns::StatusName(rma.status)) +
                                ": nothing more is awaited");
  }
  std::vector<FieldError> errors;
  auto warehouse = inventory::FindWarehouseByCode(conn, request.warehouse);
  if (!warehouse) {
    errors.push_back({"warehouse", "not_found", "no warehouse " + request.warehouse});
  }
  std::map<int, int64_t> arriving;  // per line_no, over the request's lines
  for (size_t i = 0; i < request.lines.size(); ++i) {
    const ReceivedLine& r = request.lines[i];
    const std::string at = ElementPath("lines", i);
    const returns::ReturnLine* line = rma.Line(r.line_no);
    if (line == nullptr) {
      errors.push_back({FieldPath(at, "line_no"), "not_found",
                        rma.number + " has no line " + std::to_string(r.line_no)});
      continue;
    }
    int64_t& sum = arriving[r.line_no];
    // Compared before adding, so huge quantities cannot overflow the sum.
    if (r.quantity > line->outstanding() - sum) {
      errors.push_back({FieldPath(at, "quantity"), "out_of_range",
                        "line " + std::to_string(r.line_no) + " of " + rma.number + " awaits " +
                            std::to_string(line->outstanding())});
    } else {
      sum += r.quantity;
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the receipt does not fit return " + rma.number,
                                   std::move(errors));
  }
  auto order = views::LoadOrder(conn, rma.order);
  if (!order) throw std::logic_error(rma.number + " has no order");
  Currency currency = FindCurrency(order->currency).value_or(kUsd);

  // Everything is checked: from here on the command writes.
  json before = returns::ToJson(rma);
  std::vector<StockKey> restocked;
  Money restock_cost, scrap_cost;
  std::vector<returns::ReturnReceipt> receipts;
  for (const auto& r : request.lines) {
    returns::ReturnLine& line = *rma.Line(r.line_no);
    auto item = catalog::FindItemById(conn, line.item);
    if (!item) throw std::logic_error(rma.number + " names an unknown item");
    Money cost = (item->cost * r.quantity).Round(currency);
    if (r.disposition == returns::Disposition::kRestock) {
      Status st = inventory::ChangeOnHand(conn, ctx, line.item, warehouse->id, r.quantity, "return",
                                          rma.number);
      if (!st.ok()) return st;
      restocked.push_back({line.item, warehouse->id});
      restock_cost += cost;
    } else {
      scrap_cost += cost;
    }
    line.quantity_received += r.quantity;
    returns::ReturnReceipt x;
    x.line_no = r.line_no;
    x.warehouse = warehouse->id;
    x.warehouse_code = warehouse->code;
    x.quantity = r.quantity;
    x.disposition = r.disposition;
    x.received_by = ctx.actor;
    x.received_at = ctx.now;
    receipts.push_back(std::move(x));
  }

  invoicing::CreditMemo memo;
  memo.customer = rma.customer;
  memo.customer_code = rma.customer_code;
  memo.return_id = rma.id.value();
  memo.return_number = rma.number;
  memo.order_number = rma.order_number;
  memo.invoice = rma.invoice;
  memo.invoice_number = rma.invoice_number;
  memo.memo_date = DateOf(ctx.now);
  memo.currency = order->currency;
  memo.created_at = ctx.now;
  InvoiceCache invoices(conn);
  std::map<invoicing::InvoiceId, Money> given;  // discount given back by this memo, per invoice
  for (const auto& [line_no, quantity] : arriving) {
    orders::OrderLine* line = order->FindLine(rma.Line(line_no)->order_line);
    if (line == nullptr) throw std::logic_error(rma.number + " names a line its order lacks");
    for (auto& m : CreditLines(conn, invoices, rma, *line, quantity, currency)) {
      m.line_no = static_cast<int>(memo.lines.size()) + 1;
      // An invoice settled with an early-pay discount was paid the terms' percentage less on
      // what it billed: the credit for its goods is less by the same percentage, never more
      // in all than the discount taken on it.
      const invoicing::Invoice& v = invoices.Get(m.invoice);
      if (!v.discount_taken.is_zero()) {
        Money share = invoicing::TaxOn(m.extended_amount + m.tax_amount,
                                       int64_t{v.discount_bp} * 100, currency);
        Money left =
            v.discount_taken - invoicing::CreditedOn(conn, v.id).discount_adjustment - given[v.id];
        m.discount_adjustment = std::clamp(share, Money(), std::max(left, Money()));
        given[v.id] += m.discount_adjustment;
      }
      memo.subtotal += m.extended_amount;
      memo.tax += m.tax_amount;
      memo.discount_adjustment += m.discount_adjustment;
      memo.lines.push_back(std::move(m));
    }
    line->quantity_returned += quantity;
    orders::SetLineReturned(conn, line->id, line->quantity_returned);
  }
  memo.total = memo.subtotal + memo.tax - memo.discount_adjustment;
  memo.number = invoicing::NextCreditMemoNumber(conn);
  invoicing::InsertCreditMemo(conn, memo);

  bool complete = true;
  for (const auto& l : rma.lines) complete = complete && l.outstanding() == 0;
  if (complete) rma.status = returns::ReturnStatus::kReceived;
  for (auto& x : receipts) {
    x.credit_memo_id = memo.id.value();
    x.credit_memo_number = memo.number;
  }
  if (!returns::StoreReceipt(conn, rma, receipts, ctx.now)) {
    return Status(ErrorCode::kPreconditionFailed, "return " + rma.number + " changed");
  }
  rma.version++;
  rma.updated_at = ctx.now;
  for (auto& x : receipts) rma.receipts.push_back(std::move(x));
  if (!orders::TouchOrder(conn, *order, ctx.now, std::nullopt)) {
    return Status(ErrorCode::kPreconditionFailed, "order " + order->number + " changed");
  }

  customers::AddOpenReceivables(conn, memo.customer, -memo.total);
  PostCreditMemo(conn, ctx, memo);
  PostReturnRestock(conn, ctx, rma, restock_cost);
  PostReturnScrap(conn, ctx, rma, scrap_cost);
  BackorderRelease release = ReleaseBackorders(conn, ctx, std::move(restocked));

  int digits = currency.minor_digits;
  json event_lines = json::array();
  for (const auto& r : request.lines) {
    event_lines.push_back({{"line_no", r.line_no},
                           {"sku", rma.Line(r.line_no)->sku},
                           {"quantity", r.quantity},
                           {"disposition", returns::DispositionName(r.disposition)}});
  }
  audit::Record(conn, ctx, "return.receive", "return", rma.id.value(), before,
                returns::ToJson(rma));
  audit::Record(conn, ctx, "credit_memo.issue", "credit_memo", memo.id.value(), nullptr,
                invoicing::ToJson(memo));
  events::Publish(conn, ctx, "return.received", "return", rma.id.value(),
                  {{"id", rma.id.value()},
                   {"number", rma.number},
                   {"order", rma.order_number},
                   {"warehouse", warehouse->code},
                   {"status", returns::StatusName(rma.status)},
                   {"lines", std::move(event_lines)},
                   {"credit_memo", memo.number}});
  events::Publish(conn, ctx, "credit_memo.issued", "credit_memo", memo.id.value(),
                  {{"id", memo.id.value()},
                   {"number", memo.number},
                   {"customer", memo.customer_code},
                   {"return", rma.number},
                   {"invoice", memo.invoice ? json(memo.invoice_number) : json()},
                   {"total", memo.total.Format(digits)}});
  return ReceivedReturn{std::move(rma), std::move(memo), std::move(release)};
}

}  // namespace ordo::flows
