// Receiving stock into a warehouse (POST /api/v1/inventory/receipts): a reference (the supplier's
// delivery note or PO) and lines of SKU and quantity, received all together or not at all; the
// answer shows each item's resulting on-hand, allocated and available there (new stock serves
// waiting backorders at once, which the allocated figure shows).
import { useState } from "preact/hooks";
import { ApiError, call, newIdempotencyKey } from "../api";
import {
  errorAt,
  fieldId,
  FieldMessage,
  focusField,
  ProblemBanner,
  problemOf,
  TextField,
  unplaced,
  useWarehouse,
  WarehouseSelect,
} from "./common";

interface ReceivedLine {
  sku: string;
  quantity: number;
  on_hand: number;
  allocated: number;
  available: number;
}

interface Received {
  warehouse: string;
  reference: string;
  lines: ReceivedLine[];
}

interface Line {
  sku: string;
  quantity: string;
}

const EMPTY: Line = { sku: "", quantity: "" };

export function Receipts() {
  const { warehouses, warehouse, choose, error: warehousesError } = useWarehouse();
  const [reference, setReference] = useState("");
  // One key per receipt: a retry after a lost answer receives the stock once.
  const [key, setKey] = useState(newIdempotencyKey);
  const [lines, setLines] = useState<Line[]>([{ ...EMPTY }]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState<Received | null>(null);

  // Blank lines are left out; what is left is checked here first so each problem shows at its
  // field, then again by the API.
  function filled(): Line[] {
    return lines.filter((l) => l.sku.trim() || l.quantity.trim());
  }

  async function submit() {
    const sent = filled();
    const found: Record<string, string> = {};
    if (sent.length === 0) found["lines/0/sku"] = "Enter the SKU received.";
    sent.forEach((l, i) => {
      if (!l.sku.trim()) found[`lines/${i}/sku`] = "Enter the SKU.";
      if (!/^\d+$/.test(l.quantity.trim()) || Number(l.quantity) <= 0) found[`lines/${i}/quantity`] = "Enter the whole number of units received.";
    });
    setLines(sent.length > 0 ? sent : [{ ...EMPTY }]);
    setLocal(found);
    setProblem(null);
    if (Object.keys(found).length > 0) {
      focusField(Object.keys(found)[0]);
      return;
    }
    setBusy(true);
    try {
      const done = await call<Received>(
        "POST",
        "/api/v1/inventory/receipts",
        {
          warehouse,
          reference: reference.trim(),
          lines: sent.map((l) => ({ sku: l.sku.trim(), quantity: Number(l.quantity.trim()) })),
        },
        { headers: { "Idempotency-Key": key } },
      );
      setKey(newIdempotencyKey());
      setReceived(done);
      setLines([{ ...EMPTY }]);
      setReference("");
      focusField("reference");
    } catch (e) {
      const p = problemOf(e);
      setProblem(p);
      if (p.errors.length > 0) focusField(p.errors[0].field);
    } finally {
      setBusy(false);
    }
  }

  // A field's problem until it is edited ("" once edited: shown no more).
  const at = (field: string) => (field in local ? local[field] || null : errorAt(problem, field));
  const edited = (field: string) => setLocal((shown) => ({ ...shown, [field]: "" }));
  const shownFields = (field: string) => /^lines\/\d+\/(sku|quantity)$/.test(field) || field === "reference" || field === "warehouse";

  return (
    <section class="warehouse" aria-labelledby="receipts-title">
      <h1 id="receipts-title">Receipts</h1>
      {warehousesError && (
        <p class="error" role="alert">
          {warehousesError}
        </p>
      )}
      <ProblemBanner problem={problem} what="receipt" onReload={() => setProblem(null)} extra={unplaced(problem, shownFields)} />
      <form
        class="receipt-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div class="filters">
          <WarehouseSelect id="receipt-warehouse" warehouses={warehouses} value={warehouse} onChange={choose} error={errorAt(problem, "warehouse")} />
          <TextField
            id="reference"
            label="Reference (delivery note, PO)"
            value={reference}
            message={at("reference")}
            onInput={(v) => {
              setReference(v);
              edited("reference");
            }}
          />
        </div>
        <table>
          <caption>Lines received</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col" id="col-receipt-sku">
                SKU
              </th>
              <th scope="col" id="col-receipt-quantity" class="number">
                Quantity (base units)
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr>
                <td id={`receipt-row-${i}`}>{i + 1}</td>
                <td>
                  <LineInput
                    field={`lines/${i}/sku`}
                    header="col-receipt-sku"
                    row={i}
                    value={l.sku}
                    message={at(`lines/${i}/sku`)}
                    onInput={(v) => {
                      setLines(lines.map((x, j) => (j === i ? { ...x, sku: v } : x)));
                      edited(`lines/${i}/sku`);
                    }}
                  />
                </td>
                <td class="number">
                  <LineInput
                    field={`lines/${i}/quantity`}
                    header="col-receipt-quantity"
                    row={i}
                    value={l.quantity}
                    numeric
                    message={at(`lines/${i}/quantity`)}
                    onInput={(v) => {
                      setLines(lines.map((x, j) => (j === i ? { ...x, quantity: v } : x)));
                      edited(`lines/${i}/quantity`);
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="form-buttons">
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setLines([...lines, { ...EMPTY }]);
              focusField(`lines/${lines.length}/sku`);
            }}
          >
            Add a line
          </button>
          <button type="submit" disabled={busy || !warehouse}>
            Receive stock
          </button>
        </p>
      </form>
      {received && (
        <div class="result" role="status">
          <h2>
            Received into {received.warehouse}
            {received.reference ? ` (${received.reference})` : ""}
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col" class="number">
                  Received
                </th>
                <th scope="col" class="number">
                  On hand now
                </th>
                <th scope="col" class="number">
                  Allocated
                </th>
                <th scope="col" class="number">
                  Available
                </th>
              </tr>
            </thead>
            <tbody>
              {received.lines.map((l) => (
                <tr>
                  <td>{l.sku}</td>
                  <td class="number">{l.quantity}</td>
                  <td class="number">{l.on_hand}</td>
                  <td class="number">{l.allocated}</td>
                  <td class="number">{l.available}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// An input of a receipt line, labelled by its column's header and its line number (both visible).
function LineInput({
  field,
  header,
  row,
  value,
  message,
  numeric,
  onInput,
}: {
  field: string;
  header: string;
  row: number;
  value: string;
  message: string | null;
  numeric?: boolean;
  onInput: (value: string) => void;
}) {
  const id = fieldId(field);
  return (
    <>
      <input
        id={id}
        value={value}
        class={numeric ? "quantity" : undefined}
        inputMode={numeric ? "numeric" : undefined}
        aria-labelledby={`${header} receipt-row-${row}`}
        aria-describedby={message ? `${id}-error` : undefined}
        aria-invalid={message ? true : undefined}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      <FieldMessage id={`${id}-error`} message={message} />
    </>
  );
}
