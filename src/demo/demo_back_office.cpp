#include "demo/demo_back_office.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "demo/demo_batch.h"
#include "flows/order_shipment.h"
#include "flows/payments.h"
#include "inventory/warehouse_repository.h"
#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "invoicing/open_invoices.h"
#include "orders/order_queries.h"
#include "orders/order_repository.h"
#include "views/invoice_view.h"

namespace ordo::demo {
namespace {

constexpr char kShipper[] = "user:warehouse.lee";
constexpr char kArClerk[] = "user:ar.clerk";
const std::vector<std::string> kCarriers = {"UPS", "FedEx", "XPO", "Estes"};
const std::vector<std::string> kMethods = {"check", "ach", "ach", "wire"};

struct PickTask {
  OrderId order;
  std::string warehouse;
};

struct OpenInvoice {
  int64_t id = 0;
  std::string number;
  std::string customer;
  Date invoice_date, due_date;
  std::optional<Date> discount_date;
  Money balance;
  Money discount_available;
};

}  // namespace

DemoBackOffice::PaymentPlan DemoBackOffice::Plan(int invoice_day, int due_day, int discount_day) {
  PaymentPlan p;
  int64_t draw = rng_.Between(0, 99);
  if (discount_day >= 0 && draw < 55) {
    p.discount = true;
    p.day = invoice_day + static_cast<int>(rng_.Between(3, discount_day - invoice_day));
  } else if (draw < 80) {
    p.day = due_day + static_cast<int>(rng_.Between(-6, 8));
  } else if (draw < 93) {
    p.day = due_day + static_cast<int>(rng_.Between(20, 75));  // late
  } else {
    p.day = window_.days + 1;  // not paid yet
  }
  p.partial = !p.discount && rng_.Chance(90);
  p.over = !p.discount && !p.partial && rng_.Chance(40);
  p.day = std::max(p.day, invoice_day + 1);
  return p;
}

Status DemoBackOffice::RunDay(int day) {
  if (Status st = Ship(day); !st.ok()) return st;
  return Collect(day);
}

Status DemoBackOffice::Ship(int day) {
  const Date today = window_.Day(day);
  // What is allocated to orders placed before today and not on a pick list yet.
  auto tasks = exec_.RunFor<std::vector<PickTask>>(
      [start = At(today, 0)](store::Connection& c) -> Result<std::vector<PickTask>> {
        std::unordered_map<WarehouseId, std::string> codes;
        for (auto& w : inventory::ListWarehouses(c)) codes.emplace(w.id, std::move(w.code));
        std::vector<PickTask> out;
        for (const auto& a : orders::ListAllocatedOrderWarehouses(c, start)) {
          out.push_back({a.order, codes.at(a.warehouse)});
        }
        // Each order's warehouses by code, as the pick lists are made.
        std::sort(out.begin(), out.end(), [](const PickTask& x, const PickTask& y) {
          return std::tie(x.order, x.warehouse) < std::tie(y.order, y.warehouse);
        });
        return out;
      });
  if (!tasks.ok()) return tasks.status();
  CommandBatch batch(exec_);
  int64_t minute = 0;
  for (const PickTask& t : *tasks) {
    CommandContext ctx{kShipper, "", At(today, 15 * kHour + 30 * minute++ % (7 * kHour))};
    flows::ShipmentConfirmation conf;
    conf.carrier = rng_.Pick(kCarriers);
    conf.service = conf.carrier == "UPS" || conf.carrier == "FedEx" ? "Ground" : "LTL";
    conf.tracking_number =
        conf.carrier.substr(0, 2) + std::to_string(rng_.Between(100000000, 999999999));
    conf.packages = {{std::to_string(rng_.Between(2, 60))}};
    conf.freight = Money::FromWhole(rng_.Between(0, 2) * 15);
    const bool short_ship = rng_.Chance(25);
    batch.Add("shipment of order " + std::to_string(t.order.value()),
              [t, ctx, conf, short_ship](store::Connection& c) mutable -> Status {
                auto s = flows::CreateShipment(c, ctx, t.order, t.warehouse);
                // Ships complete only and not fully allocated yet: it waits.
                if (!s.ok())
                  return s.status().code() == ErrorCode::kInvalidState ? Status::Ok() : s.status();
                // Orders that ship complete never ship short: the picker finds it all.
                auto order = orders::LoadOrder(c, t.order);
                bool may_short = order && order->allow_partial_shipment;
                if (short_ship && may_short && s->lines[0].quantity > 1) {
                  conf.lines.push_back({s->lines[0].line_no, s->lines[0].quantity - 1});
                }
                return flows::ConfirmShipment(c, ctx, s->id, conf, std::nullopt).status();
              });
  }
  return batch.Wait();
}

Status DemoBackOffice::Collect(int day) {
  const Date today = window_.Day(day);
  // An invoice already planned to be paid on a later day is not loaded: the loop below would
  // skip it anyway, and over a long history the unpaid ones pile up (this keeps a day's work
  // proportional to what it invoices and collects, not to every invoice still open).
  auto open = exec_.RunFor<std::vector<OpenInvoice>>(
      [today, day, &plans = plans_](store::Connection& c) -> Result<std::vector<OpenInvoice>> {
        std::vector<OpenInvoice> out;
        for (invoicing::InvoiceId id : invoicing::OpenInvoiceIds(c)) {
          if (auto p = plans.find(id.value()); p != plans.end() && p->second.day > day) continue;
          auto v = views::LoadInvoice(c, id);
          out.push_back({id.value(), v->number, v->customer_code, v->invoice_date, v->due_date,
                         v->discount_date, v->balance(),
                         invoicing::EarlyPayDiscountAllowed(c, *v, today)});
        }
        return out;
      });
  if (!open.ok()) return open.status();
  CommandBatch batch(exec_);
  int64_t minute = 0;
  for (const OpenInvoice& v : *open) {
    auto [it, fresh] = plans_.try_emplace(v.id);
    if (fresh) {
      it->second =
          Plan(v.invoice_date.days - window_.first.days, v.due_date.days - window_.first.days,
               v.discount_date ? v.discount_date->days - window_.first.days : -1);
    }
    if (it->second.day > day) continue;
    const PaymentPlan plan = it->second;
    flows::PaymentRequest r;
    r.customer = v.customer;
    r.method = rng_.Pick(kMethods);
    r.reference =
        (r.method == "check" ? "CHK " : "REF ") + std::to_string(rng_.Between(10000, 99999));
    r.received_date = today;
    Money discount =
        plan.discount && v.discount_available.units() > 0 ? v.discount_available : Money();
    Money cash = v.balance - discount;
    if (plan.partial) {
      cash = Money::FromUnits(cash.units() / 200 * 100);  // about half, in whole cents
      it->second.partial = false;
      it->second.day = day + 14;
    } else {
      plans_.erase(it);
    }
    if (cash.is_zero() && discount.is_zero()) continue;
    r.amount = cash;
    if (plan.over) r.amount = Money::FromWhole(cash.units() / Money::kScale + 1);
    r.applications.push_back({v.number, cash, discount});
    CommandContext ctx{kArClerk, "", At(today, 14 * kHour + 5 * minute++)};
    batch.Add("payment of " + v.number,
              [r, ctx](store::Connection& c) { return flows::ReceivePayment(c, ctx, r).status(); });
  }
  return batch.Wait();
}

}  // namespace ordo::demo
