// Portal users (role customer) see only their own customer's data. Anything else answers 404
// not_found, exactly as if it did not exist, so ids of other customers' documents leak nothing.
#pragma once

#include "auth/principal.h"
#include "core/ids.h"

namespace ordo::api {

// True when `who` may see documents of `customer`: any user not bound to a customer (their
// role permissions decide), or the portal user of that very customer.
inline bool MaySeeCustomer(const auth::Principal& who, CustomerId customer) {
  return !who.customer_id || *who.customer_id == customer;
}

}  // namespace ordo::api
