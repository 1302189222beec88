// One line of the draft: SKU and quantity as typed (editable), the unit, and what the price
// quote says of it: the item's name, pack sizes, availability per warehouse, the unit price for
// this customer with its source, and the line's amount; its problems at their fields.
import { QuoteLine } from "./desk_api";
import { DraftLine } from "./draft";
import { PriceCell } from "./manual_price";

export type LineProblems = Partial<Record<"sku" | "quantity" | "uom" | "line", string>>;

interface Props {
  line: DraftLine;
  index: number;
  quoted: QuoteLine | undefined;
  problems: LineProblems;
  priced: boolean; // a customer is chosen, so prices can be shown
  canOverride: boolean; // the user may set a manual price (orders.override_price)
  onChange: (change: Partial<DraftLine>) => void;
  onRemove: () => void;
  onQuantityEnter: () => void;
  quantityRef: (el: HTMLInputElement | null) => void;
  skuRef: (el: HTMLInputElement | null) => void;
}

function source(text: string): string {
  if (text === "list") return "list price";
  if (text.startsWith("tier:")) return `tier ${text.slice(5)}`;
  return text;
}

export function LineRow({ line, index, quoted, problems, priced, canOverride, onChange, onRemove, onQuantityEnter, quantityRef, skuRef }: Props) {
  const n = index + 1;
  const id = `desk-line-${line.key}`;
  const units = quoted?.base_uom ? [quoted.base_uom, ...quoted.pack_sizes.map((p) => p.uom)] : [];
  if (line.uom && !units.includes(line.uom)) units.push(line.uom);
  const available = quoted?.availability;
  const short = available && quoted?.base_quantity != null && quoted.base_quantity > available.total_available;
  const field = (name: keyof LineProblems) =>
    problems[name]
      ? { "aria-invalid": true as const, "aria-describedby": `${id}-${name}-error` }
      : {};
  return (
    <tr class={Object.keys(problems).length > 0 ? "problem" : undefined} data-line={n}>
      <td class="number">{n}</td>
      <td>
        <input
          id={`${id}-sku`}
          ref={skuRef}
          class="sku"
          aria-label={`Line ${n} SKU`}
          value={line.sku}
          spellcheck={false}
          {...field("sku")}
          onInput={(e) => onChange({ sku: (e.target as HTMLInputElement).value.trim() })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              document.getElementById(`${id}-quantity`)?.focus();
            }
          }}
        />
        {problems.sku && (
          <span id={`${id}-sku-error`} class="field-error">
            {problems.sku}
          </span>
        )}
      </td>
      <td class="item-name">
        {quoted?.name ?? (quoted ? "" : "…")}
        {line.part && <span class="muted part-number"> (your part no. {line.part})</span>}
        {line.configuration && <div class="muted configuration">{line.configuration.description}</div>}
      </td>
      <td>
        <input
          id={`${id}-quantity`}
          ref={quantityRef}
          class="quantity"
          inputMode="numeric"
          aria-label={`Line ${n} quantity`}
          value={line.quantity}
          {...field("quantity")}
          onInput={(e) => onChange({ quantity: (e.target as HTMLInputElement).value.trim() })}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              onQuantityEnter();
            }
          }}
        />
        {problems.quantity && (
          <span id={`${id}-quantity-error`} class="field-error">
            {problems.quantity}
          </span>
        )}
      </td>
      <td>
        {units.length > 0 ? (
          <select
            aria-label={`Line ${n} unit`}
            value={line.uom || units[0]}
            {...field("uom")}
            onChange={(e) => {
              const uom = (e.target as HTMLSelectElement).value;
              onChange({ uom: uom === quoted?.base_uom ? "" : uom });
            }}
          >
            {units.map((u) => (
              <option value={u}>{u}</option>
            ))}
          </select>
        ) : (
          <span>{line.uom}</span>
        )}
        {problems.uom && (
          <span id={`${id}-uom-error`} class="field-error">
            {problems.uom}
          </span>
        )}
      </td>
      <td class="packs">
        {quoted?.pack_sizes.map((p) => `${p.uom} of ${p.quantity}`).join(", ")}
      </td>
      <td class="stock">
        {available && (
          <span>
            {available.warehouses.map((w) => (
              <span class="wh">
                {w.warehouse} {w.available}
              </span>
            ))}
            {short && <span class="chip chip-backordered">short</span>}
          </span>
        )}
      </td>
      <td class="number">
        <PriceCell
          n={n}
          id={id}
          price={line.price}
          quotedPrice={priced ? (quoted?.unit_price ?? null) : null}
          baseUom={quoted?.base_uom ?? null}
          canOverride={canOverride && priced && line.sku !== ""}
          onSet={(price) => onChange({ price })}
        />
      </td>
      <td>
        {line.price ? (
          <span>
            <span class="chip" title="manual">
              manual price: {line.price.reason}
            </span>{" "}
            <button type="button" class="secondary small" aria-label={`Line ${n}: use the rule price`} onClick={() => onChange({ price: undefined })}>
              Use rule price
            </button>
          </span>
        ) : priced && quoted?.price_source ? (
          <span class="chip" title={quoted.price_source}>
            {quoted.price_explanation || source(quoted.price_source)}
          </span>
        ) : (
          ""
        )}
      </td>
      <td class="number">
        {priced ? (quoted?.extended_amount ?? "") : ""}
      </td>
      <td>
        <button type="button" class="secondary small" aria-label={`Remove line ${n}`} onClick={onRemove}>
          Remove
        </button>
        {problems.line && (
          <span id={`${id}-line-error`} class="field-error">
            {problems.line}
          </span>
        )}
      </td>
    </tr>
  );
}
