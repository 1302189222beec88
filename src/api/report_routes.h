// The sales manager's dashboard reports over HTTP (reports.read; staff only: a user bound to a
// customer gets 403 from authenticate.cpp like on any route that is not a portal operation).
// Every amount counts ordered value (orders' subtotals as placed, before tax and freight, by
// the UTC day the order was placed; cancelled orders left out): "basis": "ordered". Money is an
// exact decimal string.
//
//   GET /api/v1/reports/sales?from=&to=&interval=day|week|month → orders and ordered value per
//       bucket of the period beside the same days a year earlier (views/sales_report_view.h).
//   GET /api/v1/reports/top-customers?from=&to=&limit=10 → customers by ordered value.
//   GET /api/v1/reports/top-items?from=&to=&limit=10 → items by ordered value.
//   GET /api/v1/reports/open-orders → orders not yet shipped or invoiced by status, and the
//       holds waiting by kind, with counts and subtotals, as they stand now.
//
// Periods: `from` and `to` are inclusive dates; `to` defaults to today (UTC), `from` to 30 days,
// 13 weeks or 12 months before `to` (by interval; 30 days for the top lists); from <= to and at
// most 731 days. Bad parameters answer 400 invalid_argument with every one in `errors`.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddReportRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
