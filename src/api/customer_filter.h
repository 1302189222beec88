// The `customer` query parameter of list endpoints (a code, or an id), narrowed to what the
// caller may see: a portal user's lists always hold only its own customer's documents, and a
// filter on any other customer matches nothing (never an error that would reveal it exists).
#pragma once

#include <optional>

#include "auth/principal.h"
#include "core/ids.h"
#include "http/request.h"
#include "store/database.h"

namespace ordo::api {

struct CustomerFilter {
  std::optional<CustomerId> customer;  // the list is narrowed to it when set
  bool matches_nothing = false;        // unknown customer, or one `who` may not see
};

CustomerFilter ResolveCustomerFilter(store::Connection& conn, const http::Request& request,
                                     const auth::Principal& who);

}  // namespace ordo::api
