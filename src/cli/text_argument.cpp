#include "cli/text_argument.h"

#include <string>

#include "core/text_check.h"

namespace ordo::cli {

CLI::Validator TextArgument(TextLimit limit) {
  return CLI::Validator(
      [limit](std::string& value) -> std::string {
        std::optional<FieldError> problem = CheckText(value, limit, "the value");
        if (!problem) return "";
        return problem->code + ": " + problem->message;
      },
      "TEXT");
}

}  // namespace ordo::cli
