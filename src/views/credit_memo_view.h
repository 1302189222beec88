// The credit memo as it is shown (API answers, audit images, the printed memo): invoicing's
// document with its customer's code, its RMA's number and order number, and its lines' SKUs.
// Invoicing knows the RMA by id only; the number comes from returns here.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "invoicing/credit_memo.h"
#include "invoicing/credit_memo_repository.h"
#include "store/database.h"

namespace ordo::views {

// Fills the display names of every memo in `memos`: one query per module for all.
void NameCreditMemos(store::Connection& conn, std::vector<invoicing::CreditMemo>& memos);
void NameCreditMemo(store::Connection& conn, invoicing::CreditMemo& memo);

// invoicing::LoadCreditMemo / LoadCreditMemoByNumber / ListCreditMemos, named.
std::optional<invoicing::CreditMemo> LoadCreditMemo(store::Connection& conn,
                                                    invoicing::CreditMemoId id);
std::optional<invoicing::CreditMemo> LoadCreditMemoByNumber(store::Connection& conn,
                                                            std::string_view number);
std::vector<invoicing::CreditMemo> ListCreditMemos(store::Connection& conn,
                                                   const invoicing::CreditMemoFilter& filter,
                                                   std::optional<invoicing::CreditMemoId> before,
                                                   int limit);

}  // namespace ordo::views
