#include "http/exchange.h"

#include "http/connection.h"

namespace ordo::http::internal {

Exchange::Exchange(std::shared_ptr<Request> request, std::weak_ptr<Connection> connection,
                   uint64_t sequence, std::shared_ptr<ResponderGate> gate)
    : request_(std::move(request)),
      connection_(std::move(connection)),
      sequence_(sequence),
      gate_(std::move(gate)) {}

Exchange::~Exchange() {
  if (responded_.exchange(true)) return;
  Deliver(InternalErrorResponse(), "handler finished without calling its Responder");
}

void Exchange::Respond(Response response) {
  if (responded_.exchange(true)) return;
  Deliver(std::move(response), std::string());
}

Responder Exchange::MakeResponder(std::shared_ptr<Exchange> exchange) {
  return [exchange = std::move(exchange)](Response response) {
    exchange->Respond(std::move(response));
  };
}

void Exchange::Deliver(Response response, std::string error) {
  std::lock_guard lock(gate_->mu);
  if (!gate_->open) return;
  if (std::shared_ptr<Connection> connection = connection_.lock()) {
    connection->Deliver(sequence_, std::move(response), std::move(error));
  }
}

}  // namespace ordo::http::internal
