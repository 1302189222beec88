// The customer's return requests (#/returns for a portal user): newest first with their status
// (authorized: goods awaited; received: everything arrived and was credited), and the way to a
// new request (GET /api/v1/returns answers a portal user with its own customer's RMAs only).
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { Return } from "./portal_types";
import { chipClass, label, Page } from "./shared";

export function Returns() {
  const [returns, setReturns] = useState<Return[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  async function load(cursor: string | null) {
    setLoading(true);
    setError(null);
    const params = new URLSearchParams({ limit: "25" });
    if (cursor) params.set("cursor", cursor);
    try {
      const page = await call<Page<Return>>("GET", `/api/v1/returns?${params}`);
      setReturns((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, []);

  return (
    <section aria-labelledby="returns-title">
      <h1 id="returns-title">Returns</h1>
      <p class="lead">
        An authorized return awaits the goods: send them with the return number on the package. It is received once
        everything arrived, and credited to your account.
      </p>
      <div class="actions">
        <a class="button" href="#/returns/new">
          Request a return
        </a>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {returns.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Return</th>
              <th scope="col">Order</th>
              <th scope="col">Requested</th>
              <th scope="col">Lines</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {returns.map((r) => (
              <tr key={r.number}>
                <td>
                  <a href={`#/returns/${encodeURIComponent(r.number)}`}>{r.number}</a>
                </td>
                <td>
                  <a href={`#/orders/${encodeURIComponent(r.order)}`}>{r.order}</a>
                </td>
                <td>{new Date(r.created_at).toLocaleDateString()}</td>
                <td>{r.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ")}</td>
                <td>
                  <span class={chipClass(r.status)}>{label(r.status)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!loading && returns.length === 0 && !error && <p>No returns requested yet.</p>}
      {loading && <p aria-live="polite">Loading…</p>}
      {next && !loading && (
        <button type="button" class="secondary more" onClick={() => void load(next)}>
          Load more returns
        </button>
      )}
    </section>
  );
}
