#include "flows/credit_memo_settlement.h"

#include <charconv>
#include <map>

#include "audit/audit_log.h"
#include "core/field_path.h"
#include "core/version_check.h"
#include "customers/credit.h"
#include "events/outbox.h"
#include "flows/ledger_postings.h"
#include "flows/order_settlement.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "views/credit_memo_view.h"
#include "views/invoice_view.h"

namespace ordo::flows {
namespace {

using nlohmann::json;

Result<invoicing::CreditMemo> LoadForSettlement(store::Connection& conn, invoicing::CreditMemoId id,
                                                std::optional<int64_t> expected_version) {
  auto memo = views::LoadCreditMemo(conn, id);
  if (!memo) return Status::NotFound("no credit memo " + std::to_string(id.value()));
  if (Status st = CheckVersion(expected_version, memo->version, "credit memo", memo->number);
      !st.ok()) {
    return st;
  }
  if (memo->balance() <= Money()) {
    return Status::InvalidState("credit memo " + memo->number + " has no balance left");
  }
  return std::move(*memo);
}

}  // namespace

Result<invoicing::CreditMemo> ApplyCreditMemo(store::Connection& conn, const CommandContext& ctx,
                                              invoicing::CreditMemoId id,
                                              const std::vector<MemoApplication>& applications,
                                              std::optional<int64_t> expected_version) {
  auto loaded = LoadForSettlement(conn, id, expected_version);
  if (!loaded.ok()) return loaded.status();
  invoicing::CreditMemo memo = std::move(loaded).value();
  int digits = FindCurrency(memo.currency).value_or(kUsd).minor_digits;

  std::vector<FieldError> errors;
  std::map<invoicing::InvoiceId, invoicing::Invoice> invoices;
  std::vector<invoicing::InvoiceId> order_of_invoices;
  std::vector<invoicing::InvoiceId> targets;  // per application
  Money total;
  for (size_t i = 0; i < applications.size(); ++i) {
    const MemoApplication& a = applications[i];
    const std::string at = ElementPath("applications", i);
    targets.emplace_back();
    if (!a.amount.IsExactAt(digits)) {
      errors.push_back({FieldPath(at, "amount"), "invalid_value",
                        "amount is in whole minor units of " + memo.currency});
      continue;
    }
    auto found = views::FindInvoiceByRef(conn, a.invoice);
    if (!found) {
      errors.push_back({FieldPath(at, "invoice"), "not_found", "no invoice " + a.invoice});
      continue;
    }
    if (found->customer != memo.customer) {
      errors.push_back({FieldPath(at, "invoice"), "other_customer",
                        "invoice " + found->number + " is not " + memo.customer_code + "'s"});
      continue;
    }
    if (found->status == invoicing::InvoiceStatus::kVoid) {
      errors.push_back(
          {FieldPath(at, "invoice"), "invalid_state", "invoice " + found->number + " is void"});
      continue;
    }
    auto [it, inserted] = invoices.emplace(found->id, std::move(*found));
    if (inserted) order_of_invoices.push_back(it->first);
    invoicing::Invoice& v = it->second;
    if (a.amount > v.balance()) {
      errors.push_back({FieldPath(at, "amount"), "exceeds_balance",
                        "invoice " + v.number + " has " + v.balance().Format(digits) + " open"});
      continue;
    }
    v.amount_credited += a.amount;  // in memory: later applications see what is left
    targets.back() = v.id;
    total += a.amount;
  }
  if (errors.empty() && total > memo.balance()) {
    errors.push_back({"applications", "exceeds_balance",
                      "credit memo " + memo.number + " has " + memo.balance().Format(digits) +
                          " left, the applications total " + total.Format(digits)});
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the applications do not fit credit memo " + memo.number,
                                   std::move(errors));
  }

  json before = invoicing::ToJson(memo);
  for (auto id_of : order_of_invoices) {
    const invoicing::Invoice& v = invoices.at(id_of);
    auto stored = views::LoadInvoice(conn, v.id);  // the image before, for the audit
    if (!invoicing::StoreSettlement(conn, v, ctx.now)) {
      return Status(ErrorCode::kPreconditionFailed, "invoice " + v.number + " changed");
    }
    invoicing::Invoice after = v;
    after.version++;
    after.status = after.balance().is_zero() ? invoicing::InvoiceStatus::kPaid
                                             : invoicing::InvoiceStatus::kOpen;
    audit::Record(conn, ctx, "invoice.settle", "invoice", v.id.value(),
                  stored ? invoicing::ToJson(*stored) : json(), invoicing::ToJson(after));
  }
  json event_applications = json::array();
  for (size_t i = 0; i < applications.size(); ++i) {
    const invoicing::Invoice& v = invoices.at(targets[i]);
    invoicing::InsertApplication(conn, memo.id, v.id, applications[i].amount, ctx.now, ctx.actor);
    memo.applications.push_back({v.id, v.number, applications[i].amount, ctx.now});
    event_applications.push_back(
        {{"invoice", v.number}, {"amount", applications[i].amount.Format(digits)}});
  }
  for (auto id_of : order_of_invoices) RefreshOrderSettlement(conn, ctx, invoices.at(id_of).order);
  memo.amount_applied += total;
  if (!invoicing::StoreCreditMemoSettlement(conn, memo, ctx.now)) {
    return Status(ErrorCode::kPreconditionFailed, "credit memo " + memo.number + " changed");
  }
  memo.version++;
  memo.status = memo.DerivedStatus();
  memo.updated_at = ctx.now;
  audit::Record(conn, ctx, "credit_memo.apply", "credit_memo", memo.id.value(), before,
                invoicing::ToJson(memo));
  events::Publish(conn, ctx, "credit_memo.applied", "credit_memo", memo.id.value(),
                  {{"id", memo.id.value()},
                   {"number", memo.number},
                   {"customer", memo.customer_code},
                   {"amount", total.Format(digits)},
                   {"applications", std::move(event_applications)},
                   {"balance", memo.balance().Format(digits)}});
  return memo;
}

Result<invoicing::CreditMemo> RefundCreditMemo(store::Connection& conn, const CommandContext& ctx,
                                               invoicing::CreditMemoId id, const MemoRefund& refund,
                                               std::optional<int64_t> expected_version) {
  auto loaded = LoadForSettlement(conn, id, expected_version);
  if (!loaded.ok()) return loaded.status();
  invoicing::CreditMemo memo = std::move(loaded).value();
  int digits = FindCurrency(memo.currency).value_or(kUsd).minor_digits;
  if (!refund.amount.IsExactAt(digits)) {
    return Status::InvalidArgument(
        "invalid refund",
        {{"amount", "invalid_value", "amount is in whole minor units of " + memo.currency}});
  }
  if (refund.amount > memo.balance()) {
    return Status::InvalidArgument(
        "invalid refund",
        {{"amount", "exceeds_balance",
          "credit memo " + memo.number + " has " + memo.balance().Format(digits) + " left"}});
  }
  json before = invoicing::ToJson(memo);
  invoicing::CreditMemoRefund r{refund.amount, refund.method, refund.reference, ctx.now};
  invoicing::InsertRefund(conn, memo.id, r, ctx.actor);
  memo.amount_refunded += refund.amount;
  if (!invoicing::StoreCreditMemoSettlement(conn, memo, ctx.now)) {
    return Status(ErrorCode::kPreconditionFailed, "credit memo " + memo.number + " changed");
  }
  memo.version++;
  memo.status = memo.DerivedStatus();
  memo.updated_at = ctx.now;
  memo.refunds.push_back(std::move(r));
  customers::AddOpenReceivables(conn, memo.customer, refund.amount);
  PostCreditMemoRefund(conn, ctx, memo, refund.amount);
  audit::Record(conn, ctx, "credit_memo.refund", "credit_memo", memo.id.value(), before,
                invoicing::ToJson(memo));
  events::Publish(conn, ctx, "credit_memo.refunded", "credit_memo", memo.id.value(),
                  {{"id", memo.id.value()},
                   {"number", memo.number},
                   {"customer", memo.customer_code},
                   {"amount", refund.amount.Format(digits)},
                   {"method", refund.method},
                   {"reference", refund.reference},
                   {"balance", memo.balance().Format(digits)}});
  return memo;
}

}  // namespace ordo::flows
