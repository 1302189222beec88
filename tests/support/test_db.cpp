#include "support/test_db.h"

#include <stdexcept>
#include <utility>

#include "catalog/item_commands.h"
#include "customers/customer_commands.h"
#include "flows/order_changes.h"
#include "flows/order_placement.h"
#include "flows/stock_changes.h"
#include "inventory/stock_commands.h"
#include "inventory/warehouse_repository.h"
#include "invoicing/tax_rates.h"
#include "orders/order_repository.h"
#include "store/migrations.h"
#include "store/query.h"
#include "views/order_view.h"

namespace ordo::test_support {
namespace {

constexpr Timestamp kStart{1'772'442'000'000'000};  // 2026-03-02T09:00:00Z

template <typename T>
T ValueOrThrow(Result<T> result, std::string_view what) {
  if (!result.ok()) {
    throw std::runtime_error(std::string(what) + " failed: " + result.status().ToString());
  }
  return std::move(result).value();
}

void OkOrThrow(const Status& status, std::string_view what) {
  if (!status.ok()) throw std::runtime_error(std::string(what) + " failed: " + status.ToString());
}

}  // namespace

TestDb::TestDb(TestDbOptions options) : options_(std::move(options)), clock_(kStart) {
  store::SqliteOptions sqlite;
  sqlite.synchronous = options_.synchronous;
  store::ConnectionPtr writer = db_.Connect(sqlite);
  auto applied = store::Migrate(*writer, clock_);
  if (!applied.ok()) throw std::runtime_error("migrate: " + applied.status().ToString());
  executor_ = std::make_unique<store::CommandExecutor>(
      std::move(writer), store::CommandExecutor::Options{options_.max_batch});
}

void TestDb::RestartExecutor() {
  executor_.reset();
  store::SqliteOptions sqlite;
  sqlite.synchronous = options_.synchronous;
  executor_ = std::make_unique<store::CommandExecutor>(
      db_.Connect(sqlite), store::CommandExecutor::Options{options_.max_batch});
}

TestDb::~TestDb() {
  reader_.reset();
  executor_.reset();
}

CommandContext TestDb::Context(std::string_view actor) const {
  return CommandContext{std::string(actor), "req-test", clock_.Now()};
}

store::Connection& TestDb::reader() {
  if (!reader_) reader_ = db_.Connect();
  return *reader_;
}

int64_t TestDb::Count(std::string_view table) {
  return QueryInt("SELECT COUNT(*) FROM " + std::string(table));
}

int64_t TestDb::QueryInt(std::string_view sql) {
  store::Query q(reader(), sql);
  if (!q.Next()) throw std::runtime_error("no row from " + std::string(sql));
  return q.Int(0);
}

std::map<std::string, int64_t> TestDb::Snapshot() {
  std::map<std::string, int64_t> out;
  for (const char* table : {"warehouses",
                            "items",
                            "item_packs",
                            "price_tiers",
                            "customers",
                            "ship_tos",
                            "customer_balances",
                            "stock",
                            "stock_movements",
                            "stock_movements_by_item",
                            "orders",
                            "order_lines",
                            "order_allocations",
                            "order_holds",
                            "shipments",
                            "shipment_lines",
                            "invoices",
                            "invoice_lines",
                            "tax_rates",
                            "tax_exemptions",
                            "journal_entries",
                            "journal_lines",
                            "audit_log",
                            "outbox_events",
                            "returns",
                            "return_lines",
                            "return_receipts",
                            "credit_memos",
                            "credit_memo_lines",
                            "credit_memo_applications",
                            "credit_memo_refunds",
                            "payments",
                            "payment_applications"}) {
    out[table] = Count(table);
  }
  out["sequences.SO"] = QueryInt("SELECT next_value FROM sequences WHERE name = 'SO'");
  out["sequences.SH"] = QueryInt("SELECT next_value FROM sequences WHERE name = 'SH'");
  out["sequences.IN"] = QueryInt("SELECT next_value FROM sequences WHERE name = 'IN'");
  out["sequences.PM"] = QueryInt("SELECT next_value FROM sequences WHERE name = 'PM'");
  out["invoices.settled"] = QueryInt(
      "SELECT COALESCE(SUM(amount_paid + discount_taken + amount_credited), 0) FROM invoices");
  out["sequences.RA"] = QueryInt("SELECT next_value FROM sequences WHERE name = 'RA'");
  out["sequences.CM"] = QueryInt("SELECT next_value FROM sequences WHERE name = 'CM'");
  out["order_lines.quantity_returned"] =
      QueryInt("SELECT COALESCE(SUM(quantity_returned), 0) FROM order_lines");
  out["invoices.amount_credited"] =
      QueryInt("SELECT COALESCE(SUM(amount_credited), 0) FROM invoices");
  out["credit_memos.settled"] =
      QueryInt("SELECT COALESCE(SUM(amount_applied + amount_refunded), 0) FROM credit_memos");
  out["order_lines.quantity_shipped"] =
      QueryInt("SELECT COALESCE(SUM(quantity_shipped), 0) FROM order_lines");
  out["stock.on_hand"] = QueryInt("SELECT COALESCE(SUM(on_hand), 0) FROM stock");
  out["stock.allocated"] = QueryInt("SELECT COALESCE(SUM(allocated), 0) FROM stock");
  out["customer_balances.open_order_value"] =
      QueryInt("SELECT COALESCE(SUM(open_order_value), 0) FROM customer_balances");
  out["customer_balances.open_receivables"] =
      QueryInt("SELECT COALESCE(SUM(open_receivables), 0) FROM customer_balances");
  return out;
}

inventory::Warehouse TestDb::AddWarehouse(const std::string& code, int rank) {
  inventory::Warehouse w;
  w.code = code;
  w.name = "Warehouse " + code;
  w.allocation_rank = rank;
  CommandContext ctx = Context("system");
  return ValueOrThrow(executor_->RunFor<inventory::Warehouse>([&](store::Connection& c) {
    return inventory::CreateWarehouse(c, ctx, w);
  }),
                      "CreateWarehouse " + code);
}

catalog::Item TestDb::AddItem(const std::string& sku, const std::string& list_price,
                              std::vector<PackSize> packs, bool active) {
  catalog::NewItem in;
  in.sku = sku;
  in.name = "Item " + sku;
  in.packs = std::move(packs);
  in.list_price = Dollars(list_price);
  in.cost = Money();
  in.active = active;
  CommandContext ctx = Context("system");
  return ValueOrThrow(executor_->RunFor<catalog::Item>(
                          [&](store::Connection& c) { return catalog::CreateItem(c, ctx, in); }),
                      "CreateItem " + sku);
}

catalog::Item TestDb::AddItem(const catalog::NewItem& in) {
  CommandContext ctx = Context("system");
  return ValueOrThrow(executor_->RunFor<catalog::Item>(
                          [&](store::Connection& c) { return catalog::CreateItem(c, ctx, in); }),
                      "CreateItem " + in.sku);
}

void TestDb::SetTaxRate(const std::string& region, const std::string& tax_class,
                        const std::string& percent) {
  auto ppm = invoicing::ParseRatePercent(percent);
  if (!ppm.ok()) throw std::runtime_error("bad tax rate " + percent);
  CommandContext ctx = Context("system");
  Status st = executor_->Run([&](store::Connection& c) {
    return invoicing::SaveTaxRate(c, ctx, {region, tax_class, *ppm});
  });
  if (!st.ok()) throw std::runtime_error("SetTaxRate: " + st.ToString());
}

customers::Customer TestDb::AddCustomer(const customers::NewCustomer& customer) {
  CommandContext ctx = Context("system");
  return ValueOrThrow(executor_->RunFor<customers::Customer>([&](store::Connection& c) {
    return customers::CreateCustomer(c, ctx, customer);
  }),
                      "CreateCustomer " + customer.code);
}

void TestDb::SaveTier(const std::string& code, int discount_bp) {
  CommandContext ctx = Context("system");
  OkOrThrow(executor_->Run([&](store::Connection& c) {
    return customers::SavePriceTier(c, ctx, {code, "Tier " + code, discount_bp});
  }),
            "SavePriceTier " + code);
}

void TestDb::Receive(const std::string& warehouse, const std::string& sku, int64_t quantity) {
  inventory::Receipt r{warehouse, {{sku, quantity}}, "PO-TEST"};
  CommandContext ctx = Context("system");
  OkOrThrow(
      executor_->Run([&](store::Connection& c) { return flows::ReceiveStock(c, ctx, r).status(); }),
      "ReceiveStock " + sku + "@" + warehouse);
}

Result<orders::Order> TestDb::Place(const flows::PlaceOrderRequest& request,
                                    std::string_view actor) {
  CommandContext ctx = Context(actor);
  return executor_->RunFor<orders::Order>(
      [&](store::Connection& c) { return flows::PlaceOrder(c, ctx, request); });
}

Result<orders::Order> TestDb::Cancel(OrderId id, const std::string& reason, std::string_view actor,
                                     std::optional<int64_t> expected_version) {
  CommandContext ctx = Context(actor);
  return executor_->RunFor<orders::Order>([&](store::Connection& c) {
    return flows::CancelOrder(c, ctx, id, reason, expected_version);
  });
}

Result<orders::Order> TestDb::ReleaseHold(OrderId id, const std::string& kind,
                                          const std::string& note, std::string_view actor,
                                          std::optional<int64_t> expected_version) {
  CommandContext ctx = Context(actor);
  return executor_->RunFor<orders::Order>([&](store::Connection& c) {
    return flows::ReleaseHold(c, ctx, id, kind, note, expected_version);
  });
}

std::optional<orders::Order> TestDb::LoadOrder(OrderId id) {
  return views::LoadOrder(reader(), id);
}

std::optional<orders::Order> TestDb::LoadOrder(std::string_view number) {
  return views::LoadOrderByNumber(reader(), number);
}

TestDb::StockRow TestDb::Stock(const std::string& sku, const std::string& warehouse) {
  store::Query q(reader(),
                 "SELECT s.on_hand, s.allocated FROM stock s JOIN items i ON i.id = s.item_id "
                 "JOIN warehouses w ON w.id = s.warehouse_id WHERE i.sku = ? AND w.code = ?",
                 sku, warehouse);
  if (!q.Next()) return {};
  return StockRow{q.Int(0), q.Int(1)};
}

Money TestDb::OpenOrderValue(const std::string& customer_code) {
  store::Query q(reader(),
                 "SELECT b.open_order_value FROM customer_balances b "
                 "JOIN customers c ON c.id = b.customer_id WHERE c.code = ?",
                 customer_code);
  if (!q.Next()) throw std::runtime_error("no balance for " + customer_code);
  return q.Amount(0);
}

customers::NewCustomer SimpleCustomer(const std::string& code, const std::string& credit_limit,
                                      std::optional<std::string> preferred_warehouse) {
  customers::NewCustomer c;
  c.code = code;
  c.name = "Customer " + code;
  c.payment_terms = "NET30";
  c.credit_limit = Dollars(credit_limit);
  customers::NewShipTo ship_to;
  ship_to.code = "MAIN";
  ship_to.name = "Main dock";
  ship_to.preferred_warehouse = std::move(preferred_warehouse);
  c.ship_tos.push_back(std::move(ship_to));
  return c;
}

flows::PlaceOrderRequest OrderFor(const std::string& customer, const std::vector<LineSpec>& lines) {
  flows::PlaceOrderRequest r;
  r.customer = customer;
  r.channel = "api";
  for (const auto& l : lines) {
    r.lines.push_back({l.sku, l.quantity, l.uom, l.unit_price, l.override_reason});
  }
  return r;
}

Money Dollars(std::string_view text) {
  Result<Money> m = Money::Parse(text);
  if (!m.ok()) throw std::invalid_argument("bad amount " + std::string(text));
  return *m;
}

}  // namespace ordo::test_support
