// Operations endpoints: GET /healthz (the process answers) and GET /readyz (the database is
// reachable and its schema is current). Neither needs authentication, so /readyz says ready or
// not and nothing more; why it is not ready goes to the log with the request id.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddHealthRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
