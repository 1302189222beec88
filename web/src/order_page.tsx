// The order page (#/orders/SO-000042): header, holds, lines with what is allocated where,
// backordered, shipped, invoiced and returned, the totals, and the timeline of the order's
// events (GET /api/v1/orders/{ref} and /api/v1/orders/{ref}/events).
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "./api";
import { label } from "./orders";

interface Allocation {
  warehouse: string;
  quantity: number;
}

interface OrderLine {
  line_no: number;
  sku: string;
  quantity: number;
  entered_quantity: number;
  uom: string;
  quantity_allocated: number;
  quantity_backordered: number;
  quantity_shipped: number;
  quantity_invoiced: number;
  quantity_returned: number;
  unit_price: string;
  price_source: string;
  extended_amount: string;
  allocations: Allocation[];
}

interface Order {
  number: string;
  customer: string;
  ship_to: string;
  po_number: string;
  channel: string;
  requested_date: string | null;
  status: string;
  holds: { kind: string; reason: string }[];
  currency: string;
  lines: OrderLine[];
  subtotal: string;
  tax: string;
  freight: string;
  total: string;
  created_at: string;
}

interface OrderEvent {
  id: number;
  type: string;
  at: string;
}

export function OrderPage(props: { number: string }) {
  const [order, setOrder] = useState<Order | null>(null);
  const [events, setEvents] = useState<OrderEvent[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ref = encodeURIComponent(props.number);
    Promise.all([
      call<Order>("GET", `/api/v1/orders/${ref}`),
      call<{ items: OrderEvent[] }>("GET", `/api/v1/orders/${ref}/events`),
    ])
      .then(([o, e]) => {
        setOrder(o);
        setEvents(e.items);
      })
      .catch((e) => setError((e as ApiError).status === 404 ? `There is no order ${props.number}.` : (e as ApiError).message));
  }, [props.number]);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!order) return <p aria-live="polite">Loading…</p>;
  return (
    <section aria-labelledby="order-title">
      <p>
        <a href="#/orders">← Orders</a>
      </p>
      <h1 id="order-title">
        Order {order.number} <span class={`chip chip-${order.status}`}>{label(order.status)}</span>
      </h1>
      <dl class="facts">
        <dt>Customer</dt>
        <dd>{order.customer}</dd>
        <dt>Ship to</dt>
        <dd>{order.ship_to}</dd>
        <dt>PO</dt>
        <dd>{order.po_number || "—"}</dd>
        <dt>Channel</dt>
        <dd>{order.channel}</dd>
        <dt>Requested</dt>
        <dd>{order.requested_date ?? "—"}</dd>
        <dt>Entered</dt>
        <dd>{new Date(order.created_at).toLocaleString()}</dd>
      </dl>
      {order.holds.length > 0 && (
        <div class="holds" role="status">
          {order.holds.map((h) => (
            <p>
              On {h.kind} hold: {h.reason}
            </p>
          ))}
        </div>
      )}
      <h2>Lines</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">SKU</th>
            <th scope="col" class="number">Ordered</th>
            <th scope="col">Allocated</th>
            <th scope="col" class="number">Backordered</th>
            <th scope="col" class="number">Shipped</th>
            <th scope="col" class="number">Invoiced</th>
            <th scope="col" class="number">Returned</th>
            <th scope="col" class="number">Unit price</th>
            <th scope="col">Price from</th>
            <th scope="col" class="number">Amount</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.line_no}>
              <td>{l.line_no}</td>
              <td>{l.sku}</td>
              <td class="number">
                {l.entered_quantity} {l.uom}
              </td>
              <td>{l.allocations.map((a) => `${a.quantity} in ${a.warehouse}`).join(", ") || "—"}</td>
              <td class="number">{l.quantity_backordered}</td>
              <td class="number">{l.quantity_shipped}</td>
              <td class="number">{l.quantity_invoiced}</td>
              <td class="number">{l.quantity_returned}</td>
              <td class="number">{l.unit_price}</td>
              <td>{l.price_source}</td>
              <td class="number">{l.extended_amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="totals">
        <dt>Subtotal</dt>
        <dd>{order.subtotal}</dd>
        <dt>Tax</dt>
        <dd>{order.tax}</dd>
        <dt>Freight</dt>
        <dd>{order.freight}</dd>
        <dt>Total</dt>
        <dd>
          {order.total} {order.currency}
        </dd>
      </dl>
      <h2>Timeline</h2>
      <ol class="timeline">
        {events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> {e.type.replace(/^order\./, "").replace(/_/g, " ")}
          </li>
        ))}
      </ol>
    </section>
  );
}
