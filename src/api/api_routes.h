// Every route of the HTTP API, registered in one place: the serve command and the API tests
// build the same server from it.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddApiRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
