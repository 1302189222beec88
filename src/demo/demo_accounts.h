// The demo distributor's warehouses, price tiers and customer accounts.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/money.h"
#include "customers/customer.h"
#include "customers/customer_repository.h"
#include "demo/demo_catalog.h"
#include "demo/demo_random.h"
#include "inventory/warehouse.h"

namespace ordo::demo {

// ATL (Atlanta GA), DAL (Dallas TX), CHI (Chicago IL), in allocation rank order.
std::vector<inventory::Warehouse> DemoWarehouses();
// A 5%, B 10%, C 15% off list.
std::vector<customers::PriceTier> DemoPriceTiers();

struct DemoCustomer {
  customers::NewCustomer account;   // credit_limit is set by SizeCreditLimits()
  int weight = 1;                   // relative share of the orders
  std::string channel;              // how it usually orders: phone, email, web, portal, edi
  std::string rep_actor;            // who enters its phone and email orders
  int po_style = 0;                 // 0..3, how its PO numbers look
  std::vector<size_t> usual_items;  // catalog indices it orders again and again
  bool tight_credit = false;        // its limit is below what it will order
};

// `count` customers "C-1001".. with company names, bill-to and 1-4 ship-tos (some preferring
// the nearest warehouse), terms, tiers and salespeople; about 2 on hold and 1-2 tax exempt.
std::vector<DemoCustomer> BuildCustomers(DemoRandom& rng, int count,
                                         const std::vector<DemoItem>& catalog);

// Sets each credit limit from `planned`, the value of the customer's planned orders over
// `history_days`: well above it for most customers, and for a few about a third of it (of 120
// days' worth when the history is longer), whose later orders then go on credit hold
// through ordinary credit checks. REQUIRES: planned.size() == customers.size(),
// history_days >= 1.
void SizeCreditLimits(DemoRandom& rng, const std::vector<Money>& planned, int history_days,
                      std::vector<DemoCustomer>& customers);

}  // namespace ordo::demo
