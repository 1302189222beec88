// Price resolution: the unit price of an order or quote line, where it came from and why, as
// one pure function of the line's candidates. Nothing here reads the database: the caller
// (flows/line_pricing.h) loads the rules that may apply to the basket, one query per table, and
// hands each line the candidates of its item; this function checks dates, currency and scope
// itself, so it alone decides.
//
// THE RESOLUTION ORDER (docs/architecture.md, "Pricing", says the same):
//
//  1. A manual price (it needs a reason) is the price. Source "manual", explained "manual
//     price" without the reason, which is staff text (the explanation reaches the portal).
//  2. The reference price R: the customer's price list's price of the item when the list is
//     valid on the pricing date, is in the order's currency and has the item ("price_list:<code>");
//     otherwise the item's list price ("list").
//  3. The best non-promotional price B:
//     a. a customer contract valid on the date (start <= date <= end) whose term covers the
//        line decides B outright, whatever tiers and breaks would give: a term for the item
//        beats a term for its product line; among equally specific terms the lowest price wins,
//        then the lower contract code. A term is a fixed price or a percentage off R.
//        Source "contract:<code>".
//     b. without a contract, B is the lowest of R, R less the customer's tier discount
//        ("tier:<code>") and every quantity break of the customer's (valid) price list whose
//        minimum the line's quantity reaches, for the item or its product line, each a fixed
//        price or a percentage off R ("break:<list code>"). Ties keep the earlier of R, tier,
//        break, so a 0 % tier leaves "list".
//  4. Promotions valid on the date whose every given condition holds (the item, the item's
//     product line, the customer's pricing group) may lower B; at most ONE promotion applies
//     to a line. The stacking rule is the promotion's:
//       - "stacks": its percentage or amount comes off B (on top of a contract, tier or break);
//       - "exclusive": it comes off R instead and replaces B, so it only wins when that is
//         lower than B.
//     The final price is the lowest of B and every promotion's price; a tie keeps B, then the
//     lower promotion code. Source "promotion:<code>". An amount off never goes below zero.
//
// Percentages are basis points and are applied half-even at four decimals (Money::MulRatio).
// Every decision carries a human explanation: "contract K-17 until 2027-03-31",
// "break 100+ at 4.10", "promotion SPRING-10 -10%".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "core/status.h"

namespace ordo::pricing {

struct TierDiscount {
  std::string code;
  int discount_bp = 0;  // basis points off list, 0..10000
};

// How a rule changes a price: a fixed price, a percentage off, or an amount off.
struct Adjustment {
  enum class Kind { kFixedPrice, kPercentOff, kAmountOff };
  Kind kind = Kind::kFixedPrice;
  Money amount;        // kFixedPrice: the price; kAmountOff: the amount (per base unit)
  int percent_bp = 0;  // kPercentOff: basis points, 0..10000

  static Adjustment Fixed(Money price) { return {Kind::kFixedPrice, price, 0}; }
  static Adjustment PercentOff(int bp) { return {Kind::kPercentOff, Money(), bp}; }
  static Adjustment AmountOff(Money amount) { return {Kind::kAmountOff, amount, 0}; }

  // The adjusted price of `from` (never below zero).
  Money Apply(Money from) const;
};

// What a rule covers: one item, or every item of a product line (exactly one is set).
struct RuleScope {
  std::optional<ItemId> item;
  std::string product_line;  // code; "" when the rule is for an item
};

struct QuantityBreak {
  RuleScope scope;
  int64_t min_quantity = 1;  // base units on the line
  Adjustment adjustment;     // fixed price or percentage off R
};

// The customer's price list as it concerns one item.
struct PriceListTerms {
  std::string code;
  std::string currency;
  Date valid_from;
  std::optional<Date> valid_to;       // inclusive; none: open-ended
  std::optional<Money> unit_price;    // the list's price of the item, if it has one
  std::vector<QuantityBreak> breaks;  // the list's breaks for the item or its product line
};

struct ContractTerm {
  std::string code;  // the contract's
  Date start;
  Date end;  // inclusive
  RuleScope scope;
  Adjustment adjustment;  // fixed price or percentage off R
};

struct Promotion {
  std::string code;
  Date start;
  Date end;  // inclusive
  // Conditions; every one given must hold, at least one is given.
  std::optional<ItemId> item;
  std::string product_line;
  std::string customer_group;
  Adjustment adjustment;   // percentage or amount off
  bool exclusive = false;  // true: off R and instead of B; false: stacks on B
};

struct PriceInputs {
  Money list_price;
  std::optional<TierDiscount> tier;
  std::optional<Money> manual_price;
  std::string override_reason;

  // The line and the customer.
  ItemId item;
  std::string product_line;  // the item's; "" when none
  int64_t quantity = 0;      // base units
  Date date;                 // the pricing date
  std::string currency = "USD";
  std::string customer_group;  // the customer's pricing group; "" when none

  // Candidates: rules that may apply to this line. Dates, currency and scope are checked here.
  std::optional<PriceListTerms> price_list;
  std::vector<ContractTerm> contracts;
  std::vector<Promotion> promotions;
};

struct PriceDecision {
  Money unit_price;         // four decimals at most
  std::string source;       // "manual", "list", "price_list:<c>", "tier:<c>", "break:<c>",
                            // "contract:<c>", "promotion:<c>"
  std::string explanation;  // for people: "break 100+ at 4.10"
  // What the pricing rules (steps 2 to 4) give the line, whether or not a manual price replaced
  // it: the price a discount is measured from (approvals' discount_over), so a contract, break or
  // promotion the business agreed to is no discount, while a manual price below it is.
  Money rule_price;
  std::string rule_explanation;
};

// Errors (invalid_argument, field errors relative to the line): a manual price without a
// reason ("override_reason"/"required"), a negative manual price ("unit_price"/"out_of_range").
Result<PriceDecision> ResolvePrice(const PriceInputs& in);

// unit_price * quantity rounded half-even to the currency's minor unit.
// Throws OverflowError when it does not fit.
Money ExtendedAmount(Money unit_price, int64_t quantity, const Currency& currency);

// Basis points as people read a percentage: 1000 → "10", 1250 → "12.5", 5 → "0.05".
std::string PercentText(int bp);

}  // namespace ordo::pricing
