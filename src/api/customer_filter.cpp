#include "api/customer_filter.h"

#include "api/query_params.h"
#include "customers/customer_repository.h"

namespace ordo::api {

CustomerFilter ResolveCustomerFilter(store::Connection& conn, const http::Request& request,
                                     const auth::Principal& who) {
  CustomerFilter f;
  if (auto customer = NonEmptyQuery(request, "customer")) {
    auto found = customers::FindCustomerByRef(conn, *customer);
    if (!found) {
      f.matches_nothing = true;
    } else {
      f.customer = found->id;
      f.matches_nothing = who.customer_id && *who.customer_id != found->id;
    }
  }
  if (who.customer_id) f.customer = *who.customer_id;
  return f;
}

}  // namespace ordo::api
