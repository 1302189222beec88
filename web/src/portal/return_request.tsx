// A return request (#/returns/new, or #/returns/new/SO-000042 from an order): the buyer picks
// one of its orders that shipped, the quantity of each line to send back (at most what shipped,
// less what came back or is awaited on authorized returns) and a reason, and submits it
// (POST /api/v1/returns with one Idempotency-Key per request). The server checks every
// quantity again; its problems are shown at their lines.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, FieldError } from "../api";
import { Order, OrderLine, Return, RETURN_REASONS } from "./portal_types";
import { OrderSummary } from "./portal_orders";
import {
  lineErrors,
  newIdempotencyKey,
  otherErrors,
  Page,
  postOnce,
  problemText,
  quantityOf,
  valueOf,
} from "./shared";

// Orders with something shipped: the ones a return can be requested against.
const SHIPPED = ["partially_shipped", "shipped", "invoiced", "closed"];

interface Returnable {
  line: OrderLine;
  left: number; // shipped, less returned, less awaited on authorized RMAs
}

function returnable(order: Order, returns: Return[]): Returnable[] {
  const awaited = new Map<number, number>();
  for (const r of returns)
    if (r.status === "authorized")
      for (const l of r.lines) awaited.set(l.line_no, (awaited.get(l.line_no) ?? 0) + l.quantity - l.quantity_received);
  return order.lines
    .map((line) => ({ line, left: line.quantity_shipped - line.quantity_returned - (awaited.get(line.line_no) ?? 0) }))
    .filter((r) => r.left > 0);
}

export function ReturnRequest(props: { order: string | null }) {
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [chosen, setChosen] = useState(props.order ?? "");
  const [lines, setLines] = useState<Returnable[] | null>(null);
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [reason, setReason] = useState("");
  const [key, setKey] = useState(newIdempotencyKey);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sent, setSent] = useState<number[]>([]); // the line_no of each submitted line, in order
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all(SHIPPED.map((s) => call<Page<OrderSummary>>("GET", `/api/v1/orders?status=${s}&limit=50`)))
      .then((pages) => setOrders(pages.flatMap((p) => p.items).sort((a, b) => b.number.localeCompare(a.number))))
      .catch((e) => setLoadError((e as ApiError).message));
  }, []);

  useEffect(() => {
    setLines(null);
    setQuantities({});
    setErrors([]);
    setProblem(null);
    setLoadError(null);
    setKey(newIdempotencyKey());
    if (!chosen) return;
    const ref = encodeURIComponent(chosen);
    call<Order>("GET", `/api/v1/orders/${ref}`)
      .then(async (order) => {
        const returns = await call<Page<Return>>("GET", `/api/v1/returns?order=${ref}&limit=100`);
        setLines(returnable(order, returns.items));
      })
      .catch((e) => setLoadError(problemText(e, `There is no order ${chosen}.`)));
  }, [chosen]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy || !lines) return;
    setProblem(null);
    setErrors([]);
    const picked = lines.filter((r) => !["", "0"].includes((quantities[r.line.line_no] ?? "").trim()));
    if (picked.length === 0) {
      setProblem("Enter the quantity to return on at least one line.");
      return;
    }
    if (!reason) {
      setErrors([{ field: "reason", code: "required", message: "Choose why the goods come back." }]);
      setProblem("Choose a reason.");
      return;
    }
    setBusy(true);
    setSent(picked.map((r) => r.line.line_no));
    const body = {
      order: chosen,
      lines: picked.map((r) => ({ line_no: r.line.line_no, quantity: quantityOf(quantities[r.line.line_no]), reason })),
    };
    try {
      const rma = await postOnce<{ number: string }>("/api/v1/returns", body, key);
      location.hash = `#/returns/${encodeURIComponent(rma.number)}?requested`;
    } catch (e) {
      const p = e as ApiError;
      setProblem(p.message);
      setErrors(p.errors);
    } finally {
      setBusy(false);
    }
  }

  // A changed quantity is no longer what the server refused: its error goes, and the problem
  // above the button with the last of them.
  function change(lineNo: number, quantity: string) {
    setQuantities((q) => ({ ...q, [lineNo]: quantity }));
    const index = sent.indexOf(lineNo);
    const left = errors.filter((e) => index < 0 || e.field !== `lines/${index}/quantity`);
    setErrors(left);
    if (left.length === 0) setProblem(null);
  }

  const lineError = (lineNo: number) => {
    const index = sent.indexOf(lineNo);
    return index >= 0 ? lineErrors(errors, index) : {};
  };
  const reasonError = errors.find((e) => e.field === "reason" || /^lines\/\d+\/reason$/.test(e.field))?.message;
  const general = otherErrors(errors).filter((e) => e.field !== "reason");
  return (
    <section aria-labelledby="return-request-title">
      <p>
        <a href="#/returns">← Returns</a>
      </p>
      <h1 id="return-request-title">Request a return</h1>
      <form class="draft" onSubmit={(e) => void submit(e)}>
        <div class="fields">
          <label for="return-order">Order</label>
          <select id="return-order" value={chosen} onChange={(e) => setChosen(valueOf(e))}>
            <option value="">Choose a shipped order…</option>
            {chosen && !orders?.some((o) => o.number === chosen) && <option value={chosen}>{chosen}</option>}
            {(orders ?? []).map((o) => (
              <option value={o.number}>
                {o.number}
                {o.po_number ? ` (PO ${o.po_number})` : ""} — {new Date(o.created_at).toLocaleDateString()}
              </option>
            ))}
          </select>
          <label for="return-reason">Reason</label>
          <select
            id="return-reason"
            value={reason}
            aria-invalid={reasonError ? "true" : undefined}
            onChange={(e) => setReason(valueOf(e))}
          >
            <option value="">Choose a reason…</option>
            {RETURN_REASONS.map(([code, text]) => (
              <option value={code}>{text}</option>
            ))}
          </select>
          {reasonError && <span class="error">{reasonError}</span>}
        </div>
        {loadError && (
          <p class="error" role="alert">
            {loadError}
          </p>
        )}
        {chosen && lines === null && !loadError && <p aria-live="polite">Loading the order…</p>}
        {lines !== null && lines.length === 0 && (
          <p>Nothing of {chosen} can be returned: nothing shipped is left to send back.</p>
        )}
        {lines !== null && lines.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col" id="return-sku-col">
                  SKU
                </th>
                <th scope="col" class="number">
                  Shipped
                </th>
                <th scope="col" class="number">
                  Can be returned
                </th>
                <th scope="col" id="return-qty-col">
                  Quantity to return
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map(({ line, left }) => {
                const le = lineError(line.line_no);
                return (
                  <tr key={line.line_no}>
                    <td>{line.line_no}</td>
                    <td id={`return-sku-${line.line_no}`}>{line.sku}</td>
                    <td class="number">{line.quantity_shipped}</td>
                    <td class="number">{left}</td>
                    <td>
                      <input
                        class="quantity"
                        inputMode="numeric"
                        value={quantities[line.line_no] ?? ""}
                        aria-labelledby={`return-qty-col return-sku-${line.line_no}`}
                        aria-invalid={le.quantity ? "true" : undefined}
                        onInput={(e) => change(line.line_no, valueOf(e))}
                      />
                      {le.quantity && <div class="error">{le.quantity}</div>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {problem && (
          <div class="error" role="alert">
            <p>{problem}</p>
            {general.length > 0 && (
              <ul>
                {general.map((e) => (
                  <li>{e.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div class="actions">
          <button type="submit" disabled={busy || !lines || lines.length === 0}>
            {busy ? "Requesting…" : "Request return"}
          </button>
        </div>
      </form>
    </section>
  );
}
