// "Change order" on the staff's order page (sales and the sales manager, orders.change): a
// line's quantity and unit, a manual price with its reason, a requested date; lines added by
// SKU or configured question by question (the desk's configurator); a new ship-to. Save sends only what was changed as one PATCH /api/v1/orders/{ref} with
// the version the page was read at as If-Match, so a change made meanwhile by someone else is
// refused (412) and the shared conflict notice offers to reload; the server prices, taxes,
// checks and allocates the change, and the page shows the order it answers. Each problem is
// shown at its line and field.
import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, call, newIdempotencyKey } from "./api";
import { ConflictNotice, isConflict } from "./conflict";
import { ConfigurePanel } from "./desk/configure";
import { LineConfiguration } from "./desk/draft";
import { LineNoted, LineNotes } from "./line_notes";

export interface ChangeableLine extends LineNoted {
  line_no: number;
  sku: string;
  entered_quantity: number;
  uom: string;
  unit_price: string;
  quantity_cancelled: number;
  quantity: number;
  requested_date?: string;
}

export interface ChangeableOrder {
  number: string;
  version: number;
  customer: string;
  ship_to: string;
  lines: ChangeableLine[];
}

interface LineDraft {
  quantity: string;
  uom: string;
  unit_price: string;
  override_reason: string;
  requested_date: string;
}

interface AddedDraft {
  sku: string;
  quantity: string;
  uom: string;
  configuration?: LineConfiguration; // a configured product: its SKU comes from the answers
}

// The body of the change: only what differs from the order as read.
function changeBody(order: ChangeableOrder, drafts: LineDraft[], added: AddedDraft[], shipTo: string) {
  const lines: Record<string, unknown>[] = [];
  // Where each entry of `lines` came from, to show its problems at that row.
  const rows: string[] = [];
  order.lines.forEach((l, i) => {
    const d = drafts[i];
    const entry: Record<string, unknown> = {};
    if (d.quantity.trim() !== String(l.entered_quantity) || d.uom.trim() !== l.uom) {
      entry.quantity = d.quantity.trim();
      if (d.uom.trim()) entry.uom = d.uom.trim();
    }
    if (d.unit_price.trim()) {
      entry.unit_price = d.unit_price.trim();
      entry.override_reason = d.override_reason.trim();
    }
    if (d.requested_date && d.requested_date !== (l.requested_date ?? "")) entry.requested_date = d.requested_date;
    if (Object.keys(entry).length === 0) return;
    lines.push({ line_no: l.line_no, ...entry });
    rows.push(`line-${l.line_no}`);
  });
  added.forEach((a, i) => {
    if (!a.sku.trim() && !a.quantity.trim()) return;
    const entry: Record<string, unknown> = a.configuration
      ? { configuration: { configurator: a.configuration.configurator, answers: a.configuration.answers }, quantity: a.quantity.trim() }
      : { sku: a.sku.trim(), quantity: a.quantity.trim() };
    if (a.uom.trim()) entry.uom = a.uom.trim();
    lines.push(entry);
    rows.push(`added-${i}`);
  });
  const body: Record<string, unknown> = {};
  if (shipTo && shipTo !== order.ship_to) body.ship_to = shipTo;
  if (lines.length > 0) body.lines = lines;
  return { body, rows };
}

// The problems of `error` at row `row` and field `field` ("lines/<i>/<field>" of the body).
function problemsAt(error: ApiError | null, rows: string[], row: string, field: string): string[] {
  if (!error) return [];
  return error.errors
    .filter((e) => {
      const m = e.field.match(/^lines\/(\d+)\/(.+)$/);
      if (m === null || rows[Number(m[1])] !== row) return false;
      return m[2] === field || m[2].startsWith(`${field}/`) || (field === "line" && m[2] === "line_no");
    })
    .map((e) => e.message);
}

function Problems(props: { id: string; messages: string[] }) {
  if (props.messages.length === 0) return null;
  return (
    <small id={props.id} class="error">
      {props.messages.join("; ")}
    </small>
  );
}

export function OrderChangeForm(props: {
  order: ChangeableOrder;
  onChanged: (order: unknown) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { order } = props;
  const [drafts, setDrafts] = useState<LineDraft[]>(() =>
    order.lines.map((l) => ({
      quantity: String(l.entered_quantity),
      uom: l.uom,
      unit_price: "",
      override_reason: "",
      requested_date: l.requested_date ?? "",
    })),
  );
  const [added, setAdded] = useState<AddedDraft[]>([]);
  const [shipTo, setShipTo] = useState(order.ship_to);
  const [shipTos, setShipTos] = useState<string[]>([order.ship_to]);
  const [error, setError] = useState<ApiError | null>(null);
  const [rows, setRows] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [configuring, setConfiguring] = useState(false);
  const key = useMemo(() => newIdempotencyKey(), [order.version]);

  useEffect(() => {
    call<{ ship_to: { code: string }[] }>("GET", `/api/v1/customers/${encodeURIComponent(order.customer)}`)
      .then((c) => setShipTos(c.ship_to.map((s) => s.code)))
      .catch(() => setShipTos([order.ship_to]));
  }, [order.customer]);

  const setDraft = (i: number, patch: Partial<LineDraft>) =>
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const setAddedDraft = (i: number, patch: Partial<AddedDraft>) =>
    setAdded((as) => as.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  async function save(e: Event) {
    e.preventDefault();
    const { body, rows } = changeBody(order, drafts, added, shipTo);
    setRows(rows);
    setSaving(true);
    try {
      const changed = await call("PATCH", `/api/v1/orders/${encodeURIComponent(order.number)}`, body, {
        headers: { "If-Match": `"${order.version}"`, "Idempotency-Key": key },
      });
      setError(null);
      props.onChanged(changed);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setSaving(false);
    }
  }

  const otherErrors =
    error && !isConflict(error)
      ? error.errors.length === 0
        ? [error.message]
        : error.errors.filter((e) => !/^lines\/\d+\//.test(e.field)).map((e) => `${e.field}: ${e.message}`)
      : [];
  return (
    <>
      <form class="order-change" onSubmit={(e) => void save(e)} aria-labelledby="change-title">
        <h2 id="change-title">Change order {order.number}</h2>
        <ConflictNotice error={error} what="order" onReload={props.onReload} />
        {otherErrors.length > 0 && (
          <p class="error" role="alert">
            {otherErrors.join("; ")}
          </p>
        )}
        <label>
          Ship to{" "}
          <select value={shipTo} onChange={(e) => setShipTo((e.target as HTMLSelectElement).value)}>
            {shipTos.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">SKU</th>
              <th scope="col">Quantity</th>
              <th scope="col">Unit</th>
              <th scope="col">New unit price</th>
              <th scope="col">Reason for the price</th>
              <th scope="col">Requested date</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((l, i) => {
              const d = drafts[i];
              const row = `line-${l.line_no}`;
              const done = l.quantity_cancelled >= l.quantity;
              return (
                <tr key={row}>
                  <td>{l.line_no}</td>
                  <td>
                    {l.sku}
                    <LineNotes line={l} />
                    <Problems id={`${row}-line`} messages={problemsAt(error, rows, row, "line")} />
                  </td>
                  <td>
                    <input
                      aria-label={`Quantity of line ${l.line_no}`}
                      inputMode="numeric"
                      size={6}
                      disabled={done}
                      value={d.quantity}
                      onInput={(e) => setDraft(i, { quantity: (e.target as HTMLInputElement).value })}
                    />
                    <Problems id={`${row}-quantity`} messages={problemsAt(error, rows, row, "quantity")} />
                  </td>
                  <td>
                    <input
                      aria-label={`Unit of line ${l.line_no}`}
                      size={3}
                      disabled={done}
                      value={d.uom}
                      onInput={(e) => setDraft(i, { uom: (e.target as HTMLInputElement).value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`New unit price of line ${l.line_no} (now ${l.unit_price})`}
                      inputMode="decimal"
                      size={8}
                      disabled={done}
                      value={d.unit_price}
                      onInput={(e) => setDraft(i, { unit_price: (e.target as HTMLInputElement).value })}
                    />
                    <Problems id={`${row}-price`} messages={problemsAt(error, rows, row, "unit_price")} />
                  </td>
                  <td>
                    <input
                      aria-label={`Reason for the price of line ${l.line_no}`}
                      disabled={done}
                      value={d.override_reason}
                      onInput={(e) => setDraft(i, { override_reason: (e.target as HTMLInputElement).value })}
                    />
                    <Problems id={`${row}-reason`} messages={problemsAt(error, rows, row, "override_reason")} />
                  </td>
                  <td>
                    <input
                      type="date"
                      aria-label={`Requested date of line ${l.line_no}`}
                      disabled={done}
                      value={d.requested_date}
                      onInput={(e) => setDraft(i, { requested_date: (e.target as HTMLInputElement).value })}
                    />
                    <Problems id={`${row}-date`} messages={problemsAt(error, rows, row, "requested_date")} />
                  </td>
                </tr>
              );
            })}
            {added.map((a, i) => {
              const row = `added-${i}`;
              const n = i + 1;
              return (
                <tr key={row}>
                  <td>new</td>
                  <td>
                    {a.configuration ? (
                      <>
                        {a.sku}
                        <div class="muted configuration line-configuration">{a.configuration.description}</div>
                        <Problems id={`${row}-configuration`} messages={problemsAt(error, rows, row, "configuration")} />
                      </>
                    ) : (
                      <>
                        <input
                          aria-label={`SKU of new line ${n}`}
                          size={10}
                          value={a.sku}
                          onInput={(e) => setAddedDraft(i, { sku: (e.target as HTMLInputElement).value })}
                        />
                        <Problems id={`${row}-sku`} messages={problemsAt(error, rows, row, "sku")} />
                      </>
                    )}
                  </td>
                  <td>
                    <input
                      aria-label={`Quantity of new line ${n}`}
                      inputMode="numeric"
                      size={6}
                      value={a.quantity}
                      onInput={(e) => setAddedDraft(i, { quantity: (e.target as HTMLInputElement).value })}
                    />
                    <Problems id={`${row}-quantity`} messages={problemsAt(error, rows, row, "quantity")} />
                  </td>
                  <td>
                    <input
                      aria-label={`Unit of new line ${n}`}
                      size={3}
                      value={a.uom}
                      onInput={(e) => setAddedDraft(i, { uom: (e.target as HTMLInputElement).value })}
                    />
                  </td>
                  <td colSpan={3}></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p>
          <button type="button" onClick={() => setAdded((as) => [...as, { sku: "", quantity: "", uom: "" }])}>
            Add a line
          </button>{" "}
          <button type="button" class="secondary" aria-expanded={configuring} onClick={() => setConfiguring(true)}>
            Configure a product…
          </button>{" "}
          <button type="submit" disabled={saving}>
            Save the change
          </button>{" "}
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </p>
      </form>
      {/* Outside the change's form: the panel has a form of its own. */}
      {configuring && (
        <ConfigurePanel
          onAdd={(sku, quantity, configuration) => {
            setAdded((as) => [...as, { sku, quantity, uom: "", configuration }]);
            setConfiguring(false);
          }}
          onClose={() => setConfiguring(false)}
        />
      )}
    </>
  );
}
