// The chart of accounts Ordo posts to. It is fixed: every financial event maps to these
// accounts in one place (the flow that causes it), so a trial balance always reads the same.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace ordo::ledger {

enum class AccountType { kAsset, kLiability, kRevenue, kContraRevenue, kExpense };

struct Account {
  std::string_view code;
  std::string_view name;
  AccountType type;
};

namespace accounts {
inline constexpr std::string_view kCash = "1000";
inline constexpr std::string_view kReceivables = "1100";
inline constexpr std::string_view kInventory = "1200";
inline constexpr std::string_view kReceivedNotInvoiced = "2000";
inline constexpr std::string_view kSalesTaxPayable = "2100";
inline constexpr std::string_view kRevenue = "4000";
inline constexpr std::string_view kFreightIncome = "4100";
inline constexpr std::string_view kSalesReturns = "4500";
inline constexpr std::string_view kSalesDiscounts = "4600";
inline constexpr std::string_view kCostOfGoodsSold = "5000";
inline constexpr std::string_view kInventoryWriteOff = "5100";
inline constexpr std::string_view kInventoryAdjustments = "5200";
}  // namespace accounts

// Every account, in code order.
std::span<const Account> ChartOfAccounts();
std::optional<Account> FindAccount(std::string_view code);
std::string_view TypeName(AccountType type);

}  // namespace ordo::ledger
