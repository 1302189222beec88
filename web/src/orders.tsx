// The order list: the newest orders first, filtered by status, customer, entry date and
// channel, with status chips and "load more" over the API's cursor pages (GET
// /api/v1/orders). It follows the business live: when an order is placed, held, released,
// shipped, invoiced or paid (by anyone), the first page is read again and its rows replace
// the ones shown, so a status chip changes without a reload.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ApiError, call } from "./api";
import { debounce, useLiveEvents } from "./live";

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

interface Filters {
  status: string;
  customer: string;
  from: string;
  to: string;
  channel: string;
}

const STATUSES = ["on_hold", "open", "backordered", "partially_shipped", "shipped", "invoiced", "closed", "cancelled"];
const CHANNELS = ["phone", "email", "web", "portal", "edi", "api", "csv"];
const NO_FILTERS: Filters = { status: "", customer: "", from: "", to: "", channel: "" };
// The kinds of documents whose events can change an order's row.
const ORDER_ENTITIES = new Set(["order", "shipment", "invoice", "payment", "return", "credit_memo"]);

export function label(status: string): string {
  return status.replace(/_/g, " ");
}

function query(f: Filters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: "50" });
  if (f.status) params.set("status", f.status);
  if (f.customer.trim()) params.set("customer", f.customer.trim());
  if (f.from) params.set("created_from", f.from);
  if (f.to) params.set("created_to", f.to);
  if (f.channel) params.set("channel", f.channel);
  if (cursor) params.set("cursor", cursor);
  return `/api/v1/orders?${params}`;
}

// The fresh first page, then the older rows already shown that it does not hold.
function merge(fresh: OrderSummary[], shown: OrderSummary[]): OrderSummary[] {
  const ids = new Set(fresh.map((o) => o.id));
  const oldest = fresh.length > 0 ? fresh[fresh.length - 1].id : Infinity;
  return [...fresh, ...shown.filter((o) => !ids.has(o.id) && o.id < oldest)];
}

export function Orders() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const [orders, setOrders] = useState<OrderSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);

  // Every load but a live refresh starts a new generation of the list; an answer to a request
  // of an older generation is dropped, so a refresh asked before the filters changed never
  // merges orders of the old filters into the new list (answers may come back in any order).
  const generation = useRef(0);

  async function load(f: Filters, cursor: string | null, live = false) {
    const mine = live ? generation.current : ++generation.current;
    if (!live) setLoading(true);
    setError(null);
    try {
      const page = await call<Page<OrderSummary>>("GET", query(f, cursor));
      if (mine !== generation.current) return;
      if (live) setOrders((shown) => merge(page.items, shown));
      else {
        setOrders((shown) => (cursor ? [...shown, ...page.items] : page.items));
        setNext(page.next_cursor);
      }
    } catch (e) {
      if (mine === generation.current) setError(e as ApiError);
    } finally {
      if (!live && mine === generation.current) setLoading(false);
    }
  }

  useEffect(() => {
    void load(applied, null);
  }, [applied]);

  // The filters in force when a live message arrives (the debounced reload outlives renders).
  const appliedRef = useRef(applied);
  appliedRef.current = applied;
  const refresh = useMemo(() => debounce(() => void load(appliedRef.current, null, true)), []);
  useEffect(() => () => refresh.cancel(), [refresh]);
  useLiveEvents((m) => {
    if (m.kind === "ready" || ORDER_ENTITIES.has(m.event.entity)) refresh();
  });

  function set<K extends keyof Filters>(key: K, value: Filters[K]) {
    setFilters((f) => ({ ...f, [key]: value }));
  }
  const fieldError = (field: string) => error?.errors.find((e) => e.field === field)?.message;

  return (
    <section aria-labelledby="orders-title">
      <h1 id="orders-title">Orders</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ ...filters });
        }}
      >
        <span class="filter">
          <label for="status-filter">Status</label>
          <select
            id="status-filter"
            value={filters.status}
            onChange={(e) => {
              const status = (e.target as HTMLSelectElement).value;
              set("status", status);
              setApplied({ ...filters, status });
            }}
          >
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option value={s}>{label(s)}</option>
            ))}
          </select>
        </span>
        <span class="filter">
          <label for="customer-filter">Customer</label>
          <input
            id="customer-filter"
            value={filters.customer}
            placeholder="Code"
            aria-invalid={fieldError("customer") ? true : undefined}
            onInput={(e) => set("customer", (e.target as HTMLInputElement).value)}
          />
        </span>
        <span class="filter">
          <label for="from-filter">Entered from</label>
          <input
            id="from-filter"
            type="date"
            value={filters.from}
            aria-invalid={fieldError("created_from") ? true : undefined}
            onInput={(e) => set("from", (e.target as HTMLInputElement).value)}
          />
        </span>
        <span class="filter">
          <label for="to-filter">to</label>
          <input
            id="to-filter"
            type="date"
            value={filters.to}
            aria-invalid={fieldError("created_to") ? true : undefined}
            onInput={(e) => set("to", (e.target as HTMLInputElement).value)}
          />
        </span>
        <span class="filter">
          <label for="channel-filter">Channel</label>
          <select id="channel-filter" value={filters.channel} onChange={(e) => set("channel", (e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {CHANNELS.map((c) => (
              <option value={c}>{c}</option>
            ))}
          </select>
        </span>
        <button type="submit">Filter</button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setFilters(NO_FILTERS);
            setApplied(NO_FILTERS);
          }}
        >
          Clear
        </button>
      </form>
      <div class="status-chips" role="group" aria-label="Show the orders in one state">
        {["", ...STATUSES].map((st) => (
          <button
            type="button"
            class={`pill chip-${st || "any"}`}
            aria-pressed={applied.status === st}
            onClick={() => {
              setFilters((f) => ({ ...f, status: st }));
              setApplied({ ...applied, status: st });
            }}
          >
            {st ? label(st) : "all"}
          </button>
        ))}
      </div>
      {error && (
        <div class="error" role="alert">
          <p>{error.message}</p>
          {error.errors.length > 0 && (
            <ul>
              {error.errors.map((e) => (
                <li>{e.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <table aria-describedby="orders-title">
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
            <tr key={o.id} data-order={o.number}>
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
        <button type="button" onClick={() => void load(applied, next)} disabled={loading}>
          Load more
        </button>
      )}
      {loading && <p aria-live="polite">Loading…</p>}
    </section>
  );
}
