#include "ledger/accounts.h"

#include <array>

namespace ordo::ledger {
namespace {

using enum AccountType;

constexpr std::array<Account, 12> kChart = {{
    {accounts::kCash, "Cash", kAsset},
    {accounts::kReceivables, "Accounts receivable", kAsset},
    {accounts::kInventory, "Inventory", kAsset},
    {accounts::kReceivedNotInvoiced, "Goods received not invoiced", kLiability},
    {accounts::kSalesTaxPayable, "Sales tax payable", kLiability},
    {accounts::kRevenue, "Sales revenue", kRevenue},
    {accounts::kFreightIncome, "Freight income", kRevenue},
    {accounts::kSalesReturns, "Sales returns and allowances", kContraRevenue},
    {accounts::kSalesDiscounts, "Sales discounts", kContraRevenue},
    {accounts::kCostOfGoodsSold, "Cost of goods sold", kExpense},
    {accounts::kInventoryWriteOff, "Inventory write-off", kExpense},
    {accounts::kInventoryAdjustments, "Inventory adjustments", kExpense},
}};

}  // namespace

std::span<const Account> ChartOfAccounts() {
  return kChart;
}

std::optional<Account> FindAccount(std::string_view code) {
  for (const auto& a : kChart) {
    if (a.code == code) return a;
  }
  return std::nullopt;
}

std::string_view TypeName(AccountType type) {
  switch (type) {
    case kAsset:
      return "asset";
    case kLiability:
      return "liability";
    case kRevenue:
      return "revenue";
    case kContraRevenue:
      return "contra_revenue";
    case kExpense:
      return "expense";
  }
  return "asset";
}

}  // namespace ordo::ledger
