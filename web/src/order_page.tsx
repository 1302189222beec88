// The order page (#/orders/SO-000042): header, holds, lines with what is allocated where,
// backordered, shipped, invoiced and returned, the totals, the order's shipments (carrier and
// tracking), invoices (each with its PDF), returns, and a timeline of everything that happened
// to it (the order's events with its shipments', invoices' and returns' moments). It reads
// GET /api/v1/orders/{ref}, /orders/{ref}/events, and the shipment, invoice and return lists
// filtered by the order; a section the user's roles may not read is left out.
//
// Sales staff (orders.change) change an open order here ("Change order", order_change.tsx):
// the form works on the order as it was when they opened it, so a change made meanwhile by
// someone else is refused and offered for reload, never overwritten.
//
// It follows the business live: any event of this order (a hold released, a shipment
// confirmed, an invoice issued or paid, by anyone) reads the page again, so it changes
// without a reload and the timeline grows.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, Me, call } from "./api";
import { InvoiceTable } from "./invoice_table";
import { debounce, useLiveEvents } from "./live";
import { OrderLineRow, OrderLinesTable } from "./order_lines_table";
import { OrderChangeForm } from "./order_change";
import { label } from "./orders";
import { ShipmentTable } from "./shipment_table";
import { Totals } from "./totals";

// A line as the order page reads it: the lines table's, with where it is allocated.
interface OrderLine extends OrderLineRow {
  quantity_allocated: number;
  quantity_cancelled: number;
  requested_date?: string;
  price_source: string;
  price_explanation: string;
  allocations: { warehouse: string; quantity: number }[];
}

interface Order {
  number: string;
  version: number;
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

interface Shipment {
  number: string;
  status: string;
  warehouse: string;
  carrier: string | null;
  service: string | null;
  tracking_number: string | null;
  lines: { line_no: number; sku: string; quantity: number; quantity_shipped: number }[];
  created_at: string;
  shipped_at: string | null;
  cancelled_at: string | null;
}

interface Invoice {
  number: string;
  shipment: string | null;
  invoice_date: string;
  due_date: string;
  currency: string;
  total: string;
  balance: string;
  status: string;
  created_at: string;
}

interface Return {
  number: string;
  status: string;
  invoice: string | null;
  lines: { line_no: number; sku: string; quantity: number; quantity_received: number; reason: string }[];
  created_at: string;
  updated_at: string;
}

interface Documents {
  order: Order;
  events: OrderEvent[];
  shipments: Shipment[] | null; // null: the user's roles may not read them
  invoices: Invoice[] | null;
  returns: Return[] | null;
}

interface Moment {
  key: string;
  at: string;
  text: string;
}

// A list the user may not be allowed to read (403): null then, any other failure thrown.
async function optionalList<T>(path: string): Promise<T[] | null> {
  try {
    return (await call<{ items: T[] }>("GET", path)).items;
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return null;
    throw e;
  }
}

async function loadDocuments(number: string): Promise<Documents> {
  const ref = encodeURIComponent(number);
  const [order, events, shipments, invoices, returns] = await Promise.all([
    call<Order>("GET", `/api/v1/orders/${ref}`),
    call<{ items: OrderEvent[] }>("GET", `/api/v1/orders/${ref}/events`),
    optionalList<Shipment>(`/api/v1/shipments?order=${ref}&limit=100`),
    optionalList<Invoice>(`/api/v1/invoices?order=${ref}&limit=100`),
    optionalList<Return>(`/api/v1/returns?order=${ref}&limit=100`),
  ]);
  return { order, events: events.items, shipments, invoices, returns };
}

function describeEvent(type: string): string {
  return type.replace(/^order\./, "order ").replace(/_/g, " ");
}

// Everything that happened to the order, oldest first.
function timeline(d: Documents): Moment[] {
  const moments: Moment[] = d.events.map((e) => ({ key: `e${e.id}`, at: e.at, text: describeEvent(e.type) }));
  for (const s of d.shipments ?? []) {
    moments.push({ key: `s${s.number}`, at: s.created_at, text: `pick list ${s.number} made in ${s.warehouse}` });
    if (s.shipped_at)
      moments.push({
        key: `s${s.number}-shipped`,
        at: s.shipped_at,
        text: `shipment ${s.number} shipped${s.carrier ? ` by ${s.carrier}` : ""}${s.tracking_number ? `, tracking ${s.tracking_number}` : ""}`,
      });
    if (s.cancelled_at) moments.push({ key: `s${s.number}-cancelled`, at: s.cancelled_at, text: `shipment ${s.number} cancelled` });
  }
  for (const v of d.invoices ?? [])
    moments.push({ key: `i${v.number}`, at: v.created_at, text: `invoice ${v.number} issued: ${v.total} ${v.currency}` });
  for (const r of d.returns ?? []) moments.push({ key: `r${r.number}`, at: r.created_at, text: `return ${r.number} authorized` });
  // ISO timestamps of the same form sort as text; equal times keep the order above.
  return moments.map((m, i) => ({ m, i })).sort((a, b) => (a.m.at < b.m.at ? -1 : a.m.at > b.m.at ? 1 : a.i - b.i)).map((x) => x.m);
}

const when = (at: string) => new Date(at).toLocaleString();

// Statuses in which an order has nothing left to change.
const FINISHED = new Set(["cancelled", "shipped", "invoiced", "closed"]);

export function OrderPage(props: { number: string }) {
  const [docs, setDocs] = useState<Documents | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mayChange, setMayChange] = useState(false);
  const [editing, setEditing] = useState<Order | null>(null);

  useEffect(() => {
    call<Me>("GET", "/api/v1/me")
      .then((me) => setMayChange(me.permissions.includes("orders.change")))
      .catch(() => setMayChange(false));
  }, []);

  // Only the last read's answer is shown: one asked earlier (another order's, or an older
  // version of this one) may come back after it.
  const asked = useRef(0);

  async function load() {
    const mine = ++asked.current;
    try {
      const loaded = await loadDocuments(props.number);
      if (mine !== asked.current) return;
      setDocs(loaded);
      setError(null);
    } catch (e) {
      if (mine !== asked.current) return;
      const err = e as ApiError;
      setError(err.status === 404 ? `There is no order ${props.number}.` : err.message);
    }
  }

  useEffect(() => {
    setDocs(null);
    setEditing(null);
    void load();
  }, [props.number]);

  const refresh = useMemo(() => debounce(() => void load()), [props.number]);
  useEffect(() => () => refresh.cancel(), [refresh]);
  useLiveEvents((m) => {
    if (m.kind === "ready" || m.event.order === props.number) refresh();
  });

  if (error && !docs)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!docs) return <p aria-live="polite">Loading…</p>;
  const { order, shipments, invoices, returns } = docs;
  return (
    <section aria-labelledby="order-title">
      <p>
        <a href="#/orders">← Orders</a>
      </p>
      <h1 id="order-title">
        Order {order.number} <span class={`chip chip-${order.status}`}>{label(order.status)}</span>
      </h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
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
        <dd>{when(order.created_at)}</dd>
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
      {mayChange && !editing && !FINISHED.has(order.status) && (
        <p>
          <button type="button" onClick={() => setEditing(order)}>
            Change order
          </button>
        </p>
      )}
      {editing ? (
        <OrderChangeForm
          order={editing}
          onChanged={(changed) => {
            setDocs((d) => (d ? { ...d, order: changed as Order } : d));
            setEditing(null);
            refresh();
          }}
          onCancel={() => setEditing(null)}
          onReload={() => {
            setEditing(null);
            void load();
          }}
        />
      ) : (
        <OrderLinesTable lines={order.lines} />
      )}
      <Totals subtotal={order.subtotal} tax={order.tax} freight={order.freight} total={order.total} currency={order.currency} />
      {shipments && (
        <section aria-labelledby="shipments-title">
          <h2 id="shipments-title">Shipments</h2>
          {shipments.length === 0 ? (
            <p>Nothing shipped yet.</p>
          ) : (
            <ShipmentTable shipments={shipments} />
          )}
        </section>
      )}
      {invoices && (
        <section aria-labelledby="invoices-title">
          <h2 id="invoices-title">Invoices</h2>
          {invoices.length === 0 ? (
            <p>Nothing invoiced yet.</p>
          ) : (
            <InvoiceTable invoices={invoices} />
          )}
        </section>
      )}
      {returns && returns.length > 0 && (
        <section aria-labelledby="returns-title">
          <h2 id="returns-title">Returns</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Return</th>
                <th scope="col">Status</th>
                <th scope="col">Invoice</th>
                <th scope="col">Lines</th>
              </tr>
            </thead>
            <tbody>
              {returns.map((r) => (
                <tr key={r.number}>
                  <td>{r.number}</td>
                  <td>
                    <span class={`chip chip-${r.status}`}>{label(r.status)}</span>
                  </td>
                  <td>{r.invoice ?? "—"}</td>
                  <td>
                    {r.lines
                      .map((l) => `#${l.line_no} ${l.sku}: ${l.quantity_received} of ${l.quantity} received (${label(l.reason)})`)
                      .join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <h2 id="timeline-title">Timeline</h2>
      <ol class="timeline" aria-labelledby="timeline-title" aria-live="polite">
        {timeline(docs).map((m) => (
          <li key={m.key}>
            <time dateTime={m.at}>{when(m.at)}</time> {m.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
