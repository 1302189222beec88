// The RMA as it is shown (API answers, audit images): the returns module's document with its
// order's number, its customer's code, its lines' SKUs and its receipts' warehouse codes.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "returns/return_repository.h"
#include "returns/rma.h"
#include "store/database.h"

namespace ordo::views {

// Fills the display names of every RMA in `rmas`: one query per module for all.
void NameReturns(store::Connection& conn, std::vector<returns::Rma>& rmas);
void NameReturn(store::Connection& conn, returns::Rma& rma);

// returns::LoadReturn / LoadReturnByNumber / ListReturns, named.
std::optional<returns::Rma> LoadReturn(store::Connection& conn, returns::ReturnId id);
std::optional<returns::Rma> LoadReturnByNumber(store::Connection& conn, std::string_view number);
std::vector<returns::Rma> ListReturns(store::Connection& conn, const returns::ReturnFilter& filter,
                                      std::optional<returns::ReturnId> before, int limit);

}  // namespace ordo::views
