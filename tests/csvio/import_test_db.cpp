#include "import_test_db.h"

#include <fstream>
#include <stdexcept>

#include "customers/customer_commands.h"
#include "inventory/warehouse_repository.h"
#include "store/migrations.h"
#include "store/query.h"
#include "store/sqlite/sqlite_connection.h"

namespace ordo::csvio {

ImportTestDb::ImportTestDb()
    : path_(dir_.File("import.db")), clock_(Timestamp{1'767'225'600'000'000}) {
  store::ConnectionPtr writer = store::OpenSqlite(path_);
  Result<std::vector<int>> applied = store::Migrate(*writer, clock_);
  if (!applied.ok()) throw std::runtime_error(applied.status().ToString());
  executor_ = std::make_unique<store::CommandExecutor>(std::move(writer));
  const CommandContext ctx = Context();
  Status setup = executor_->Run([&](store::Connection& conn) -> Status {
    for (const char* code : {"W1", "W2"}) {
      inventory::Warehouse warehouse;
      warehouse.code = code;
      warehouse.name = std::string("Warehouse ") + code;
      Result<inventory::Warehouse> created = inventory::CreateWarehouse(conn, ctx, warehouse);
      if (!created.ok()) return created.status();
    }
    return customers::SavePriceTier(conn, ctx, {"GOLD", "Gold", 500});
  });
  if (!setup.ok()) throw std::runtime_error(setup.ToString());
  reader_ = store::OpenSqlite(path_);
}

ImportTestDb::~ImportTestDb() {
  reader_.reset();
  executor_.reset();
}

int64_t ImportTestDb::QueryInt(std::string_view sql) {
  store::Query query(*reader_, sql);
  if (!query.Next()) throw std::runtime_error("no row for " + std::string(sql));
  return query.Int(0);
}

int64_t ImportTestDb::Count(std::string_view table) {
  return QueryInt("SELECT COUNT(*) FROM " + std::string(table));
}

std::string ImportTestDb::WriteFile(const std::string& name, std::string_view content) const {
  const std::string file = dir_.File(name);
  std::ofstream out(file, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + file);
  return file;
}

}  // namespace ordo::csvio
