#include "demo/demo_returns.h"

#include <algorithm>
#include <string>
#include <vector>

#include "demo/demo_random.h"
#include "flows/credit_memo_settlement.h"
#include "flows/return_authorization.h"
#include "flows/return_receipt.h"
#include "inventory/warehouse_repository.h"
#include "invoicing/open_invoices.h"
#include "views/invoice_view.h"

namespace ordo::demo {
namespace {

constexpr char kSales[] = "user:sales.jones";
constexpr char kReceiver[] = "user:warehouse.lee";
constexpr char kArClerk[] = "user:ar.clerk";
const std::vector<std::string> kReasons = {"damaged", "wrong_item", "not_needed", "defective"};

// An unpaid invoice of the last month and the order line (its largest) a customer returns
// part of.
struct Candidate {
  invoicing::InvoiceId invoice;
  OrderId order;
  int line_no = 0;
  int64_t quantity = 0;
};

Result<std::vector<Candidate>> FindCandidates(store::CommandExecutor& exec, Date last) {
  return exec.RunFor<std::vector<Candidate>>(
      [last](store::Connection& c) -> Result<std::vector<Candidate>> {
        std::vector<Candidate> out;
        for (invoicing::InvoiceId id : invoicing::OpenInvoiceIds(c)) {
          auto v = views::LoadInvoice(c, id);
          if (!v || v->invoice_date.days < last.days - 30 || !v->amount_paid.is_zero() ||
              !v->amount_credited.is_zero() || v->lines.empty()) {
            continue;
          }
          const invoicing::InvoiceLine* best = &v->lines.front();
          for (const auto& l : v->lines) {
            if (l.extended_amount > best->extended_amount) best = &l;
          }
          if (best->quantity >= 2) out.push_back({id, v->order, best->line_no, best->quantity});
        }
        return out;
      });
}

}  // namespace

Result<int> RunDemoReturns(store::CommandExecutor& exec, const HistoryWindow& window, uint64_t seed,
                           int count) {
  DemoRandom rng(seed);
  const Date last = window.Day(window.days - 1);
  auto candidates = FindCandidates(exec, last);
  if (!candidates.ok()) return candidates.status();
  const size_t n = std::min(candidates->size(), static_cast<size_t>(count));
  if (n == 0) return 0;
  const size_t step = candidates->size() / n;
  for (size_t i = 0; i < n; ++i) {
    const Candidate& c = (*candidates)[i * step];
    // Spread over the last days: authorized one day, received (and settled) the next.
    const Date asked{last.days - static_cast<int>(n) + static_cast<int>(i)};
    const Date arrived{asked.days + 1};
    const std::string reason = rng.Pick(kReasons);
    const int64_t quantity = std::max<int64_t>(1, c.quantity / rng.Between(2, 5));
    CommandContext ask{kSales, "", At(asked, 10 * kHour + rng.Between(0, 6 * kHour))};
    auto rma = exec.RunFor<returns::Rma>([&](store::Connection& conn) {
      return flows::AuthorizeReturn(conn, ask, c.order, c.invoice, {{c.line_no, quantity, reason}});
    });
    if (!rma.ok()) return rma.status();
    // The last RMA's goods are still on their way.
    if (i + 1 == n) break;

    CommandContext receive{kReceiver, "", At(arrived, 9 * kHour + rng.Between(0, 3 * kHour))};
    auto received = exec.RunFor<flows::ReceivedReturn>(
        [&](store::Connection& conn) -> Result<flows::ReceivedReturn> {
          auto warehouses = inventory::ListWarehouses(conn);
          if (warehouses.empty()) return Status::NotFound("no warehouse receives returns");
          flows::ReturnReceiptRequest r;
          r.warehouse = warehouses.front().code;
          r.lines.push_back({rma->lines.front().line_no, quantity,
                             reason == "damaged" ? returns::Disposition::kScrap
                                                 : returns::Disposition::kRestock});
          return flows::ReceiveReturn(conn, receive, rma->id, r, std::nullopt);
        });
    if (!received.ok()) return received.status();

    const invoicing::CreditMemo& memo = received->credit_memo;
    CommandContext settle{kArClerk, "", At(arrived, 15 * kHour + 10 * static_cast<int64_t>(i))};
    Status settled;
    if (i % 3 == 0) {
      // Applied to the invoice it credits.
      settled = exec.Run([&](store::Connection& conn) {
        return flows::ApplyCreditMemo(conn, settle, memo.id,
                                      {{std::to_string(c.invoice.value()), memo.balance()}},
                                      std::nullopt)
            .status();
      });
    } else if (i == 1) {
      settled = exec.Run([&](store::Connection& conn) {
        return flows::RefundCreditMemo(
                   conn, settle, memo.id,
                   {memo.balance(), "check", "CHK " + std::to_string(rng.Between(10000, 99999))},
                   std::nullopt)
            .status();
      });
    }
    if (!settled.ok()) return settled;
  }
  return static_cast<int>(n);
}

}  // namespace ordo::demo
