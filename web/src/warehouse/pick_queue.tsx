// The picking queue of one warehouse (GET /api/v1/warehouses/{code}/pick-queue): the orders
// waiting to be picked there, oldest first, with how many lines and units to pick. Picking an
// order opens its pick list, made on the spot (POST /api/v1/shipments) unless one is already
// being picked.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { Page, ProblemBanner, problemOf, useWarehouse, WarehouseSelect } from "./common";

interface QueueEntry {
  order: string;
  customer: string;
  placed_at: string;
  lines: number;
  quantity: number;
  pick_list: { number: string; lines: number } | null;
}

interface Shipment {
  number: string;
}

export function pickListHash(number: string): string {
  return `#/picking/${encodeURIComponent(number)}`;
}

export function PickQueue() {
  const { warehouses, warehouse, choose, error: warehousesError } = useWarehouse();
  const [entries, setEntries] = useState<QueueEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  // What the problem is about: the queue (loading it) or an order (making its pick list).
  const [about, setAbout] = useState("queue");

  async function load(cursor: string | null) {
    if (!warehouse) return;
    setLoading(true);
    setProblem(null);
    try {
      const params = new URLSearchParams({ limit: "50" });
      if (cursor) params.set("cursor", cursor);
      const page = await call<Page<QueueEntry>>(
        "GET",
        `/api/v1/warehouses/${encodeURIComponent(warehouse)}/pick-queue?${params}`,
      );
      setEntries((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      setAbout("queue");
      setProblem(problemOf(e));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, [warehouse]);

  async function pick(entry: QueueEntry) {
    if (entry.pick_list) {
      location.hash = pickListHash(entry.pick_list.number);
      return;
    }
    setOpening(entry.order);
    setProblem(null);
    try {
      const made = await call<Shipment>("POST", "/api/v1/shipments", { order: entry.order, warehouse });
      location.hash = pickListHash(made.number);
    } catch (e) {
      setAbout(`order (${entry.order})`);
      setProblem(problemOf(e));
    } finally {
      setOpening(null);
    }
  }

  return (
    <section class="warehouse" aria-labelledby="queue-title">
      <h1 id="queue-title">Picking queue</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(null);
        }}
      >
        <WarehouseSelect id="queue-warehouse" warehouses={warehouses} value={warehouse} onChange={choose} />
        <button type="submit" class="secondary">
          Refresh
        </button>
      </form>
      {warehousesError && (
        <p class="error" role="alert">
          {warehousesError}
        </p>
      )}
      <ProblemBanner problem={problem} what={about} reloads="queue" onReload={() => void load(null)} />
      <table>
        <caption>
          Orders waiting to be picked in {warehouse || "…"}, oldest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Customer</th>
            <th scope="col">Placed</th>
            <th scope="col" class="number">
              Lines
            </th>
            <th scope="col" class="number">
              Units
            </th>
            <th scope="col">Pick list</th>
            <th scope="col">
              <span class="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.order}>
              <td>{e.order}</td>
              <td>{e.customer}</td>
              <td>{new Date(e.placed_at).toLocaleString()}</td>
              <td class="number">{e.lines}</td>
              <td class="number">{e.quantity}</td>
              <td>{e.pick_list ? `${e.pick_list.number} (being picked)` : "—"}</td>
              <td>
                <button type="button" disabled={opening !== null} onClick={() => void pick(e)}>
                  {e.pick_list ? `Continue ${e.pick_list.number}` : `Pick ${e.order}`}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && entries.length === 0 && !problem && <p>Nothing waits to be picked in {warehouse}.</p>}
      {next && (
        <button type="button" class="secondary" onClick={() => void load(next)} disabled={loading}>
          Load more
        </button>
      )}
      {loading && <p aria-live="polite">Loading…</p>}
    </section>
  );
}
