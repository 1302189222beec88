// One of the customer's orders (#/orders/SO-000042 for a portal user): its status, lines with
// what shipped, was invoiced and came back, the shipments with their tracking, the invoices
// (PDF) and the returns, and the ways on: order it again, or return goods that shipped.
// Another customer's order answers 404 and the page shows only that there is no such order.
import { call } from "../api";
import { InvoiceTable } from "../invoice_table";
import { OrderLinesTable } from "../order_lines_table";
import { ShipmentTable } from "../shipment_table";
import { Totals } from "../totals";
import { InvoiceSummary, Order, Return, Shipment } from "./portal_types";
import { useDocument } from "./loaders";
import { chipClass, label, Page } from "./shared";

interface Loaded {
  order: Order;
  shipments: Shipment[];
  invoices: InvoiceSummary[];
  returns: Return[];
}

async function loadOrder(number: string): Promise<Loaded> {
  const ref = encodeURIComponent(number);
  // The order first: another customer's is a 404, and nothing else is asked about it.
  const order = await call<Order>("GET", `/api/v1/orders/${ref}`);
  const [shipments, invoices, returns] = await Promise.all([
    call<Page<Shipment>>("GET", `/api/v1/shipments?order=${ref}&limit=100`),
    call<Page<InvoiceSummary>>("GET", `/api/v1/invoices?order=${ref}&limit=100`),
    call<Page<Return>>("GET", `/api/v1/returns?order=${ref}&limit=100`),
  ]);
  // A cancelled pick list never left the warehouse: nothing the customer needs to see.
  const shipped = shipments.items.filter((s) => s.status !== "cancelled");
  return { order, shipments: shipped, invoices: invoices.items, returns: returns.items };
}

// `placed`: the order was just placed here (from Order again), which the page confirms.
export function PortalOrder(props: { number: string; placed?: boolean }) {
  const back = (
    <p>
      <a href="#/orders">← Your orders</a>
    </p>
  );
  const { doc: loaded, pending } = useDocument(
    props.number,
    () => loadOrder(props.number),
    `There is no order ${props.number}.`,
    back,
  );
  if (!loaded) return pending;
  const { order, shipments, invoices, returns } = loaded;
  const ref = encodeURIComponent(order.number);
  const returnable = order.lines.some((l) => l.quantity_shipped > l.quantity_returned);
  return (
    <section class="portal" aria-labelledby="portal-order-title">
      {back}
      <h1 id="portal-order-title">
        Order {order.number} <span class={chipClass(order.status)}>{label(order.status)}</span>
      </h1>
      {props.placed && (
        <p class="notice" role="status">
          Order {order.number} was placed. Its prices are today's; it ships as stock allows.
        </p>
      )}
      <div class="actions">
        <a class="button" href={`#/orders/${ref}/reorder`}>
          Order again
        </a>
        {returnable && (
          <a class="button secondary" href={`#/returns/new/${ref}`}>
            Return goods
          </a>
        )}
      </div>
      <dl class="facts">
        <dt>Your PO</dt>
        <dd>{order.po_number || "—"}</dd>
        <dt>Ship to</dt>
        <dd>{order.ship_to}</dd>
        <dt>Requested</dt>
        <dd>{order.requested_date ?? "—"}</dd>
        <dt>Placed</dt>
        <dd>{new Date(order.created_at).toLocaleString()}</dd>
      </dl>
      {order.holds.length > 0 && (
        <p class="holds" role="status">
          This order is held for review ({order.holds.map((h) => h.kind).join(", ")}); it ships once released.
        </p>
      )}
      <h2>Lines</h2>
      <OrderLinesTable lines={order.lines} forCustomer />
      <Totals subtotal={order.subtotal} tax={order.tax} freight={order.freight} total={order.total} currency={order.currency} />

      <h2>Shipments</h2>
      {shipments.length === 0 ? (
        <p>Nothing has shipped yet.</p>
      ) : (
        <ShipmentTable shipments={shipments} forCustomer />
      )}

      <h2>Invoices</h2>
      {invoices.length === 0 ? (
        <p>No invoice yet: an order is invoiced as it ships.</p>
      ) : (
        <InvoiceTable invoices={invoices} forCustomer />
      )}

      {returns.length > 0 && (
        <>
          <h2>Returns</h2>
          <ul>
            {returns.map((r) => (
              <li key={r.number}>
                <a href={`#/returns/${encodeURIComponent(r.number)}`}>{r.number}</a>{" "}
                <span class={chipClass(r.status)}>{label(r.status)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
