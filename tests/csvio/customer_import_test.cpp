#include "csvio/customer_import.h"

#include <gtest/gtest.h>

#include "customers/customer_repository.h"
#include "import_test_db.h"
#include "import_test_util.h"

namespace ordo::csvio {
namespace {

constexpr std::string_view kHeader =
    "code,name,payment_terms,credit_limit,price_tier,tax_exempt,on_hold,ship_to_code,"
    "ship_to_name,ship_city,preferred_warehouse\n";

class CustomerImportTest : public ::testing::Test {
 protected:
  ImportReport Import(std::string_view csv) {
    return ImportCustomers(db_.executor(), db_.Context(), csv);
  }
  ImportTestDb db_;
};

TEST_F(CustomerImportTest, CreatesCustomersWithTheirShipTos) {
  ImportReport report =
      Import(std::string(kHeader) +
             "C-1,Acme Supply,NET30,5000.00,GOLD,no,no,MAIN,Main dock,Springfield,W1\n"
             "C-1,Acme Supply,NET30,5000.00,GOLD,no,no,EAST,East yard,Shelbyville,W2\n"
             "C-2,\"Bolt Barn, Inc.\",NET60,250.5,,yes,yes,HQ,Head office,Capital City,\n");
  ASSERT_TRUE(report.ok()) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.imported, 2);
  EXPECT_EQ(db_.Count("customers"), 2);
  EXPECT_EQ(db_.Count("ship_tos"), 3);

  std::optional<customers::Customer> acme = customers::FindCustomerByCode(db_.reader(), "C-1");
  ASSERT_TRUE(acme.has_value());
  EXPECT_EQ(acme->credit_limit, Money::FromWhole(5000));
  EXPECT_EQ(acme->price_tier, std::optional<std::string>("GOLD"));
  ASSERT_EQ(acme->ship_tos.size(), 2u);
  const customers::ShipTo* east = acme->FindShipTo("EAST");
  ASSERT_NE(east, nullptr);
  EXPECT_EQ(east->address.city, "Shelbyville");
  EXPECT_EQ(east->preferred_warehouse,
            std::optional(WarehouseId(db_.QueryInt("SELECT id FROM warehouses WHERE code='W2'"))));

  std::optional<customers::Customer> bolt = customers::FindCustomerByCode(db_.reader(), "C-2");
  ASSERT_TRUE(bolt.has_value());
  EXPECT_EQ(bolt->name, "Bolt Barn, Inc.");
  EXPECT_EQ(bolt->payment_terms, "NET60");
  EXPECT_EQ(bolt->credit_limit, Money::FromUnits(2'505'000));
  EXPECT_FALSE(bolt->price_tier.has_value());
  EXPECT_TRUE(bolt->tax_exempt);
  EXPECT_TRUE(bolt->on_hold);
  ASSERT_EQ(bolt->ship_tos.size(), 1u);
  EXPECT_FALSE(bolt->ship_tos[0].preferred_warehouse.has_value());
}

TEST_F(CustomerImportTest, ReportsEveryBadRowWithItsLineAndImportsNothing) {
  ImportReport report = Import(std::string(kHeader) +
                               "C-1,Acme,NET30,5000,,no,no,MAIN,Main,X,W1\n"
                               "C-1,Acme Supply,NET30,6000,,no,no,EAST,East,X,\n"
                               "C-1,Acme,NET30,5000,,no,no,MAIN,Again,X,\n"
                               "C-2,Bolt,NET45,\"1,000\",,perhaps,no,HQ,HQ,X,\n"
                               "C-3,Cog,NET30,10,,no,no,,,X,\n"
                               "C-1,Acme,NET30,5000,,no,no,WEST,West,X,\n");
  EXPECT_EQ(Locations(report.errors),
            (std::vector<Where>{{3, 2, "name", "inconsistent_customer"},
                                {3, 4, "credit_limit", "inconsistent_customer"},
                                {4, 8, "ship_to_code", "duplicate"},
                                {5, 3, "payment_terms", "unknown_terms"},
                                {5, 4, "credit_limit", "invalid_money"},
                                {5, 6, "tax_exempt", "invalid_boolean"},
                                {6, 8, "ship_to_code", "required"},
                                {7, 1, "code", "duplicate"}}));
  EXPECT_EQ(report.errors[0].message,
            "\"Acme Supply\" differs from \"Acme\" on line 2 for customer C-1");
  EXPECT_EQ(report.errors[7].message,
            "customer C-1 also starts on line 2; a customer's rows must be consecutive");
  EXPECT_EQ(db_.Count("customers"), 0);
  EXPECT_EQ(db_.Count("ship_tos"), 0);
}

TEST_F(CustomerImportTest, DomainRejectionsNameTheirLinesAndRollBackEverything) {
  ASSERT_TRUE(Import(std::string(kHeader) + "C-0,Old,NET30,1,,no,no,MAIN,Main,X,\n").ok());

  ImportReport report = Import(std::string(kHeader) +
                               "C-1,Acme,NET30,5000,,no,no,MAIN,Main,X,W1\n"
                               "C-1,Acme,NET30,5000,,no,no,EAST,East,X,W9\n"
                               "C-2,Bolt,NET30,100,NOPE,no,no,HQ,HQ,X,\n"
                               "C-0,Old again,NET30,1,,no,no,MAIN,Main,X,\n"
                               "C-3,Cog,NET30,10,,no,no,MAIN,Main,X,W2\n");
  EXPECT_EQ(Locations(report.errors),
            (std::vector<Where>{{3, 11, "preferred_warehouse", "unknown_warehouse"},
                                {4, 5, "price_tier", "unknown_price_tier"},
                                {5, 1, "code", "duplicate"}}));
  EXPECT_EQ(report.imported, 0);
  EXPECT_EQ(db_.Count("customers"), 1);
  EXPECT_EQ(db_.Count("ship_tos"), 1);
}

TEST_F(CustomerImportTest, RequiresTheShipToCodeColumn) {
  ImportReport report = Import("code,name\nC-1,Acme\n");
  EXPECT_EQ(Locations(report.errors),
            (std::vector<Where>{{1, 0, "ship_to_code", "missing_column"}}));
}

}  // namespace
}  // namespace ordo::csvio
