// Customer contracts: a customer's prices for items or product lines (a fixed price or a
// percentage off the reference price) from a start date to an end date, both inclusive.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/command_context.h"
#include "core/ids.h"
#include "core/status.h"
#include "pricing/price_resolution.h"
#include "store/database.h"

namespace ordo::pricing {

struct ContractPriceTerm {
  RuleScope scope;
  Adjustment adjustment;  // kFixedPrice or kPercentOff
};

struct Contract {
  int64_t id = 0;
  std::string code;
  CustomerId customer;
  Date start;
  Date end;
  std::string note;
  std::vector<ContractPriceTerm> terms;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

// Field checks that need no database ("code", "end_date", "note", "terms/<i>/...").
Status ValidateContract(const Contract& c);

// Conflict ("code"/"duplicate") when the code is taken. Audited ("contract.create").
Result<Contract> CreateContract(store::Connection& conn, const CommandContext& ctx,
                                const Contract& in);

// Replaces contract `id`'s customer, dates, note and terms (its code stays) after the version
// check. Audited ("contract.update").
Result<Contract> ReplaceContract(store::Connection& conn, const CommandContext& ctx, int64_t id,
                                 const Contract& in, std::optional<int64_t> expected);

// Sets one term of contract `code` (added, or replacing the term for the same item or product
// line), bumping the contract's version: the CSV import's command. Not found when there is no
// such contract; the term's problems as ValidateContract reports them. Audited
// ("contract.set_term").
Status SetContractTerm(store::Connection& conn, const CommandContext& ctx, const std::string& code,
                       const ContractPriceTerm& term);

std::optional<Contract> FindContract(store::Connection& conn, std::optional<int64_t> id,
                                     const std::string& code);

// Contracts (with their terms) with id > after, by id, at most `limit`; only `customer`'s
// when given.
std::vector<Contract> ListContracts(store::Connection& conn, std::optional<CustomerId> customer,
                                    int64_t after, int limit);

nlohmann::json AuditJson(const Contract& c);

}  // namespace ordo::pricing
