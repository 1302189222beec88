// A line's unit price cell on the order desk: the price the live quote gives the line and, for a
// user who may set manual prices (orders.override_price), "Set price" opening a small form for
// a manual unit price per base unit with its reason. The reason is required here, before the
// draft goes anywhere, as the API requires it; the price itself is judged by the server (the
// live quote names a bad one at the line). "Use rule price" (line_row.tsx) drops it again.
import { useState } from "preact/hooks";
import { ManualPrice } from "./draft";
import { formatUnitPrice } from "./money";

interface Props {
  n: number; // the line's number, for labels
  id: string; // the line's id prefix
  price: ManualPrice | undefined;
  quotedPrice: string | null; // the live quote's unit price, null until priced
  baseUom: string | null;
  canOverride: boolean;
  onSet: (price: ManualPrice) => void;
}

export function PriceCell({ n, id, price, quotedPrice, baseUom, canOverride, onSet }: Props) {
  const [open, setOpen] = useState(false);
  const [unitPrice, setUnitPrice] = useState("");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<{ field: "price" | "reason"; text: string } | null>(null);
  const shown = quotedPrice ?? price?.unitPrice;

  function start() {
    setUnitPrice(price?.unitPrice ? formatUnitPrice(price.unitPrice) : (quotedPrice ? formatUnitPrice(quotedPrice) : ""));
    setReason(price?.reason ?? "");
    setProblem(null);
    setOpen(true);
  }

  function apply(e: Event) {
    e.preventDefault();
    const p = unitPrice.trim();
    const r = reason.trim();
    if (p === "") return setProblem({ field: "price", text: "Enter the unit price." });
    if (r === "") return setProblem({ field: "reason", text: "A manual price needs a reason." });
    onSet({ unitPrice: p, reason: r });
    setOpen(false);
  }

  const invalid = (field: "price" | "reason") =>
    problem?.field === field ? { "aria-invalid": true as const, "aria-describedby": `${id}-manual-error` } : {};
  return (
    <>
      {shown ? `${formatUnitPrice(shown)}/${baseUom ?? ""}` : ""}
      {canOverride && !open && (
        <div>
          <button type="button" class="secondary small" aria-label={`Line ${n}: set a manual price`} onClick={start}>
            Set price
          </button>
        </div>
      )}
      {open && (
        <form class="desk-manual-price" aria-label={`Line ${n} manual price`} onSubmit={apply}>
          <label>
            Unit price{baseUom ? ` per ${baseUom}` : ""}
            <input
              class="price"
              inputMode="decimal"
              aria-label={`Line ${n} manual unit price`}
              value={unitPrice}
              {...invalid("price")}
              onInput={(e) => setUnitPrice((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            Reason
            <input
              aria-label={`Line ${n} price reason`}
              value={reason}
              maxLength={500}
              {...invalid("reason")}
              onInput={(e) => setReason((e.target as HTMLInputElement).value)}
            />
          </label>
          {problem && (
            <span id={`${id}-manual-error`} class="field-error" role="alert">
              {problem.text}
            </span>
          )}
          <button type="submit" class="small">
            Apply
          </button>{" "}
          <button type="button" class="secondary small" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      )}
    </>
  );
}
