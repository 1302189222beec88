#include "flows/order_edit_plan.h"

#include <set>

#include "catalog/item_repository.h"
#include "core/field_path.h"
#include "core/quantity.h"
#include "customers/customer_repository.h"
#include "flows/order_placement.h"
#include "fulfillment/shipment_repository.h"
#include "invoicing/sales_tax.h"
#include "invoicing/tax_rates.h"
#include "pricing/price_resolution.h"

namespace ordo::flows {

int64_t OrderEditPlan::PickingOf(const orders::OrderLine& line) const {
  int64_t sum = 0;
  for (const auto& [key, quantity] : picking) {
    if (key.first == line.id) sum += quantity;
  }
  return sum;
}

int64_t OrderEditPlan::PickingOf(const orders::OrderLine& line, WarehouseId warehouse) const {
  auto found = picking.find({line.id, warehouse});
  return found == picking.end() ? 0 : found->second;
}

bool OrderEditPlan::AnythingPicking() const {
  for (const auto& [key, quantity] : picking) {
    if (quantity > 0) return true;
  }
  return false;
}

namespace {

constexpr size_t kMaxEdits = 1000;

LineProgress ProgressOf(const OrderEditPlan& plan, const orders::OrderLine& l) {
  return {l.quantity, l.quantity_shipped, l.quantity_cancelled, plan.PickingOf(l)};
}

Status CheckChangeable(const orders::Order& order) {
  switch (orders::DeriveStatus(order)) {
    case orders::OrderStatus::kCancelled:
      return Status::InvalidState("order " + order.number + " is cancelled");
    case orders::OrderStatus::kShipped:
    case orders::OrderStatus::kInvoiced:
    case orders::OrderStatus::kClosed:
      return Status::InvalidState("order " + order.number + " has nothing left to ship");
    default:
      return Status::Ok();
  }
}

// "lines/<j>/rest" of the pricing request as "lines/<i>/rest" of the change, i = edit_of[j].
std::string EditPath(const std::string& field, const std::vector<size_t>& edit_of) {
  constexpr std::string_view kPrefix = "lines/";
  if (field.rfind(kPrefix, 0) != 0) return field;
  size_t end = field.find('/', kPrefix.size());
  std::string index = field.substr(kPrefix.size(), end - kPrefix.size());
  size_t j = 0;
  for (char c : index) {
    if (c < '0' || c > '9') return field;
    j = j * 10 + static_cast<size_t>(c - '0');
  }
  if (index.empty() || j >= edit_of.size()) return field;
  std::string out = ElementPath("lines", edit_of[j]);
  if (end != std::string::npos) out += field.substr(end);
  return out;
}

// What the change asks of each line, read before pricing.
struct EditOfLine {
  size_t edit = 0;               // index into request.lines
  std::optional<size_t> line;    // index into order.lines; none: an added line
  std::optional<size_t> priced;  // index into the pricing request's lines
  bool remove = false;           // quantity "0": the unshipped rest goes
  std::optional<Date> requested_date;
};

void ReadEdits(OrderEditPlan& plan, const OrderEditRequest& request, PlaceOrderRequest& pricing,
               std::vector<size_t>& edit_of, std::vector<EditOfLine>& edits,
               std::vector<FieldError>& errors) {
  std::set<int> seen;
  for (size_t i = 0; i < request.lines.size() && i < kMaxEdits; ++i) {
    const OrderLineEdit& e = request.lines[i];
    const std::string at = ElementPath("lines", i);
    EditOfLine out;
    out.edit = i;
    if (e.requested_date) {
      out.requested_date = ParseDate(*e.requested_date);
      if (!out.requested_date) {
        errors.push_back(
            {FieldPath(at, "requested_date"), "invalid_date", "a date is written YYYY-MM-DD"});
      }
    }
    PlaceOrderLine priced;
    if (!e.line_no) {
      if (!e.quantity) {
        errors.push_back({FieldPath(at, "quantity"), "required", "an added line needs a quantity"});
        continue;
      }
      priced = {e.sku,          *e.quantity,       e.uom,
                e.unit_price,   e.override_reason, e.customer_part_number,
                e.configuration};
    } else {
      const orders::OrderLine* line = nullptr;
      for (size_t k = 0; k < plan.order.lines.size(); ++k) {
        if (plan.order.lines[k].line_no == *e.line_no) {
          line = &plan.order.lines[k];
          out.line = k;
        }
      }
      if (!line) {
        errors.push_back(
            {FieldPath(at, "line_no"), "unknown_line",
             "order " + plan.order.number + " has no line " + std::to_string(*e.line_no)});
        continue;
      }
      if (!seen.insert(*e.line_no).second) {
        errors.push_back({FieldPath(at, "line_no"), "duplicate_line",
                          "line " + std::to_string(*e.line_no) + " is changed once per change"});
        continue;
      }
      if (!e.sku.empty() || e.customer_part_number || e.configuration) {
        const char* field = !e.sku.empty()           ? "sku"
                            : e.customer_part_number ? "customer_part_number"
                                                     : "configuration";
        errors.push_back({FieldPath(at, field), "not_changeable",
                          "a line's item does not change: add a line instead"});
        continue;
      }
      if (!e.quantity && !e.uom.empty()) {
        errors.push_back({FieldPath(at, "quantity"), "required", "a unit needs its quantity"});
      }
      const bool price_asked = e.unit_price.has_value() || e.price_by_rules;
      if (!e.quantity && !price_asked && !e.requested_date) {
        errors.push_back(
            {at, "nothing_to_change", "give the line's quantity, unit_price or requested_date"});
      }
      auto amount = e.quantity ? ParseWholeAmount(*e.quantity) : Result<int64_t>(int64_t{-1});
      out.remove = amount.ok() && *amount == 0;
      LineChangeAsk ask;
      // Removing the rest leaves what is shipped.
      if (out.remove) ask.quantity = line->quantity_shipped;
      ask.price = price_asked;
      ask.requested_date = e.requested_date.has_value();
      if (auto refusal = LineChangeRefusal(ProgressOf(plan, *line), ask)) {
        errors.push_back({FieldPath(at, refusal->field), refusal->code, refusal->message});
        continue;
      }
      if (out.remove && price_asked) {
        errors.push_back({FieldPath(at, "unit_price"), "conflicting_fields",
                          "a line whose rest is removed takes no price"});
      }
      // A configured line's price is its SKU's plus its answers': the rules alone do not give it.
      if (e.price_by_rules && line->price_source == "configured") {
        errors.push_back({FieldPath(at, "unit_price"), "not_changeable",
                          "a configured line's price comes from its answers"});
        continue;
      }
      if (out.remove || (!e.quantity && !price_asked)) {
        edits.push_back(out);
        continue;
      }
      priced.sku = line->sku;
      priced.quantity = e.quantity ? *e.quantity : std::to_string(line->entered_quantity);
      priced.uom = e.quantity ? e.uom : line->entered_uom;
      priced.unit_price = e.unit_price;
      priced.override_reason = e.price_by_rules ? "" : e.override_reason;
    }
    out.priced = pricing.lines.size();
    pricing.lines.push_back(std::move(priced));
    edit_of.push_back(i);
    edits.push_back(out);
  }
}

// The line as the change makes it from what pricing gave (`p`); `e` is the edit.
void ApplyPriced(OrderEditPlan& plan, orders::OrderLine& line, const orders::OrderLine& p,
                 const OrderLineEdit& e, const std::string& at, std::vector<FieldError>& errors) {
  LineChangeAsk ask{p.quantity, e.unit_price.has_value() || e.price_by_rules, false};
  if (auto refusal = LineChangeRefusal(ProgressOf(plan, line), ask)) {
    errors.push_back({FieldPath(at, refusal->field), refusal->code, refusal->message});
    return;
  }
  // A manual or configured price stays unless the change gives a new one; a line with
  // shipped quantity keeps its price (LineChangeRefusal refused a new one).
  const bool keep_price = line.quantity_shipped > 0 ||
                          (!e.unit_price && !e.price_by_rules &&
                           (line.price_source == "manual" || line.price_source == "configured"));
  line.entered_quantity = p.entered_quantity;
  line.entered_uom = p.entered_uom;
  line.quantity = p.quantity;
  if (!keep_price) {
    if (line.unit_price != p.unit_price || e.unit_price || e.price_by_rules) plan.price_set = true;
    line.unit_price = p.unit_price;
    line.price_source = p.price_source;
    line.price_explanation = p.price_explanation;
    line.override_reason = p.override_reason;
  }
}

// Removing a line's unshipped rest: down to its shipped quantity, or the whole line cancelled
// when nothing of it shipped (a line's quantity is never 0).
void ApplyRemoval(orders::OrderLine& line) {
  if (line.quantity_shipped > 0) {
    line.quantity = line.quantity_shipped;
    line.entered_quantity = line.quantity_shipped;
    line.entered_uom = "";  // filled with the item's base unit by the caller
  } else {
    line.quantity_cancelled = line.quantity;
  }
}

// The totals' bounds over the whole changed order, as placement checks them.
void CheckTotals(const orders::Order& order, const OrderLimits& limits,
                 std::vector<FieldError>& errors) {
  int64_t units = 0;
  Money subtotal;
  const Money max_amount = Money::FromWhole(kMaxOrderAmountWhole);
  for (const auto& l : order.lines) {
    units += l.quantity;
    subtotal += l.extended_amount;
    if (units > limits.max_order_quantity || subtotal > max_amount ||
        l.extended_amount > max_amount) {
      errors.push_back({"lines", "out_of_range",
                        "an order has at most " + std::to_string(limits.max_order_quantity) +
                            " base units and a value of at most " +
                            std::to_string(kMaxOrderAmountWhole)});
      return;
    }
  }
}

// Gives the lines `rerate` names (every line when the ship-to changed) the rate of the
// ship-to on `date`, except a line with shipped quantity, which keeps its rate; then taxes
// every line's extension at its rate (what an unchanged line has already) and sums the tax.
void Retax(store::Connection& conn, OrderEditPlan& plan, const std::vector<bool>& rerate,
           Date date) {
  orders::Order& order = plan.order;
  const Currency currency = FindCurrency(order.currency).value_or(kUsd);
  const customers::ShipTo* ship_to = nullptr;
  for (const auto& s : plan.customer.ship_tos) {
    if (s.id == plan.ship_to) ship_to = &s;
  }
  std::optional<invoicing::TaxRule> rule;
  if (ship_to) {
    rule = invoicing::LoadTaxRule(conn, plan.customer.id, plan.customer.tax_exempt,
                                  ship_to->address.region, date);
  }
  order.tax = Money();
  for (size_t i = 0; i < order.lines.size(); ++i) {
    orders::OrderLine& l = order.lines[i];
    auto item = plan.items.find(l.sku);
    if ((rerate[i] || plan.ship_to_changed) && rule && item != plan.items.end() &&
        l.quantity_shipped == 0) {
      l.tax_rate_ppm = rule->RateFor(item->second.tax_class);
    }
    l.tax_amount = invoicing::TaxOn(l.extended_amount, l.tax_rate_ppm, currency);
    order.tax += l.tax_amount;
  }
  if (plan.ship_to_changed && rule) order.tax_exemption = rule->exemption;
}

}  // namespace

Result<OrderEditPlan> PlanOrderEdit(store::Connection& conn, orders::Order order,
                                    const OrderEditRequest& request, Date date,
                                    const OrderLimits& limits) {
  if (Status st = CheckChangeable(order); !st.ok()) return st;
  OrderEditPlan plan;
  plan.before = order;
  plan.order = std::move(order);
  plan.ship_to = plan.order.ship_to;
  plan.picking = fulfillment::PickingQuantitiesOfOrder(conn, plan.order.id);
  auto customer = customers::FindCustomerById(conn, plan.order.customer);
  if (!customer) return Status::NotFound("no customer of order " + plan.order.number);
  plan.customer = std::move(*customer);

  std::vector<FieldError> errors;
  if (!request.ship_to && request.lines.empty()) {
    errors.push_back({"lines", "required", "a change gives a ship_to or lines"});
  }
  if (request.lines.size() > kMaxEdits) {
    errors.push_back({"lines", "too_many", "a change has at most 1000 lines"});
  }
  const customers::ShipTo* ship_to = nullptr;
  for (const auto& s : plan.customer.ship_tos) {
    if (s.id == plan.order.ship_to) ship_to = &s;
  }
  if (request.ship_to) {
    const customers::ShipTo* wanted = plan.customer.FindShipTo(*request.ship_to);
    if (!wanted) {
      errors.push_back({"ship_to", "unknown_ship_to",
                        "customer " + plan.customer.code + " has no ship-to " + *request.ship_to});
    } else if (wanted->id != plan.order.ship_to) {
      std::vector<LineProgress> progress;
      for (const auto& l : plan.order.lines) progress.push_back(ProgressOf(plan, l));
      if (!ShipToMayChange(progress)) {
        errors.push_back({"ship_to", "already_picked",
                          "part of the order is shipped or on a pick list: its ship-to stays"});
      } else {
        ship_to = wanted;
        plan.ship_to_changed = true;
      }
    }
  }
  if (ship_to) {
    plan.ship_to = ship_to->id;
    plan.preferred_warehouse = ship_to->preferred_warehouse;
    plan.order.ship_to_code = ship_to->code;
  }

  PlaceOrderRequest pricing;
  pricing.customer = plan.customer.code;
  pricing.ship_to = ship_to ? ship_to->code : "";
  std::vector<size_t> edit_of;
  std::vector<EditOfLine> edits;
  ReadEdits(plan, request, pricing, edit_of, edits, errors);
  std::optional<PreparedOrder> priced;
  if (!pricing.lines.empty()) {
    auto prepared = PrepareOrder(conn, pricing, limits, date);
    if (!prepared.ok()) {
      for (const auto& e : prepared.status().errors()) {
        errors.push_back({EditPath(e.field, edit_of), e.code, e.message});
      }
    } else {
      priced = std::move(prepared).value();
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the change has invalid fields", std::move(errors));
  }

  // Everything read is valid: the order as the change makes it.
  std::vector<std::string> skus;
  for (const auto& l : plan.order.lines) skus.push_back(l.sku);
  if (priced) {
    for (const auto& l : priced->order.lines) skus.push_back(l.sku);
  }
  plan.items = catalog::FindItemsBySku(conn, skus);
  const Currency currency = FindCurrency(plan.order.currency).value_or(kUsd);
  plan.first_added = plan.order.lines.size();
  std::vector<bool> rerate(plan.order.lines.size(), false);
  for (const EditOfLine& edit : edits) {
    const OrderLineEdit& e = request.lines[edit.edit];
    const std::string at = ElementPath("lines", edit.edit);
    if (!edit.line) {
      orders::OrderLine added = priced->order.lines[*edit.priced];
      added.line_no = static_cast<int>(plan.order.lines.size() + 1);
      const approvals::LineFigures& figures = priced->figures.lines[*edit.priced];
      plan.rule_prices[added.line_no] = {figures.rule_price, figures.rule_explanation};
      added.requested_date = edit.requested_date;
      for (const auto& c : priced->configurations) {
        if (c.line_no != static_cast<int>(*edit.priced + 1)) continue;
        plan.configurations.push_back(c);
        plan.configurations.back().line_no = added.line_no;
      }
      plan.order.lines.push_back(std::move(added));
      rerate.push_back(true);
      plan.price_set = true;
      continue;
    }
    orders::OrderLine& line = plan.order.lines[*edit.line];
    plan.changed_lines.push_back(*edit.line);
    if (edit.requested_date) line.requested_date = edit.requested_date;
    if (edit.remove) {
      ApplyRemoval(line);
      if (line.entered_uom.empty()) {
        auto item = plan.items.find(line.sku);
        line.entered_uom = item == plan.items.end() ? line.entered_uom : item->second.uom;
      }
    } else if (edit.priced) {
      ApplyPriced(plan, line, priced->order.lines[*edit.priced], e, at, errors);
      const approvals::LineFigures& figures = priced->figures.lines[*edit.priced];
      plan.rule_prices[line.line_no] = {figures.rule_price, figures.rule_explanation};
    }
    line.extended_amount = pricing::ExtendedAmount(line.unit_price, line.quantity, currency);
    // A new quantity or price is taxed on the change day; a date alone changes no tax.
    if (edit.priced) rerate[*edit.line] = true;
  }
  CheckTotals(plan.order, limits, errors);
  if (!errors.empty()) {
    return Status::InvalidArgument("the change has invalid fields", std::move(errors));
  }
  plan.order.ship_to = plan.ship_to;
  plan.order.subtotal = Money();
  for (const auto& l : plan.order.lines) plan.order.subtotal += l.extended_amount;
  Retax(conn, plan, rerate, date);
  return plan;
}

}  // namespace ordo::flows
