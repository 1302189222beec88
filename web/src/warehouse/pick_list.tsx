// One pick list (GET /api/v1/shipments/{number}): its lines with SKU, item description and
// quantity to pick; the picker enters what was really picked per line (less is a short pick),
// the carrier, service, tracking number and packages, and confirms it (POST …/confirm). What a
// short pick leaves is the API's to decide: it goes back to the order as a backorder, and an
// order that ships complete refuses a short pick. Then the packing slip (PDF) goes in the box.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { DocumentLink } from "../document_link";
import { errorAt, FieldMessage, fieldId, focusField, ProblemBanner, problemOf, TextField, unplaced } from "./common";

interface ShipmentLine {
  line_no: number;
  sku: string;
  quantity: number;
  quantity_shipped: number;
}

interface Shipment {
  number: string;
  status: "picking" | "shipped" | "cancelled";
  order: string;
  warehouse: string;
  carrier: string | null;
  service: string | null;
  tracking_number: string | null;
  packages: { weight: string }[];
  lines: ShipmentLine[];
  version: number;
  created_at: string;
  shipped_at: string | null;
  cancel_reason: string | null;
  invoice: string | null;
}

interface Order {
  customer: string;
  po_number: string;
  allow_partial_shipment: boolean;
  currency: string;
}

interface Item {
  name: string;
  uom: string;
}

const CARRIERS = ["UPS", "FedEx", "XPO", "Estes", "Customer pickup"];
const WHOLE = /^\d+$/;

// Each line's item description, or the reason it could not be read (never silently blank).
async function describe(lines: ShipmentLine[]): Promise<Record<string, string>> {
  const skus = [...new Set(lines.map((l) => l.sku))];
  const found = await Promise.all(
    skus.map((sku) =>
      call<Item>("GET", `/api/v1/items/${encodeURIComponent(sku)}`).then(
        (item) => item.name,
        (e) => `(description unavailable: ${(e as ApiError).message})`,
      ),
    ),
  );
  return Object.fromEntries(skus.map((sku, i) => [sku, found[i]]));
}

export function PickList({ number }: { number: string }) {
  const [shipment, setShipment] = useState<Shipment | null>(null);
  const [order, setOrder] = useState<Order | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<string | null>(null);

  const [picked, setPicked] = useState<Record<number, string>>({});
  const [carrier, setCarrier] = useState("");
  const [service, setService] = useState("");
  const [tracking, setTracking] = useState("");
  const [weights, setWeights] = useState<string[]>([""]);
  const [freight, setFreight] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function load() {
    setLoadError(null);
    setProblem(null);
    setLocal({});
    try {
      const s = await call<Shipment>("GET", `/api/v1/shipments/${encodeURIComponent(number)}`);
      setShipment(s);
      setPicked(Object.fromEntries(s.lines.map((l) => [l.line_no, String(l.quantity)])));
      // The picker starts at the first line's picked quantity (all picked unless changed).
      if (s.status === "picking") focusField("lines/0/quantity");
      const [o, n] = await Promise.all([
        call<Order>("GET", `/api/v1/orders/${encodeURIComponent(s.order)}`),
        describe(s.lines),
      ]);
      setOrder(o);
      setNames(n);
    } catch (e) {
      setLoadError((e as ApiError).message);
    }
  }

  useEffect(() => {
    void load();
  }, [number]);

  if (loadError) {
    return (
      <section class="warehouse" aria-labelledby="pick-title">
        <h1 id="pick-title">Pick list {number}</h1>
        <p class="error" role="alert">
          {loadError}
        </p>
        <a href="#/picking">Back to the picking queue</a>
      </section>
    );
  }
  if (!shipment) return <p aria-live="polite">Loading…</p>;

  // Checks what the browser can (whole numbers within the picked quantity, required texts) so
  // each problem shows at its field before anything is sent; the API checks everything again.
  function checkLocally(s: Shipment): Record<string, string> {
    const found: Record<string, string> = {};
    s.lines.forEach((l, i) => {
      const text = (picked[l.line_no] ?? "").trim();
      if (!WHOLE.test(text)) found[`lines/${i}/quantity`] = "Enter the whole number of units picked (0 if none).";
      else if (Number(text) > l.quantity) found[`lines/${i}/quantity`] = `At most the ${l.quantity} on the pick list.`;
    });
    if (!carrier.trim()) found.carrier = "Enter the carrier.";
    if (!service.trim()) found.service = "Enter the carrier's service (Ground, LTL…).";
    if (!tracking.trim()) found.tracking_number = "Enter the tracking number.";
    weights.forEach((w, i) => {
      if (!/^\d+(\.\d+)?$/.test(w.trim()) || Number(w) <= 0) found[`packages/${i}/weight`] = "Enter the package's weight (above 0).";
    });
    if (freight.trim() && !/^\d+(\.\d{1,2})?$/.test(freight.trim())) found.freight = "Freight is an amount like 15.00.";
    return found;
  }

  async function confirm(s: Shipment) {
    const found = checkLocally(s);
    setLocal(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      focusField(Object.keys(found)[0]);
      return;
    }
    setBusy(true);
    try {
      const body: Record<string, unknown> = {
        carrier: carrier.trim(),
        service: service.trim(),
        tracking_number: tracking.trim(),
        packages: weights.map((w) => ({ weight: w.trim() })),
        // Every line, in the pick list's order: the API names a problem by its index here.
        lines: s.lines.map((l) => ({ line_no: l.line_no, quantity: Number(picked[l.line_no].trim()) })),
      };
      if (freight.trim()) body.freight = freight.trim();
      const done = await call<Shipment>("POST", `/api/v1/shipments/${encodeURIComponent(s.number)}/confirm`, body);
      setShipment(done);
    } catch (e) {
      const p = problemOf(e);
      setProblem(p);
      if (p.errors.length > 0) focusField(p.errors[0].field);
    } finally {
      setBusy(false);
    }
  }

  async function cancel(s: Shipment) {
    setProblem(null);
    if (!reason.trim()) {
      setLocal({ reason: "Say why the pick list is cancelled." });
      focusField("reason");
      return;
    }
    setBusy(true);
    try {
      setShipment(await call<Shipment>("POST", `/api/v1/shipments/${encodeURIComponent(s.number)}/cancel`, { reason: reason.trim() }));
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  }

  // A field's problem until it is edited ("" once edited: shown no more).
  const at = (field: string) => (field in local ? local[field] || null : errorAt(problem, field));
  const edited = (field: string) => setLocal((shown) => ({ ...shown, [field]: "" }));
  // The props of a TextField for `field`: its value, its problem, and what typing in it does.
  const text = (field: string, value: string, set: (value: string) => void) => ({
    id: field,
    value,
    message: at(field),
    onInput: (v: string) => {
      set(v);
      edited(field);
    },
  });
  const shownFields = (field: string) =>
    /^lines\/\d+\/quantity$/.test(field) ||
    /^packages\/\d+\/weight$/.test(field) ||
    ["carrier", "service", "tracking_number", "freight", "reason"].includes(field);
  const s = shipment;
  const shortLines = s.lines.filter((l) => WHOLE.test(picked[l.line_no] ?? "") && Number(picked[l.line_no]) < l.quantity);

  return (
    <section class="warehouse" aria-labelledby="pick-title">
      <p>
        <a href="#/picking">Back to the picking queue</a>
      </p>
      <h1 id="pick-title">
        Pick list {s.number} <span class={`chip chip-${s.status}`}>{s.status}</span>
      </h1>
      <dl class="facts">
        <dt>Order</dt>
        <dd>
          <a href={`#/orders/${encodeURIComponent(s.order)}`}>{s.order}</a>
          {order?.po_number ? ` (PO ${order.po_number})` : ""}
        </dd>
        <dt>Customer</dt>
        <dd>{order?.customer ?? "…"}</dd>
        <dt>Warehouse</dt>
        <dd>{s.warehouse}</dd>
        <dt>Made</dt>
        <dd>{new Date(s.created_at).toLocaleString()}</dd>
        {s.shipped_at && (
          <>
            <dt>Shipped</dt>
            <dd>
              {new Date(s.shipped_at).toLocaleString()} by {s.carrier} {s.service}, tracking {s.tracking_number}
            </dd>
          </>
        )}
        {s.invoice && (
          <>
            <dt>Invoice</dt>
            <dd>{s.invoice}</dd>
          </>
        )}
        {s.cancel_reason && (
          <>
            <dt>Cancelled</dt>
            <dd>{s.cancel_reason}</dd>
          </>
        )}
      </dl>
      <p>
        <DocumentLink path={`/api/v1/shipments/${encodeURIComponent(s.number)}/packing-slip.pdf`} label="Packing slip PDF" filename={`${s.number}.pdf`} />
      </p>
      <ProblemBanner problem={problem} what="pick list" onReload={() => void load()} extra={unplaced(problem, shownFields)} />
      {s.status === "picking" && order && !order.allow_partial_shipment && (
        <p class="warning">This order ships complete: every line must be picked in full, a short pick is refused.</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (s.status === "picking") void confirm(s);
        }}
      >
        <table>
          <caption>Lines to pick</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" id="col-sku">
                SKU
              </th>
              <th scope="col">Description</th>
              <th scope="col" class="number">
                To pick
              </th>
              <th scope="col" class="number" id="col-picked">
                {s.status === "picking" ? "Picked" : "Shipped"}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((l, i) => {
              const field = `lines/${i}/quantity`;
              const message = at(field);
              return (
                <tr key={l.line_no}>
                  <td>{l.line_no}</td>
                  <td id={`sku-${l.line_no}`}>{l.sku}</td>
                  <td>{names[l.sku] ?? "…"}</td>
                  <td class="number">{l.quantity}</td>
                  <td class="number">
                    {s.status === "picking" ? (
                      <>
                        <input
                          id={fieldId(field)}
                          class="quantity"
                          inputMode="numeric"
                          value={picked[l.line_no] ?? ""}
                          aria-labelledby={`col-picked sku-${l.line_no}`}
                          aria-invalid={message ? true : undefined}
                          aria-describedby={message ? `${fieldId(field)}-error` : undefined}
                          onInput={(e) => {
                            setPicked({ ...picked, [l.line_no]: (e.target as HTMLInputElement).value });
                            edited(field);
                          }}
                        />
                        <FieldMessage id={`${fieldId(field)}-error`} message={message} />
                      </>
                    ) : s.status === "shipped" ? (
                      <span class={l.quantity_shipped < l.quantity ? "short" : undefined}>
                        {l.quantity_shipped}
                        {l.quantity_shipped < l.quantity ? " (short)" : ""}
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {s.status === "picking" && shortLines.length > 0 && (
          <p class="warning" aria-live="polite">
            Short pick on {shortLines.map((l) => `line ${l.line_no} (${picked[l.line_no]} of ${l.quantity})`).join(", ")}: what is not
            picked goes back to the order as a backorder.
          </p>
        )}
        {s.status === "shipped" && s.lines.some((l) => l.quantity_shipped < l.quantity) && (
          <p class="warning">What was not shipped went back to the order as a backorder.</p>
        )}
        {s.status === "picking" && (
          <fieldset class="ship-details">
            <legend>Shipping</legend>
            <TextField label="Carrier" {...text("carrier", carrier, setCarrier)} list="carriers" />
            <datalist id="carriers">
              {CARRIERS.map((c) => (
                <option value={c} />
              ))}
            </datalist>
            <TextField label="Service" {...text("service", service, setService)} />
            <TextField label="Tracking number" {...text("tracking_number", tracking, setTracking)} />
            {weights.map((w, i) => (
              <TextField
                label={`Package ${i + 1} weight`}
                inputMode="decimal"
                {...text(`packages/${i}/weight`, w, (v) => setWeights(weights.map((x, j) => (j === i ? v : x))))}
              />
            ))}
            <span class="package-buttons">
              <button type="button" class="secondary" onClick={() => setWeights([...weights, ""])}>
                Add a package
              </button>
              {weights.length > 1 && (
                <button type="button" class="secondary" onClick={() => setWeights(weights.slice(0, -1))}>
                  Remove the last package
                </button>
              )}
            </span>
            <TextField
              label={`Freight charged${order ? ` (${order.currency})` : ""}, optional`}
              inputMode="decimal"
              {...text("freight", freight, setFreight)}
            />
            <button type="submit" disabled={busy}>
              Confirm shipment
            </button>
          </fieldset>
        )}
      </form>
      {s.status === "picking" && (
        <details class="cancel-pick">
          <summary>Cancel this pick list</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void cancel(s);
            }}
          >
            <p>Nothing moves: what it held stays allocated to the order, which comes back to the queue.</p>
            <TextField label="Reason" {...text("reason", reason, setReason)} />
            <button type="submit" class="secondary" disabled={busy}>
              Cancel pick list
            </button>
          </form>
        </details>
      )}
    </section>
  );
}
