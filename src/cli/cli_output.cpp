#include "cli/cli_output.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ordo::cli {

int PrintProblem(const Status& status) {
  nlohmann::json errors = nlohmann::json::array();
  for (const auto& e : status.errors()) {
    errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
  }
  nlohmann::json problem = {
      {"code", CodeName(status.code())}, {"detail", status.message()}, {"errors", errors}};
  std::cerr << problem.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return 1;
}

}  // namespace ordo::cli
