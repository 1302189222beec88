// The order list: the newest orders first, filtered by status and customer, with status chips
// and "load more" over the API's cursor pages (GET /api/v1/orders).
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "./api";

interface OrderSummary {
  id: number;
  number: string;
  customer: string;
  status: string;
  po_number: string;
  channel: string;
  total: string;
  currency: string;
  created_at: string;
}

interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

const STATUSES = ["on_hold", "open", "backordered", "partially_shipped", "shipped", "invoiced", "closed", "cancelled"];

export function label(status: string): string {
  return status.replace(/_/g, " ");
}

function query(status: string, customer: string, cursor: string | null): string {
  const params = new URLSearchParams({ limit: "50" });
  if (status) params.set("status", status);
  if (customer.trim()) params.set("customer", customer.trim());
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/orders?${params}`;
}

export function Orders() {
  const [status, setStatus] = useState("");
  const [customer, setCustomer] = useState("");
  const [orders, setOrders] = useState<OrderSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  async function load(cursor: string | null) {
    setLoading(true);
    setError(null);
    try {
      const page = await call<Page<OrderSummary>>("GET", query(status, customer, cursor));
      setOrders((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, [status]);

  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Orders</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(null);
        }}
      >
        <label for="status-filter">Status</label>
        <select id="status-filter" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option value={s}>{label(s)}</option>
          ))}
        </select>
        <label for="customer-filter">Customer</label>
        <input
          id="customer-filter"
          value={customer}
          placeholder="Code"
          onInput={(e) => setCustomer((e.target as HTMLInputElement).value)}
        />
        <button type="submit">Filter</button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Customer</th>
            <th scope="col">PO</th>
            <th scope="col">Status</th>
            <th scope="col">Channel</th>
            <th scope="col" class="number">
              Total
            </th>
            <th scope="col">Entered</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}>
              <td>
                <a href={`#/orders/${encodeURIComponent(o.number)}`}>{o.number}</a>
              </td>
              <td>{o.customer}</td>
              <td>{o.po_number}</td>
              <td>
                <span class={`chip chip-${o.status}`}>{label(o.status)}</span>
              </td>
              <td>{o.channel}</td>
              <td class="number">
                {o.total} {o.currency}
              </td>
              <td>{new Date(o.created_at).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && orders.length === 0 && !error && <p>No orders match.</p>}
      {next && (
        <button type="button" onClick={() => void load(next)} disabled={loading}>
          Load more
        </button>
      )}
      {loading && <p aria-live="polite">Loading…</p>}
    </section>
  );
}
