// The customer's own orders (#/orders for a portal user): newest first, with status chips, a
// status filter and "load more" over the API's cursor pages (GET /api/v1/orders answers a portal
// user with its own customer's orders only).
import { useState } from "preact/hooks";
import { ListFooter, ListProblem, usePagedList } from "../paged_list";
import { chipClass, label, valueOf } from "./shared";

export interface OrderSummary {
  number: string;
  status: string;
  po_number: string;
  total: string;
  currency: string;
  created_at: string;
}

const STATUSES = ["on_hold", "open", "backordered", "partially_shipped", "shipped", "invoiced", "closed", "cancelled"];

export function PortalOrders() {
  const [status, setStatus] = useState("");
  const list = usePagedList<OrderSummary>("/api/v1/orders", { status });
  const orders = list.items;

  return (
    <section aria-labelledby="portal-orders-title">
      <h1 id="portal-orders-title">Your orders</h1>
      <p class="lead">Open an order for its lines, shipments and invoices, to order it again or to return goods.</p>
      <div class="filters">
        <label for="portal-status-filter">Status</label>
        <select id="portal-status-filter" value={status} onChange={(e) => setStatus(valueOf(e))}>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option value={s}>{label(s)}</option>
          ))}
        </select>
      </div>
      <ListProblem list={list} />
      <table>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Placed</th>
            <th scope="col">Your PO</th>
            <th scope="col">Status</th>
            <th scope="col" class="number">Total</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.number}>
              <td>
                <a href={`#/orders/${encodeURIComponent(o.number)}`}>{o.number}</a>
              </td>
              <td>
                <time dateTime={o.created_at}>{new Date(o.created_at).toLocaleDateString()}</time>
              </td>
              <td>{o.po_number || "—"}</td>
              <td>
                <span class={chipClass(o.status)}>{label(o.status)}</span>
              </td>
              <td class="number">
                {o.total} {o.currency}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListFooter list={list} empty={`No orders${status ? ` ${label(status)}` : ""}.`} more="Load more orders" />
    </section>
  );
}
