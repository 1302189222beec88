#include "auth/permissions.h"

#include <algorithm>
#include <vector>

namespace ordo::auth {
namespace {

struct Permission {
  std::string_view action;
  std::vector<Role> roles;  // besides admin, which may do everything
};

using enum Role;

// The single source of truth for authorization. Keep one row per action.
const Permission kTable[] = {
    {"orders.read", {kSales, kSalesManager, kArClerk, kWarehouse, kCustomer, kIntegration}},
    {"orders.place", {kSales, kSalesManager, kCustomer, kIntegration}},
    {"orders.cancel", {kSales, kSalesManager}},
    // A manual unit price on an order line (with a reason): order-entry staff only, never the
    // portal or an integration, whose prices come from the list and the customer's tier.
    {"orders.override_price", {kSales, kSalesManager}},
    {"orders.release_hold", {kSalesManager, kArClerk}},
    {"items.read", {kSales, kSalesManager, kWarehouse, kCustomer, kIntegration}},
    {"items.write", {}},
    {"customers.read", {kSales, kSalesManager, kArClerk, kCustomer, kIntegration}},
    {"customers.write", {kSalesManager, kArClerk}},
    {"inventory.read", {kSales, kSalesManager, kWarehouse, kIntegration}},
    {"inventory.write", {kWarehouse}},
    {"warehouses.write", {}},
    {"shipments.read", {kSales, kSalesManager, kArClerk, kWarehouse, kCustomer, kIntegration}},
    {"shipments.write", {kWarehouse}},
    {"invoices.read", {kSales, kSalesManager, kArClerk, kCustomer, kIntegration}},
    {"tax_rates.read", {kSales, kSalesManager, kArClerk}},
    {"tax_rates.write", {}},
    {"ledger.read", {kArClerk}},
    // Cash receipts: the AR clerk, and an integration posting card or bank payments.
    {"payments.write", {kArClerk, kIntegration}},
    {"payments.read", {kSalesManager, kArClerk, kCustomer, kIntegration}},
    {"receivables.read", {kSalesManager, kArClerk}},
    {"statements.read", {kSales, kSalesManager, kArClerk, kCustomer}},
    {"returns.read", {kSales, kSalesManager, kArClerk, kWarehouse, kCustomer, kIntegration}},
    {"returns.write", {kSales, kSalesManager, kCustomer}},
    {"returns.receive", {kWarehouse}},
    {"credit_memos.read", {kSalesManager, kArClerk, kCustomer, kIntegration}},
    {"credit_memos.write", {kArClerk}},
    {"audit.read", {kSalesManager, kArClerk}},
    {"events.read", {kIntegration}},
    {"users.write", {}},
    {"metrics.read", {kIntegration}},
    // Who the users are, their roles and customers (never a secret): admin only.
    {"users.read", {}},
    // The dashboard's sales reports (orders, ordered value, top customers and items, open
    // orders and holds): the sales manager.
    {"reports.read", {kSalesManager}},
    // Price tiers are the discounts every customer of a tier gets: the administrator's.
    {"price_tiers.write", {}},
    // Pricing rules (price lists with their prices and breaks, contracts, promotions, a
    // customer's price list and pricing group): sales read them, the sales manager sets them.
    {"pricing.read", {kSales, kSalesManager}},
    {"pricing.write", {kSalesManager}},
    // Product lines group items for pricing and reports; their minimum margins are the
    // distributor's, so the portal does not read them. Only the administrator changes them.
    {"product_lines.read", {kSales, kSalesManager, kIntegration}},
    {"product_lines.write", {}},
    // A customer's tax exemption certificates: order entry and AR see them; AR, who collects
    // and files the certificates, records and removes them.
    {"tax_exemptions.read", {kSales, kSalesManager, kArClerk}},
    {"tax_exemptions.write", {kArClerk}},
    // Customers' own part numbers for our items: kept by those who take their orders and by the
    // integrations that bring them (EDI), read by credit staff too; never the portal.
    {"part_numbers.read", {kSales, kSalesManager, kArClerk, kIntegration}},
    {"part_numbers.write", {kSales, kSalesManager, kIntegration}},
    // Configurable products: order entry reads and evaluates them (not the portal yet); the
    // sales manager and the administrator define them.
    {"configurators.read", {kSales, kSalesManager, kIntegration}},
    {"configurators.write", {kSalesManager}},
    // Approvals: what waits is read by those who decide; each hold kind is decided by its role
    // (approval and pricing by the sales manager, credit by the AR clerk).
    {"approvals.read", {kSalesManager, kArClerk}},
    {"approvals.decide_approval", {kSalesManager}},
    {"approvals.decide_pricing", {kSalesManager}},
    {"approvals.decide_credit", {kArClerk}},
    // The approval rules and their thresholds: the sales manager's.
    {"approval_rules.read", {kSalesManager}},
    {"approval_rules.write", {kSalesManager}},
    // Quotes: sales make, revise, accept and cancel them; a portal customer reads its own.
    {"quotes.read", {kSales, kSalesManager, kCustomer}},
    {"quotes.write", {kSales, kSalesManager}},
    // Changing a placed order (quantities, prices, dates, lines, ship-to): order-entry staff,
    // who may set manual prices too; never the portal or an integration.
    {"orders.change", {kSales, kSalesManager}},
};

}  // namespace

bool RoleAllowed(Role role, std::string_view action) {
  if (role == kAdmin) return true;
  for (const auto& p : kTable) {
    if (p.action == action) {
      return std::find(p.roles.begin(), p.roles.end(), role) != p.roles.end();
    }
  }
  return false;
}

bool Allowed(const Principal& principal, std::string_view action) {
  return std::any_of(principal.roles.begin(), principal.roles.end(),
                     [&](Role r) { return RoleAllowed(r, action); });
}

std::vector<std::string_view> KnownActions() {
  std::vector<std::string_view> out;
  for (const auto& p : kTable) out.push_back(p.action);
  return out;
}

}  // namespace ordo::auth
