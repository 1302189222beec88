#include "flows/basket_pricing.h"

#include "customers/customer_repository.h"
#include "pricing/pricing_snapshot.h"

namespace ordo::flows {

std::string ProductLineOf(const catalog::Item& item) {
  return item.product_line.value_or("");
}

BasketPricer::BasketPricer(store::Connection& conn, const customers::Customer& customer,
                           const std::unordered_map<std::string, catalog::Item>& items, Date date,
                           std::string currency, std::optional<int64_t> reference_version)
    : date_(date), currency_(std::move(currency)) {
  if (customer.price_tier) {
    if (auto tier = customers::FindPriceTier(conn, *customer.price_tier)) {
      tier_ = pricing::TierDiscount{tier->code, tier->discount_bp};
    }
  }
  std::vector<pricing::BasketItem> basket;
  basket.reserve(items.size());
  for (const auto& [sku, item] : items) basket.push_back({item.id, ProductLineOf(item)});
  candidates_ = reference_version
                    ? pricing::CandidatesAt(conn, *reference_version, customer.id, basket, date)
                    : pricing::LoadCandidates(conn, customer.id, basket, date);
}

Result<pricing::PriceDecision> BasketPricer::Price(const catalog::Item& item, int64_t base_quantity,
                                                   std::optional<Money> manual_price,
                                                   const std::string& override_reason) const {
  pricing::PriceInputs in;
  in.list_price = item.list_price;
  in.tier = tier_;
  in.manual_price = manual_price;
  in.override_reason = override_reason;
  in.item = item.id;
  in.product_line = ProductLineOf(item);
  in.quantity = base_quantity;
  in.date = date_;
  in.currency = currency_;
  // A manual line too: the price the rules would give it is what a discount is measured from.
  candidates_.FillLine(in);
  return pricing::ResolvePrice(in);
}

}  // namespace ordo::flows
