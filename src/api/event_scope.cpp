#include "api/event_scope.h"

#include <nlohmann/json.hpp>

#include "auth/permissions.h"
#include "fulfillment/shipment_repository.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "orders/order_queries.h"
#include "receivables/payment_repository.h"
#include "returns/return_repository.h"

namespace ordo::api {
namespace {

// The invoice a payment event names by number ("payment.applied": {"invoice": "INV-…"}).
std::optional<invoicing::Invoice> InvoiceNamedBy(store::Connection& conn,
                                                 const events::FeedEvent& event) {
  auto payload = nlohmann::json::parse(event.payload_json, nullptr, false);
  if (!payload.is_object() || !payload.contains("invoice") || !payload["invoice"].is_string()) {
    return std::nullopt;
  }
  return invoicing::LoadInvoiceByNumber(conn, payload["invoice"].get<std::string>());
}

}  // namespace

EventScope ScopeOf(store::Connection& conn, const events::FeedEvent& event) {
  const std::string& entity = event.entity;
  EventScope scope;
  scope.permission = "events.read";
  if (entity == "order") {
    scope = {"orders.read", std::nullopt, OrderId(event.entity_id), true};
    if (auto key = orders::FindOrderKey(conn, OrderId(event.entity_id))) {
      scope.customer = key->customer;
    }
  } else if (entity == "shipment") {
    scope = {"shipments.read", std::nullopt, std::nullopt, true};
    if (auto s = fulfillment::LoadShipment(conn, ShipmentId(event.entity_id))) {
      scope.customer = s->customer;
      scope.order = s->order;
    }
  } else if (entity == "invoice") {
    scope = {"invoices.read", std::nullopt, std::nullopt, true};
    if (auto v = invoicing::LoadInvoice(conn, invoicing::InvoiceId(event.entity_id))) {
      scope.customer = v->customer;
      scope.order = v->order;
    }
  } else if (entity == "payment") {
    // Cash applied to an invoice changes what the invoice shows (its balance), so whoever may
    // read invoices hears of it; every role with payments.read has invoices.read too.
    scope = {event.type == "payment.applied" ? "invoices.read" : "payments.read", std::nullopt,
             std::nullopt, true};
    if (auto p = receivables::LoadPayment(conn, receivables::PaymentId(event.entity_id))) {
      scope.customer = p->customer;
      if (auto v = InvoiceNamedBy(conn, event); v && v->customer == p->customer) {
        scope.order = v->order;
      }
    }
  } else if (entity == "return") {
    scope = {"returns.read", std::nullopt, std::nullopt, true};
    if (auto rma = returns::LoadReturn(conn, returns::ReturnId(event.entity_id))) {
      scope.customer = rma->customer;
      scope.order = rma->order;
    }
  } else if (entity == "credit_memo") {
    scope = {"credit_memos.read", std::nullopt, std::nullopt, true};
    if (auto memo = invoicing::LoadCreditMemo(conn, invoicing::CreditMemoId(event.entity_id))) {
      scope.customer = memo->customer;
    }
  } else if (entity == "customer") {
    // Staff only: a customer's events carry its credit terms and internal notes.
    scope = {"customers.read", CustomerId(event.entity_id), std::nullopt, false};
  } else if (entity == "item") {
    scope.permission = "items.read";
  } else if (entity == "warehouse") {
    scope.permission = "inventory.read";
  } else if (entity == "price_tier") {
    scope.permission = "customers.read";
  } else if (entity == "approval") {
    scope.permission = "approvals.read";  // staff only: no customer role has it
  } else if (entity == "approval_rule") {
    scope.permission = "approval_rules.read";
  }
  return scope;
}

bool MayReceive(const auth::Principal& who, const EventScope& scope) {
  if (!auth::Allowed(who, scope.permission)) return false;
  if (!who.customer_id) return true;
  return scope.portal && scope.customer && *scope.customer == *who.customer_id;
}

}  // namespace ordo::api
