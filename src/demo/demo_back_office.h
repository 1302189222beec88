// The demo distributor's back office, run at the end of each business day of the history:
// the warehouse picks and ships what was allocated to orders placed on earlier days (a few
// shipments short), which invoices them; accounts receivable records the customers' payments
// as they arrive — most around the due date, discount customers often within the discount
// window (taking it), some late, a few in two parts, a few over-paying, some not yet.
//
// Everything goes through the domain commands (flows::CreateShipment, ConfirmShipment,
// ReceivePayment) at the times it happens, so the demo database has shipments, invoices,
// payments, aging and a ledger that agree like any other.
#pragma once

#include <cstdint>
#include <map>

#include "core/status.h"
#include "demo/demo_calendar.h"
#include "demo/demo_random.h"
#include "store/command_executor.h"

namespace ordo::demo {

class DemoBackOffice {
 public:
  DemoBackOffice(store::CommandExecutor& exec, const HistoryWindow& window, uint64_t seed)
      : exec_(exec), window_(window), rng_(seed) {}

  // Ships, then records the payments due on `day` (a business day of the window).
  Status RunDay(int day);

 private:
  struct PaymentPlan {
    int day = 0;  // window index the payment arrives
    bool discount = false;
    bool partial = false;  // half now, the rest two weeks later
    bool over = false;     // a round-up that stays unapplied
  };
  Status Ship(int day);
  Status Collect(int day);
  PaymentPlan Plan(int invoice_day, int due_day, int discount_day);

  store::CommandExecutor& exec_;
  const HistoryWindow& window_;
  DemoRandom rng_;
  std::map<int64_t, PaymentPlan> plans_;  // by invoice id
};

}  // namespace ordo::demo
