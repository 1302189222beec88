#include "bench_setup.h"

#include <stdexcept>

#include "catalog/item_commands.h"
#include "core/clock.h"
#include "customers/customer_commands.h"
#include "inventory/stock_commands.h"
#include "inventory/warehouse_repository.h"

namespace ordo::bench {
namespace {

void Check(const Status& st) {
  if (!st.ok()) throw std::runtime_error("bench setup: " + st.ToString());
}

}  // namespace

BenchCatalog SetUpBenchCatalog(store::CommandExecutor& exec, const BenchScale& scale) {
  SystemClock clock;
  CommandContext ctx{"bench", "", clock.Now()};
  BenchCatalog cat;
  Check(exec.Run([&](store::Connection& c) -> Status {
    customers::SavePriceTier(c, ctx, {"B", "Tier B", 1000});
    for (int w = 0; w < scale.warehouses; ++w) {
      inventory::Warehouse wh;
      wh.code = "W" + std::to_string(w + 1);
      wh.name = "Warehouse " + std::to_string(w + 1);
      wh.allocation_rank = 10 * (w + 1);
      auto r = inventory::CreateWarehouse(c, ctx, wh);
      if (!r.ok()) return r.status();
      cat.warehouses.push_back(wh.code);
    }
    for (int i = 0; i < scale.items; ++i) {
      catalog::NewItem item;
      item.sku = "SKU-" + std::to_string(10000 + i);
      item.name = "Bench item " + std::to_string(i);
      item.packs = {{"CS", 12}};
      item.list_price = Money::FromUnits(10'000 + 137 * i);
      item.cost = Money::FromUnits(6'000 + 80 * i);
      auto r = catalog::CreateItem(c, ctx, item);
      if (!r.ok()) return r.status();
      cat.skus.push_back(item.sku);
    }
    for (const auto& w : cat.warehouses) {
      inventory::Receipt receipt{w, {}, "bench stock"};
      for (const auto& sku : cat.skus) receipt.lines.push_back({sku, scale.stock_per_item});
      if (Status st = inventory::ReceiveStock(c, ctx, receipt); !st.ok()) return st;
    }
    for (int i = 0; i < scale.customers; ++i) {
      customers::NewCustomer cust;
      cust.code = "C-" + std::to_string(1001 + i);
      cust.name = "Bench customer " + std::to_string(i);
      cust.credit_limit = Money::FromWhole(900'000'000'000);
      if (i % 2 == 0) cust.price_tier = "B";
      cust.ship_tos = {{"MAIN", "Main dock", {}, std::nullopt}};
      auto r = customers::CreateCustomer(c, ctx, cust);
      if (!r.ok()) return r.status();
      cat.customers.push_back(cust.code);
    }
    return Status::Ok();
  }));
  return cat;
}

}  // namespace ordo::bench
