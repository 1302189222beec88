// Request bodies of /api/v1/configurators: a whole model (POST and PUT) and the answers given
// so far (evaluate). Every bad field at once, with its path; the model's own rules
// (configurator/model_rules.h) are the command's check, made after these.
#pragma once

#include <string>

#include "configurator/model.h"
#include "core/status.h"

namespace ordo::api {

// {"code", "name", "active", "questions", "constraints", "sku_rules"}; "id" and "version" (as a
// GET answers them) are taken and ignored, so a client may send back what it read; the version
// to change is If-Match's. Errors: invalid_argument.
Result<configurator::Model> ParseConfiguratorJson(const std::string& body);

// {"answers": {"<question>": "<value>" | null}}; absent answers are no answers yet.
Result<configurator::Answers> ParseAnswersJson(const std::string& body);

}  // namespace ordo::api
