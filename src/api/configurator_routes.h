// /api/v1/configurators: configurable products' models (list, create, read, replace with
// If-Match) and their evaluation (the answers so far → the next question with only the choices
// that still lead to a product, or the configured product). Bad answers are 422
// invalid_configuration with each answer's path ("answers/finish").
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddConfiguratorRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
