#include "api/customer_filter.h"

#include "api/resource_ref.h"
#include "customers/customer_repository.h"

namespace ordo::api {

CustomerFilter ResolveCustomerFilter(store::Connection& conn, const http::Request& request,
                                     const auth::Principal& who) {
  CustomerFilter f;
  if (auto customer = request.Query("customer"); customer && !customer->empty()) {
    // A code first (codes may be all digits), then an id.
    ResourceRef ref = ParseResourceRef(*customer);
    auto found = customers::FindCustomerByCode(conn, ref.code);
    if (!found && ref.id) found = customers::FindCustomerById(conn, CustomerId(*ref.id));
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
