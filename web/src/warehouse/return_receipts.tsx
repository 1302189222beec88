// Return receipts: the returns authorized and waiting for their goods (GET /api/v1/returns?
// status=authorized), and receiving one (POST /api/v1/returns/{number}/receive) into a
// warehouse, each line's units restocked (back to stock) or scrapped (written off). The API
// credits the customer for what arrived (a credit memo) in the same step.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import {
  errorAt,
  fieldId,
  FieldMessage,
  focusField,
  Page,
  ProblemBanner,
  problemOf,
  unplaced,
  useWarehouse,
  WarehouseSelect,
} from "./common";

interface ReturnLine {
  line_no: number;
  sku: string;
  quantity: number;
  quantity_received: number;
  reason: string;
}

interface Rma {
  number: string;
  status: string;
  order: string;
  customer: string;
  lines: ReturnLine[];
  version: number;
  created_at: string;
  credit_memo?: { number: string; total: string; currency: string };
}

const outstanding = (l: ReturnLine) => l.quantity - l.quantity_received;

export function returnHash(number: string): string {
  return `#/return-receipts/${encodeURIComponent(number)}`;
}

export function ReturnsWaiting() {
  const [returns, setReturns] = useState<Rma[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ApiError | null>(null);

  async function load(cursor: string | null) {
    setLoading(true);
    setProblem(null);
    try {
      const params = new URLSearchParams({ status: "authorized", limit: "50" });
      if (cursor) params.set("cursor", cursor);
      const page = await call<Page<Rma>>("GET", `/api/v1/returns?${params}`);
      setReturns((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, []);

  return (
    <section class="warehouse" aria-labelledby="returns-title">
      <h1 id="returns-title">Return receipts</h1>
      <ProblemBanner problem={problem} what="list" onReload={() => void load(null)} />
      <table>
        <caption>Returns authorized and waiting for their goods, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Return</th>
            <th scope="col">Order</th>
            <th scope="col">Customer</th>
            <th scope="col">Authorized</th>
            <th scope="col" class="number">
              Lines
            </th>
            <th scope="col" class="number">
              Units to come
            </th>
          </tr>
        </thead>
        <tbody>
          {returns.map((r) => (
            <tr key={r.number}>
              <td>
                <a href={returnHash(r.number)}>Receive {r.number}</a>
              </td>
              <td>{r.order}</td>
              <td>{r.customer}</td>
              <td>{new Date(r.created_at).toLocaleString()}</td>
              <td class="number">{r.lines.filter((l) => outstanding(l) > 0).length}</td>
              <td class="number">{r.lines.reduce((sum, l) => sum + outstanding(l), 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && returns.length === 0 && !problem && <p>No return waits to be received.</p>}
      {next && (
        <button type="button" class="secondary" onClick={() => void load(next)} disabled={loading}>
          Load more
        </button>
      )}
      {loading && <p aria-live="polite">Loading…</p>}
    </section>
  );
}

type Disposition = "restock" | "scrap";

export function ReturnReceipt({ number }: { number: string }) {
  const { warehouses, warehouse, choose } = useWarehouse();
  const [rma, setRma] = useState<Rma | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Units per line and disposition, as typed: "3-restock" → "2".
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Rma | null>(null);

  async function load() {
    setLoadError(null);
    setProblem(null);
    setLocal({});
    setDone(null);
    try {
      const r = await call<Rma>("GET", `/api/v1/returns/${encodeURIComponent(number)}`);
      setRma(r);
      // Everything still to come is restocked unless the receiver says otherwise.
      setCounts(Object.fromEntries(r.lines.flatMap((l) => [[`${l.line_no}-restock`, String(outstanding(l))], [`${l.line_no}-scrap`, "0"]])));
    } catch (e) {
      setLoadError((e as ApiError).message);
    }
  }

  useEffect(() => {
    void load();
  }, [number]);

  if (loadError) {
    return (
      <section class="warehouse" aria-labelledby="return-title">
        <h1 id="return-title">Return {number}</h1>
        <p class="error" role="alert">
          {loadError}
        </p>
        <a href="#/return-receipts">Back to the returns waiting</a>
      </section>
    );
  }
  if (!rma) return <p aria-live="polite">Loading…</p>;
  const r = rma;

  // The request's lines (non-zero counts), remembering which input each came from so that a
  // problem the API names by index ("lines/1/quantity") shows at that input.
  function requestLines(): { line_no: number; quantity: number; disposition: Disposition; key: string }[] {
    return r.lines.flatMap((l) =>
      (["restock", "scrap"] as Disposition[])
        .map((d) => ({ line_no: l.line_no, disposition: d, key: `${l.line_no}-${d}`, quantity: Number(counts[`${l.line_no}-${d}`]) }))
        .filter((x) => x.quantity > 0),
    );
  }

  async function receive() {
    const found: Record<string, string> = {};
    for (const l of r.lines) {
      const restock = counts[`${l.line_no}-restock`]?.trim() ?? "";
      const scrap = counts[`${l.line_no}-scrap`]?.trim() ?? "";
      if (!/^\d+$/.test(restock)) found[`${l.line_no}-restock`] = "A whole number of units (0 if none).";
      if (!/^\d+$/.test(scrap)) found[`${l.line_no}-scrap`] = "A whole number of units (0 if none).";
      else if (/^\d+$/.test(restock) && Number(restock) + Number(scrap) > outstanding(l)) {
        found[`${l.line_no}-scrap`] = `Restock and scrap together are at most the ${outstanding(l)} still to come.`;
      }
    }
    const sent = Object.keys(found).length === 0 ? requestLines() : [];
    if (Object.keys(found).length === 0 && sent.length === 0) found[`${r.lines[0].line_no}-restock`] = "Enter what arrived on at least one line.";
    setLocal(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      focusField(Object.keys(found)[0]);
      return;
    }
    setBusy(true);
    try {
      const answer = await call<Rma>("POST", `/api/v1/returns/${encodeURIComponent(r.number)}/receive`, {
        warehouse,
        lines: sent.map(({ line_no, quantity, disposition }) => ({ line_no, quantity, disposition })),
      });
      setRma(answer);
      setDone(answer);
      setCounts(Object.fromEntries(answer.lines.flatMap((l) => [[`${l.line_no}-restock`, String(outstanding(l))], [`${l.line_no}-scrap`, "0"]])));
    } catch (e) {
      const p = problemOf(e);
      // An index of the request's lines → the input it came from.
      const placed: Record<string, string> = {};
      for (const fe of p.errors) {
        const m = fe.field.match(/^lines\/(\d+)\/(quantity|line_no|disposition)$/);
        if (m && sent[Number(m[1])]) placed[sent[Number(m[1])].key] = fe.message;
      }
      setLocal(placed);
      setProblem(p);
      const first = Object.keys(placed)[0];
      if (first) focusField(first);
    } finally {
      setBusy(false);
    }
  }

  const at = (key: string) => local[key] || null;
  const shownFields = (field: string) => /^lines\/\d+\/(quantity|line_no|disposition)$/.test(field) || field === "warehouse";
  const waiting = r.status === "authorized";

  return (
    <section class="warehouse" aria-labelledby="return-title">
      <p>
        <a href="#/return-receipts">Back to the returns waiting</a>
      </p>
      <h1 id="return-title">
        Return {r.number} <span class={`chip chip-${r.status}`}>{r.status}</span>
      </h1>
      <dl class="facts">
        <dt>Order</dt>
        <dd>{r.order}</dd>
        <dt>Customer</dt>
        <dd>{r.customer}</dd>
        <dt>Authorized</dt>
        <dd>{new Date(r.created_at).toLocaleString()}</dd>
      </dl>
      {done?.credit_memo && (
        <p class="result" role="status">
          Received. Credit memo {done.credit_memo.number} for {done.credit_memo.total} {done.credit_memo.currency} was issued to {r.customer}.
        </p>
      )}
      <ProblemBanner problem={problem} what="return" onReload={() => void load()} extra={unplaced(problem, shownFields)} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (waiting) void receive();
        }}
      >
        {waiting && (
          <div class="filters">
            <WarehouseSelect id="return-warehouse" warehouses={warehouses} value={warehouse} onChange={choose} error={errorAt(problem, "warehouse")} />
          </div>
        )}
        <table>
          <caption>Lines of the return</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">SKU</th>
              <th scope="col">Reason</th>
              <th scope="col" class="number">
                Authorized
              </th>
              <th scope="col" class="number">
                Received
              </th>
              <th scope="col" class="number">
                To come
              </th>
              {waiting && (
                <>
                  <th scope="col" class="number" id="col-restock">
                    Restock
                  </th>
                  <th scope="col" class="number" id="col-scrap">
                    Scrap
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {r.lines.map((l) => (
              <tr key={l.line_no}>
                <td>{l.line_no}</td>
                <td id={`return-sku-${l.line_no}`}>{l.sku}</td>
                <td>{l.reason.replace(/_/g, " ")}</td>
                <td class="number">{l.quantity}</td>
                <td class="number">{l.quantity_received}</td>
                <td class="number">{outstanding(l)}</td>
                {waiting &&
                  (["restock", "scrap"] as Disposition[]).map((d) => {
                    const key = `${l.line_no}-${d}`;
                    const id = fieldId(key);
                    const message = at(key);
                    return (
                      <td class="number">
                        {outstanding(l) > 0 ? (
                          <>
                            <input
                              id={id}
                              class="quantity"
                              inputMode="numeric"
                              value={counts[key] ?? ""}
                              aria-labelledby={`col-${d} return-sku-${l.line_no}`}
                              aria-invalid={message ? true : undefined}
                              aria-describedby={message ? `${id}-error` : undefined}
                              onInput={(e) => {
                                setCounts({ ...counts, [key]: (e.target as HTMLInputElement).value });
                                setLocal((shown) => ({ ...shown, [key]: "" }));
                              }}
                            />
                            <FieldMessage id={`${id}-error`} message={message} />
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                    );
                  })}
              </tr>
            ))}
          </tbody>
        </table>
        {waiting && (
          <p class="form-buttons">
            <button type="submit" disabled={busy || !warehouse}>
              Receive return
            </button>
          </p>
        )}
      </form>
    </section>
  );
}
