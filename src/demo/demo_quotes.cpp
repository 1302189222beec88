#include "demo/demo_quotes.h"

#include <string>

#include "demo/demo_calendar.h"
#include "flows/quote_commands.h"

namespace ordo::demo {
namespace {

Timestamp DaysBefore(Timestamp now, int days, int64_t hour) {
  return At(Date{DateOf(now).days - days}, hour * kHour);
}

flows::SalesQuoteRequest Request(const std::string& customer, const std::vector<std::string>& skus,
                                 int quantity, std::string notes) {
  flows::SalesQuoteRequest r;
  r.order.customer = customer;
  for (const auto& sku : skus) {
    flows::PlaceOrderLine line;
    line.sku = sku;
    line.quantity = std::to_string(quantity);
    r.order.lines.push_back(std::move(line));
  }
  r.notes = std::move(notes);
  return r;
}

// Prepares and stores (or revises, when `revise` names the quote) in one command at `at`.
Result<flows::QuoteDocument> Save(store::CommandExecutor& exec, const flows::SalesQuoteRequest& r,
                                  Timestamp at, const std::string& revise = "") {
  CommandContext ctx{"user:sales", "", at};
  return exec.RunFor<flows::QuoteDocument>(
      [&](store::Connection& c) -> Result<flows::QuoteDocument> {
        auto prepared = flows::PrepareQuote(c, r, {}, DateOf(at));
        if (!prepared.ok()) return prepared.status();
        if (revise.empty()) return flows::CreateQuote(c, ctx, r, *prepared);
        return flows::ReviseQuote(c, ctx, revise, r, *prepared, std::nullopt);
      });
}

}  // namespace

Result<QuoteCounts> CreateDemoQuotes(store::CommandExecutor& exec,
                                     const std::vector<DemoItem>& catalog,
                                     const std::vector<DemoCustomer>& customers, Timestamp now) {
  QuoteCounts counts;
  std::vector<std::string> skus;
  for (const auto& d : catalog) {
    if (d.item.active && d.item.list_price > Money() && d.item.min_order_quantity <= 1 &&
        d.item.order_multiple <= 1) {
      skus.push_back(d.item.sku);
    }
    if (skus.size() == 8) break;
  }
  std::vector<std::string> accounts;
  for (const auto& d : customers) {
    if (!d.account.on_hold && !d.tight_credit) accounts.push_back(d.account.code);
    if (accounts.size() == 4) break;
  }
  if (skus.size() < 8 || accounts.size() < 4) return counts;

  // Open and valid: made two days ago for 30 days, with pallet rack bays configured for the
  // customer's new aisle (demo_configurators).
  flows::SalesQuoteRequest restock =
      Request(accounts[0], {skus[0], skus[1], skus[2]}, 20, "Prices for the spring restock.");
  flows::PlaceOrderLine bays;
  bays.quantity = "4";
  bays.configuration = flows::LineConfigurationRequest{"PALLET-RACK",
                                                       {{"frame_height", "12"},
                                                        {"beam_length", "108"},
                                                        {"load_class", "medium"},
                                                        {"finish", "orange"},
                                                        {"decking", "wire"}}};
  restock.order.lines.push_back(std::move(bays));
  auto open = Save(exec, restock, DaysBefore(now, 2, 10));
  if (!open.ok()) return open.status();
  // Revised: made a week ago, revised yesterday with more lines.
  auto first = Save(exec, Request(accounts[1], {skus[3], skus[4]}, 50, "First offer."),
                    DaysBefore(now, 7, 11));
  if (!first.ok()) return first.status();
  auto revised = Save(exec,
                      Request(accounts[1], {skus[3], skus[4], skus[5]}, 60,
                              "Revised: larger quantities, one more item."),
                      DaysBefore(now, 1, 15), first->quote.number);
  if (!revised.ok()) return revised.status();
  // Expired: made 45 days ago, valid for 30.
  auto expired =
      Save(exec, Request(accounts[2], {skus[6]}, 100, "Year-end offer."), DaysBefore(now, 45, 9));
  if (!expired.ok()) return expired.status();
  // Accepted: made four days ago, accepted this morning.
  auto accepted =
      Save(exec, Request(accounts[3], {skus[7], skus[0]}, 10, ""), DaysBefore(now, 4, 14));
  if (!accepted.ok()) return accepted.status();
  counts.quotes = 4;
  CommandContext ctx{"user:sales", "", Timestamp{now.micros - 2 * kHour * 1'000'000}};
  const std::string number = accepted->quote.number;
  auto order =
      exec.RunFor<flows::AcceptedQuote>([&](store::Connection& c) -> Result<flows::AcceptedQuote> {
        flows::AcceptQuoteRequest a;
        a.po_number = "PO-" + number.substr(2);
        a.channel = "email";
        return flows::AcceptQuote(c, ctx, number, a);
      });
  if (!order.ok()) return order.status();
  counts.orders = 1;
  counts.order_lines = static_cast<int>(order->order.order.lines.size());
  counts.order_value = order->order.order.subtotal;
  return counts;
}

}  // namespace ordo::demo
