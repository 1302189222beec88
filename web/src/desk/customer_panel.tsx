// The chosen customer's standing while the order is taken: its credit (limit, exposure,
// available, on hold or not, GET /api/v1/customers/{code}/credit), its orders waiting on a hold
// (GET /api/v1/orders?status=on_hold), and whether this draft, tax included (the credit check
// counts what the customer will owe), would pass its available credit (it would then be placed
// on a credit hold).
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { Credit, HeldOrder, Page } from "./desk_api";
import { CustomerChoice } from "./draft";
import { formatCents, toCents } from "./money";

export function CustomerPanel({ customer, orderCents }: { customer: CustomerChoice; orderCents: number }) {
  const [credit, setCredit] = useState<Credit | null>(null);
  const [held, setHeld] = useState<HeldOrder[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setCredit(null);
    setHeld([]);
    setError(null);
    const code = encodeURIComponent(customer.code);
    Promise.all([
      call<Credit>("GET", `/api/v1/customers/${code}/credit`),
      call<Page<HeldOrder>>("GET", `/api/v1/orders?customer=${code}&status=on_hold&limit=5`),
    ])
      .then(([c, h]) => {
        if (!current) return;
        setCredit(c);
        setHeld(h.items);
      })
      .catch((e) => current && setError((e as ApiError).message));
    return () => {
      current = false;
    };
  }, [customer.code]);

  const available = credit ? toCents(credit.available_credit) : null;
  const over = available !== null && orderCents > 0 && orderCents > available;
  return (
    <section class="desk-customer" aria-labelledby="desk-customer-title">
      <h2 id="desk-customer-title">
        {customer.name} <span class="muted">{customer.code}</span>
      </h2>
      <p class="muted">
        Terms {customer.payment_terms}
        {customer.price_tier ? ` · price tier ${customer.price_tier}` : " · list prices"}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {credit && (
        <dl class="facts">
          <dt>Credit limit</dt>
          <dd class="number">{credit.credit_limit}</dd>
          <dt>Exposure</dt>
          <dd class="number">{credit.exposure}</dd>
          <dt>Available</dt>
          <dd class="number">{credit.available_credit}</dd>
          <dt>Credit</dt>
          <dd>
            {credit.on_hold ? (
              <span class="chip chip-on_hold">on hold</span>
            ) : available !== null && available < 0 ? (
              <span class="chip chip-backordered">over limit</span>
            ) : (
              <span class="chip chip-open">within limit</span>
            )}
          </dd>
        </dl>
      )}
      {credit?.on_hold && <p class="holds">The customer is on credit hold: an order is accepted but held until AR releases it.</p>}
      {over && !credit?.on_hold && (
        <p class="holds">
          This order ({formatCents(orderCents)}) is beyond the available credit: it will be placed on a credit hold.
        </p>
      )}
      {held.length > 0 && (
        <div>
          <h3>Orders on hold</h3>
          <ul class="held-orders" aria-label="Orders on hold">
            {held.map((o) => (
              <li>
                <a href={`#/orders/${encodeURIComponent(o.number)}`}>{o.number}</a> {o.total}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
