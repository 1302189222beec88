// Runs the real `ordo` binary (ORDO_BINARY) on CSV files and checks its exit status and output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "import_test_db.h"

namespace ordo::csvio {
namespace {

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class ImportCliTest : public ::testing::Test {
 protected:
  // Runs `ordo --db <db> <args>`; arguments are single-quoted paths or plain words.
  Outcome Ordo(const std::string& args) {
    const std::string out = db_.WriteFile("stdout.txt", "");
    const std::string err = db_.WriteFile("stderr.txt", "");
    const std::string command = "'" + std::string(ORDO_BINARY) + "' --db '" + db_.path() + "' " +
                                args + " >'" + out + "' 2>'" + err + "'";
    const int raw = std::system(command.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, ReadFile(out), ReadFile(err)};
  }
  ImportTestDb db_;
};

TEST_F(ImportCliTest, PrintsEveryProblemAsFileLineColumnAndExitsOne) {
  const std::string file = db_.WriteFile("items.csv",
                                         "sku,name,list_price\n"
                                         "A-1,Anchor,\"12,50\"\n"
                                         "B-2,\"Bracket\nsteel\",1\n"
                                         "B-2,Bracket again,2\n"
                                         "C-3,Clamp\n");
  Outcome outcome = Ordo("import items '" + file + "'");
  EXPECT_EQ(outcome.status, 1);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err,
            file + ":2:3: list_price: invalid_money: \"12,50\" is not a decimal amount\n" + file +
                ":5:1: sku: duplicate: SKU B-2 is also on line 3\n" + file +
                ":6:3: list_price: field_count: the header has 3 fields but this record has 2: "
                "it ends before field 3 (list_price)\n");
  EXPECT_EQ(db_.Count("items"), 0);
}

TEST_F(ImportCliTest, ImportsCleanFilesAndSaysHowMany) {
  const std::string items = db_.WriteFile("items.csv",
                                          "sku,name,list_price,pack_sizes\n"
                                          "A-1,Anchor,1.25,CS=12\n"
                                          "B-2,Bracket,2,\n");
  Outcome imported = Ordo("import items '" + items + "'");
  EXPECT_EQ(imported.status, 0) << imported.err;
  EXPECT_EQ(imported.out, "imported 2 items\n");

  const std::string stock =
      db_.WriteFile("stock.csv", "warehouse,sku,quantity,reference\nW1,A-1,24,PO-7\n");
  Outcome received = Ordo("import stock '" + stock + "'");
  EXPECT_EQ(received.status, 0) << received.err;
  EXPECT_EQ(received.out, "imported 1 stock receipt\n");

  const std::string customers = db_.WriteFile(
      "customers.csv", "code,name,ship_to_code\nC-1,Acme,MAIN\nC-1,Acme,EAST\nC-2,Bolt,HQ\n");
  Outcome created = Ordo("import customers '" + customers + "'");
  EXPECT_EQ(created.status, 0) << created.err;
  EXPECT_EQ(created.out, "imported 2 customers\n");

  EXPECT_EQ(db_.Count("items"), 2);
  EXPECT_EQ(db_.QueryInt("SELECT SUM(on_hand) FROM stock"), 24);
  EXPECT_EQ(db_.Count("ship_tos"), 3);
}

TEST_F(ImportCliTest, DomainRejectionFailsTheWholeFile) {
  ASSERT_EQ(Ordo("import items '" +
                 db_.WriteFile("first.csv", "sku,name,list_price\nA-1,Anchor,1\n") + "'")
                .status,
            0);
  const std::string file =
      db_.WriteFile("second.csv", "sku,name,list_price\nB-2,Bracket,1\nA-1,Anchor,1\n");
  Outcome outcome = Ordo("import items '" + file + "'");
  EXPECT_EQ(outcome.status, 1);
  EXPECT_EQ(outcome.err, file + ":3:1: sku: duplicate: SKU A-1 is taken\n");
  EXPECT_EQ(db_.Count("items"), 1);
}

TEST_F(ImportCliTest, UnreadableFileFails) {
  Outcome outcome = Ordo("import items '" + db_.path() + ".missing.csv'");
  EXPECT_EQ(outcome.status, 1);
  EXPECT_NE(outcome.err.find("cannot read"), std::string::npos) << outcome.err;
}

}  // namespace
}  // namespace ordo::csvio
