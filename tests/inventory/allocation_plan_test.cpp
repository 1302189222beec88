// Allocation planning: sourcing order and how a need is split across warehouses.
#include "inventory/allocation_plan.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace ordo::inventory {
namespace {

WarehouseSupply S(int64_t id, int rank, int64_t available) {
  return WarehouseSupply{WarehouseId(id), rank, available};
}

std::vector<int64_t> Ids(const std::vector<WarehouseSupply>& v) {
  std::vector<int64_t> out;
  for (const auto& s : v) out.push_back(s.warehouse.value());
  return out;
}

std::vector<std::pair<int64_t, int64_t>> Takes(const AllocationPlan& p) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const auto& t : p.takes) out.emplace_back(t.warehouse.value(), t.quantity);
  return out;
}

using Pairs = std::vector<std::pair<int64_t, int64_t>>;

TEST(AllocationPlan, SourcingOrderIsRankThenId) {
  auto order = SourcingOrder({S(4, 20, 0), S(3, 10, 0), S(1, 20, 0), S(2, 10, 0)}, std::nullopt);
  EXPECT_EQ(Ids(order), (std::vector<int64_t>{2, 3, 1, 4}));
}

TEST(AllocationPlan, PreferredWarehouseComesFirstWhateverItsRank) {
  auto order = SourcingOrder({S(1, 10, 5), S(2, 20, 5), S(3, 99, 5), S(4, 15, 5)}, WarehouseId(3));
  EXPECT_EQ(Ids(order), (std::vector<int64_t>{3, 1, 4, 2}));
}

TEST(AllocationPlan, UnknownPreferredWarehouseChangesNothing) {
  auto order = SourcingOrder({S(2, 20, 5), S(1, 10, 5)}, WarehouseId(42));
  EXPECT_EQ(Ids(order), (std::vector<int64_t>{1, 2}));
}

TEST(AllocationPlan, PreferredWarehouseIsFirstEvenWhenEmpty) {
  auto order = SourcingOrder({S(1, 10, 5), S(2, 20, 0)}, WarehouseId(2));
  EXPECT_EQ(Ids(order), (std::vector<int64_t>{2, 1}));
  auto plan = PlanAllocation(3, order);
  EXPECT_EQ(Takes(plan), (Pairs{{1, 3}}));
  EXPECT_EQ(plan.backordered, 0);
}

TEST(AllocationPlan, TakesFromTheFirstWarehouseThatHasEnough) {
  auto plan = PlanAllocation(5, {S(1, 10, 8), S(2, 20, 8)});
  EXPECT_EQ(Takes(plan), (Pairs{{1, 5}}));
  EXPECT_EQ(plan.backordered, 0);
}

TEST(AllocationPlan, SplitsAcrossWarehousesInOrder) {
  auto plan = PlanAllocation(12, {S(3, 5, 4), S(1, 10, 5), S(2, 20, 8)});
  EXPECT_EQ(Takes(plan), (Pairs{{3, 4}, {1, 5}, {2, 3}}));
  EXPECT_EQ(plan.backordered, 0);
}

TEST(AllocationPlan, BackordersWhatNoWarehouseHas) {
  auto plan = PlanAllocation(20, {S(1, 10, 4), S(2, 20, 5)});
  EXPECT_EQ(Takes(plan), (Pairs{{1, 4}, {2, 5}}));
  EXPECT_EQ(plan.backordered, 11);
}

TEST(AllocationPlan, SkipsEmptyAndNegativeAvailability) {
  auto plan = PlanAllocation(6, {S(1, 10, 0), S(2, 20, -3), S(3, 30, 2), S(4, 40, 10)});
  EXPECT_EQ(Takes(plan), (Pairs{{3, 2}, {4, 4}}));
  EXPECT_EQ(plan.backordered, 0);
}

TEST(AllocationPlan, NothingAvailableBackordersEverything) {
  auto plan = PlanAllocation(7, {S(1, 10, 0)});
  EXPECT_TRUE(plan.takes.empty());
  EXPECT_EQ(plan.backordered, 7);
  auto none = PlanAllocation(7, {});
  EXPECT_TRUE(none.takes.empty());
  EXPECT_EQ(none.backordered, 7);
}

// The boundary: a need of exactly what is available takes all of it; one unit more
// backorders exactly that unit, in one warehouse or across several.
TEST(AllocationPlan, ExactlyTheAvailableQuantityTakesAllOfIt) {
  auto one = PlanAllocation(8, {S(1, 10, 8)});
  EXPECT_EQ(Takes(one), (Pairs{{1, 8}}));
  EXPECT_EQ(one.backordered, 0);
  auto split = PlanAllocation(13, {S(1, 10, 8), S(2, 20, 5)});
  EXPECT_EQ(Takes(split), (Pairs{{1, 8}, {2, 5}}));
  EXPECT_EQ(split.backordered, 0);
}

TEST(AllocationPlan, OneMoreThanAvailableBackordersExactlyOne) {
  auto one = PlanAllocation(9, {S(1, 10, 8)});
  EXPECT_EQ(Takes(one), (Pairs{{1, 8}}));
  EXPECT_EQ(one.backordered, 1);
  auto split = PlanAllocation(14, {S(1, 10, 8), S(2, 20, 5)});
  EXPECT_EQ(Takes(split), (Pairs{{1, 8}, {2, 5}}));
  EXPECT_EQ(split.backordered, 1);
  auto single_unit = PlanAllocation(1, {S(1, 10, 0)});
  EXPECT_TRUE(single_unit.takes.empty());
  EXPECT_EQ(single_unit.backordered, 1);
}

TEST(AllocationPlan, ZeroNeedTakesNothing) {
  auto plan = PlanAllocation(0, {S(1, 10, 5)});
  EXPECT_TRUE(plan.takes.empty());
  EXPECT_EQ(plan.backordered, 0);
}

TEST(AllocationPlan, RandomPlansNeverTakeMoreThanAvailableAndAccountForTheNeed) {
  std::mt19937_64 rng(20260302);
  for (int round = 0; round < 2000; ++round) {
    std::vector<WarehouseSupply> supplies;
    int n = static_cast<int>(rng() % 6);
    for (int i = 0; i < n; ++i) {
      supplies.push_back(
          S(i + 1, static_cast<int>(rng() % 4) * 10, static_cast<int64_t>(rng() % 15) - 3));
    }
    std::optional<WarehouseId> preferred;
    if (n > 0 && rng() % 2) preferred = WarehouseId(static_cast<int64_t>(rng() % n) + 1);
    auto ordered = SourcingOrder(supplies, preferred);
    ASSERT_EQ(ordered.size(), supplies.size());
    if (preferred) {
      ASSERT_EQ(ordered.front().warehouse, *preferred);
    }
    int64_t need = static_cast<int64_t>(rng() % 40);
    auto plan = PlanAllocation(need, ordered);
    int64_t taken = 0;
    size_t cursor = 0;
    for (const auto& t : plan.takes) {
      ASSERT_GT(t.quantity, 0);
      // Takes follow the sourcing order, one per warehouse.
      while (cursor < ordered.size() && ordered[cursor].warehouse != t.warehouse) ++cursor;
      ASSERT_LT(cursor, ordered.size()) << "take out of order in round " << round;
      ASSERT_LE(t.quantity, ordered[cursor].available);
      ++cursor;
      taken += t.quantity;
    }
    int64_t total_available = 0;
    for (const auto& s : supplies) total_available += std::max<int64_t>(s.available, 0);
    EXPECT_EQ(taken + plan.backordered, need);
    EXPECT_GE(plan.backordered, 0);
    EXPECT_EQ(taken, std::min(need, total_available));
  }
}

}  // namespace
}  // namespace ordo::inventory
