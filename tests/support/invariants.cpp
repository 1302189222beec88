#include "support/invariants.h"

#include "support/invariant_checks.h"

namespace ordo::test_support {
namespace {

// A read snapshot for the checks, unless the caller already runs a transaction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(store::Connection& conn) : conn_(conn) {
    if (!conn_.InTransaction()) {
      conn_.Execute("BEGIN DEFERRED");
      owned_ = true;
    }
  }
  ~ReadSnapshot() {
    if (!owned_) return;
    try {
      conn_.Rollback();
    } catch (...) {
    }
  }

 private:
  store::Connection& conn_;
  bool owned_ = false;
};

}  // namespace

std::vector<std::string> FindInvariantViolations(store::Connection& conn) {
  ReadSnapshot snapshot(conn);
  Violations v;
  CheckStock(conn, v);
  CheckOpenOrderValue(conn, v);
  CheckOrders(conn, v);
  CheckStoredStatus(conn, v);
  CheckAwaitingStock(conn, v);
  CheckMovementItemIndex(conn, v);
  CheckShipments(conn, v);
  CheckInvoices(conn, v);
  CheckLedger(conn, v);
  CheckPayments(conn, v);
  CheckReturns(conn, v);
  CheckCreditMemos(conn, v);
  CheckApprovals(conn, v);
  return v;
}

::testing::AssertionResult InvariantsHold(store::Connection& conn) {
  std::vector<std::string> v = FindInvariantViolations(conn);
  if (v.empty()) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure();
  failure << v.size() << " invariant violation(s):";
  for (const auto& s : v) failure << "\n  " << s;
  return failure;
}

}  // namespace ordo::test_support
