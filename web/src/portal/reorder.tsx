// Order again (#/orders/SO-000042/reorder): a draft that starts as a copy of a past order's
// lines (SKU, quantity and unit as entered), which the buyer adjusts (quantities, lines
// removed, PO, ship-to, requested date) and places with POST /api/v1/orders. The browser sends
// no price: the server prices the new order for the customer as of today, and the new order's
// page shows those prices. One Idempotency-Key per draft, so a double click or a retry places
// one order; every problem is shown at its field or line.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, FieldError } from "../api";
import { Order } from "./portal_types";
import {
  customerCode,
  lineErrors,
  newIdempotencyKey,
  otherErrors,
  postOnce,
  problemText,
  quantityOf,
  valueOf,
} from "./shared";

interface DraftLine {
  sku: string;
  quantity: string;
  uom: string;
  lastPrice: string;
}

interface Customer {
  code: string;
  ship_to: { code: string; name: string; city?: string }[];
}

function draftOf(order: Order): DraftLine[] {
  return order.lines
    .filter((l) => l.quantity > l.quantity_cancelled)
    .map((l) => ({ sku: l.sku, quantity: String(l.entered_quantity), uom: l.uom, lastPrice: l.unit_price }));
}

export function Reorder(props: { number: string }) {
  const [source, setSource] = useState<Order | null>(null);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [po, setPo] = useState("");
  const [shipTo, setShipTo] = useState("");
  const [requested, setRequested] = useState("");
  const [key] = useState(newIdempotencyKey);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ref = encodeURIComponent(props.number);
    call<Order>("GET", `/api/v1/orders/${ref}`)
      .then(async (order) => {
        const code = await customerCode();
        const c = await call<Customer>("GET", `/api/v1/customers/${encodeURIComponent(code)}`);
        setSource(order);
        setCustomer(c);
        setLines(draftOf(order));
        setShipTo(order.ship_to);
      })
      .catch((e) => setLoadError(problemText(e, `There is no order ${props.number}.`)));
  }, [props.number]);

  // A changed quantity is no longer what the server refused: its error goes, and the problem
  // above the button with the last of them.
  function change(index: number, quantity: string) {
    setLines((ls) => ls.map((l, i) => (i === index ? { ...l, quantity } : l)));
    const left = errors.filter((e) => e.field !== `lines/${index}/quantity`);
    setErrors(left);
    if (left.length === 0) setProblem(null);
  }

  function remove(index: number) {
    setLines((ls) => ls.filter((_, i) => i !== index));
    setErrors([]);
  }

  async function place(event: Event) {
    event.preventDefault();
    if (busy || !customer) return;
    setBusy(true);
    setProblem(null);
    setErrors([]);
    const body: Record<string, unknown> = {
      customer: customer.code,
      ship_to: shipTo,
      lines: lines.map((l) => ({ sku: l.sku, quantity: quantityOf(l.quantity), uom: l.uom })),
    };
    if (po.trim()) body.po_number = po.trim();
    if (requested) body.requested_date = requested;
    try {
      const placed = await postOnce<{ number: string }>("/api/v1/orders", body, key);
      location.hash = `#/orders/${encodeURIComponent(placed.number)}?placed`;
    } catch (e) {
      const p = e as ApiError;
      setProblem(p.message);
      setErrors(p.errors);
    } finally {
      setBusy(false);
    }
  }

  if (loadError)
    return (
      <section>
        <p>
          <a href="#/orders">← Your orders</a>
        </p>
        <p class="error" role="alert">
          {loadError}
        </p>
      </section>
    );
  if (!source || !customer) return <p aria-live="polite">Loading…</p>;
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;
  const general = otherErrors(errors).filter((e) => !["po_number", "ship_to", "requested_date"].includes(e.field));
  return (
    <section aria-labelledby="reorder-title">
      <p>
        <a href={`#/orders/${encodeURIComponent(source.number)}`}>← Order {source.number}</a>
      </p>
      <h1 id="reorder-title">Order again from {source.number}</h1>
      <p class="lead">
        The lines of {source.number}, to adjust before placing. Prices are set by Ordo when the order is placed, at
        your prices of today; the last price is shown for reference.
      </p>
      <form class="draft" onSubmit={(e) => void place(e)}>
        <div class="fields">
          <label for="reorder-po">Your PO number</label>
          <input id="reorder-po" value={po} maxLength={64} onInput={(e) => setPo(valueOf(e))} />
          {fieldError("po_number") && <span class="error">{fieldError("po_number")}</span>}
          <label for="reorder-ship-to">Ship to</label>
          <select id="reorder-ship-to" value={shipTo} onChange={(e) => setShipTo(valueOf(e))}>
            {customer.ship_to.map((s) => (
              <option value={s.code}>
                {s.code} — {s.name}
                {s.city ? `, ${s.city}` : ""}
              </option>
            ))}
          </select>
          {fieldError("ship_to") && <span class="error">{fieldError("ship_to")}</span>}
          <label for="reorder-requested">Requested date (optional)</label>
          <input id="reorder-requested" type="date" value={requested} onInput={(e) => setRequested(valueOf(e))} />
          {fieldError("requested_date") && <span class="error">{fieldError("requested_date")}</span>}
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col" id="reorder-sku-col">
                SKU
              </th>
              <th scope="col" id="reorder-qty-col">
                Quantity
              </th>
              <th scope="col">Unit</th>
              <th scope="col" class="number">
                Last price
              </th>
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const le = lineErrors(errors, i);
              return (
                <tr key={l.sku + i}>
                  <td id={`reorder-sku-${i}`}>
                    {l.sku}
                    {le.sku && <div class="error">{le.sku}</div>}
                  </td>
                  <td>
                    <input
                      id={`reorder-qty-${i}`}
                      class="quantity"
                      inputMode="numeric"
                      value={l.quantity}
                      aria-labelledby={`reorder-qty-col reorder-sku-${i}`}
                      aria-invalid={le.quantity ? "true" : undefined}
                      onInput={(e) => change(i, valueOf(e))}
                    />
                    {le.quantity && <div class="error">{le.quantity}</div>}
                  </td>
                  <td>
                    {l.uom}
                    {le.uom && <div class="error">{le.uom}</div>}
                  </td>
                  <td class="number">{l.lastPrice}</td>
                  <td>
                    <button type="button" class="secondary" aria-label={`Remove ${l.sku}`} onClick={() => remove(i)}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {lines.length === 0 && <p>Every line was removed: start over to order again from {source.number}.</p>}
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
          <button type="submit" disabled={busy || lines.length === 0}>
            {busy ? "Placing…" : `Place order (${lines.length} ${lines.length === 1 ? "line" : "lines"})`}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setLines(draftOf(source));
              setErrors([]);
              setProblem(null);
            }}
          >
            Start over
          </button>
        </div>
      </form>
    </section>
  );
}
