#include "flows/payments.h"

#include <set>

#include "audit/audit_log.h"
#include "core/field_path.h"
#include "core/version_check.h"
#include "customers/credit.h"
#include "customers/customer_repository.h"
#include "events/outbox.h"
#include "flows/ledger_postings.h"
#include "flows/order_settlement.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "receivables/payment_repository.h"
#include "views/invoice_view.h"
#include "views/payment_view.h"

namespace ordo::flows {
namespace {

using nlohmann::json;

// The invoices the applications name, checked against the payment; every problem at once.
Result<std::vector<invoicing::Invoice>> CheckApplications(
    store::Connection& conn, const receivables::Payment& payment,
    const std::vector<ApplicationRequest>& apps) {
  std::vector<FieldError> errors;
  std::vector<invoicing::Invoice> invoices;
  std::set<int64_t> seen;  // invoice ids: one invoice named by its id and its number is twice
  Money total;
  for (size_t i = 0; i < apps.size(); ++i) {
    const ApplicationRequest& a = apps[i];
    const std::string at = ElementPath("applications", i);
    auto v = views::FindInvoiceByRef(conn, a.invoice);
    if (!v || v->customer != payment.customer) {
      errors.push_back({FieldPath(at, "invoice"), "not_found",
                        "customer " + payment.customer_code + " has no invoice " + a.invoice});
      invoices.emplace_back();
      continue;
    }
    if (!seen.insert(v->id.value()).second) {
      errors.push_back({FieldPath(at, "invoice"), "duplicate", v->number + " is given twice"});
    }
    if (v->status == invoicing::InvoiceStatus::kVoid) {
      errors.push_back({FieldPath(at, "invoice"), "invalid_state", v->number + " is void"});
    }
    if (a.amount.is_zero() && a.discount.is_zero()) {
      errors.push_back(
          {FieldPath(at, "amount"), "out_of_range", "an application settles something"});
    }
    bool discount_ok = true;
    if (!a.discount.is_zero()) {
      Money allowed = invoicing::EarlyPayDiscountAllowed(conn, *v, payment.received_date);
      if (a.discount > allowed) {
        discount_ok = false;
        errors.push_back(
            {FieldPath(at, "discount"), "discount_not_allowed",
             v->discount_date && payment.received_date > *v->discount_date
                 ? "the discount window of " + v->number + " closed on " +
                       FormatDate(*v->discount_date)
                 : "at most " + allowed.Format(2) + " of discount is allowed on " + v->number});
      }
    }
    if (a.amount + a.discount > v->balance()) {
      errors.push_back({FieldPath(at, "amount"), "exceeds_balance",
                        v->number + " has a balance of " + v->balance().Format(2)});
    } else if (discount_ok && !a.discount.is_zero() && a.amount + a.discount != v->balance()) {
      // The discount is for paying the invoice in full within the window: never for part.
      errors.push_back({FieldPath(at, "discount"), "discount_not_allowed",
                        "a discount is allowed only with the payment that settles " + v->number +
                            " (balance " + v->balance().Format(2) + ")"});
    }
    total += a.amount;
    invoices.push_back(std::move(*v));
  }
  if (total > payment.unapplied()) {
    errors.push_back({"applications", "exceeds_payment",
                      "the applications total " + total.Format(2) + " but " + payment.number +
                          " has " + payment.unapplied().Format(2) + " unapplied"});
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the applications do not fit", std::move(errors));
  }
  return invoices;
}

// Writes the checked applications: invoice settlements, the payment's applied amount,
// discounts in the ledger and the customer's receivables, audit and events.
Status Apply(store::Connection& conn, const CommandContext& ctx, receivables::Payment& payment,
             const std::vector<ApplicationRequest>& apps, std::vector<invoicing::Invoice>& invoices,
             Date applied_date) {
  std::set<OrderId> orders;
  for (size_t i = 0; i < apps.size(); ++i) {
    invoicing::Invoice& v = invoices[i];
    json before = invoicing::ToJson(v);
    v.amount_paid += apps[i].amount;
    v.discount_taken += apps[i].discount;
    if (!invoicing::StoreSettlement(conn, v, ctx.now)) {
      return Status(ErrorCode::kPreconditionFailed, "invoice " + v.number + " changed");
    }
    v.version++;
    v.status =
        v.balance().is_zero() ? invoicing::InvoiceStatus::kPaid : invoicing::InvoiceStatus::kOpen;
    // A payment received before the invoice was dated (an advance, entered late) is applied
    // on the invoice's date, so reports as of any day see the invoice and its settlement
    // together.
    Date on = std::max(applied_date, v.invoice_date);
    receivables::PaymentApplication a{v.id, v.number, apps[i].amount, apps[i].discount,
                                      on,   ctx.now};
    if (!receivables::AddApplication(conn, payment, a)) {
      return Status(ErrorCode::kPreconditionFailed, "payment " + payment.number + " changed");
    }
    payment.version++;
    payment.amount_applied += a.amount;
    payment.applications.push_back(a);
    if (!a.discount.is_zero()) {
      PostDiscountAllowed(conn, ctx, payment, v, a.discount, on);
      customers::AddOpenReceivables(conn, payment.customer, -a.discount);
    }
    audit::Record(conn, ctx, "invoice.settle", "invoice", v.id.value(), before,
                  invoicing::ToJson(v));
    events::Publish(conn, ctx, "payment.applied", "payment", payment.id.value(),
                    {{"payment", payment.number},
                     {"invoice", v.number},
                     {"amount", a.amount.Format(2)},
                     {"discount", a.discount.Format(2)},
                     {"invoice_balance", v.balance().Format(2)}});
    orders.insert(v.order);
  }
  for (OrderId o : orders) RefreshOrderSettlement(conn, ctx, o);
  return Status::Ok();
}

}  // namespace

Result<receivables::Payment> ReceivePayment(store::Connection& conn, const CommandContext& ctx,
                                            const PaymentRequest& request) {
  auto customer = customers::FindCustomerByRef(conn, request.customer);
  if (!customer) return Status::NotFound("no customer " + request.customer);
  Date today = DateOf(ctx.now);
  receivables::Payment p;
  p.customer = customer->id;
  p.customer_code = customer->code;
  p.amount = request.amount;
  p.method = request.method;
  p.reference = request.reference;
  p.received_date = request.received_date.value_or(today);
  p.created_by = ctx.actor;
  p.created_at = ctx.now;
  if (p.received_date > today) {
    return Status::InvalidArgument(
        "a payment cannot be received in the future",
        {{"received_date", "out_of_range", "received_date is today or earlier"}});
  }
  auto invoices = CheckApplications(conn, p, request.applications);
  if (!invoices.ok()) return invoices.status();

  // Everything is checked: from here on the command writes.
  p.number = receivables::NextPaymentNumber(conn);
  receivables::InsertPayment(conn, p);
  PostPaymentReceived(conn, ctx, p);
  customers::AddOpenReceivables(conn, p.customer, -p.amount);
  audit::Record(conn, ctx, "payment.receive", "payment", p.id.value(), nullptr,
                receivables::ToJson(p));
  events::Publish(conn, ctx, "payment.received", "payment", p.id.value(),
                  {{"id", p.id.value()},
                   {"number", p.number},
                   {"customer", p.customer_code},
                   {"amount", p.amount.Format(2)},
                   {"method", p.method}});
  if (!request.applications.empty()) {
    json before = receivables::ToJson(p);
    if (Status st = Apply(conn, ctx, p, request.applications, *invoices, p.received_date);
        !st.ok()) {
      return st;
    }
    audit::Record(conn, ctx, "payment.apply", "payment", p.id.value(), before,
                  receivables::ToJson(p));
  }
  return p;
}

Result<receivables::Payment> ApplyPayment(store::Connection& conn, const CommandContext& ctx,
                                          receivables::PaymentId id,
                                          const std::vector<ApplicationRequest>& applications,
                                          std::optional<int64_t> expected_version) {
  auto loaded = views::LoadPayment(conn, id);
  if (!loaded) return Status::NotFound("no payment " + std::to_string(id.value()));
  receivables::Payment p = std::move(*loaded);
  if (Status st = CheckVersion(expected_version, p.version, "payment", p.number); !st.ok()) {
    return st;
  }
  auto invoices = CheckApplications(conn, p, applications);
  if (!invoices.ok()) return invoices.status();
  json before = receivables::ToJson(p);
  if (Status st = Apply(conn, ctx, p, applications, *invoices, DateOf(ctx.now)); !st.ok()) {
    return st;
  }
  audit::Record(conn, ctx, "payment.apply", "payment", p.id.value(), before,
                receivables::ToJson(p));
  return p;
}

}  // namespace ordo::flows
