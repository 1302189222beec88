// Admin: the catalog's items. A list searched by SKU or name (GET /api/v1/items?q=), a form to
// create one (POST) and to edit one (PATCH with If-Match: a record someone else changed in
// between is refused, and the screen offers to reload it). Prices are sent as the exact decimal
// text typed; the server checks and keeps them.
import { ApiError } from "../api";
import { CheckField, errorAt, FormButtons, Problem, TextField } from "./fields";
import { Page } from "./page";
import { useRecordForm } from "./record_form";

export interface Item {
  id: number;
  sku: string;
  name: string;
  uom: string;
  pack_sizes: { uom: string; quantity: number }[];
  list_price: string;
  cost: string;
  tax_class: string;
  active: boolean;
  reorder_point: number;
  product_line: string | null;
  min_order_quantity: number;
  order_multiple: number;
  gtin: string | null;
  version: number;
}

// "CS=12; PL=480" ↔ [{uom: "CS", quantity: 12}, …]; null when a part is not UOM=quantity.
function packsText(packs: Item["pack_sizes"]): string {
  return packs.map((p) => `${p.uom}=${p.quantity}`).join("; ");
}
function parsePacks(text: string): Item["pack_sizes"] | null {
  const parts = text.split(/[;,]/).map((p) => p.trim()).filter(Boolean);
  const packs: Item["pack_sizes"] = [];
  for (const part of parts) {
    const m = part.match(/^([^=\s]+)\s*=\s*(\d+)$/);
    if (!m) return null;
    packs.push({ uom: m[1], quantity: Number(m[2]) });
  }
  return packs;
}

interface Draft {
  sku: string;
  name: string;
  uom: string;
  list_price: string;
  cost: string;
  tax_class: string;
  reorder_point: string;
  packs: string;
  active: boolean;
  product_line: string;
  min_order_quantity: string;
  order_multiple: string;
  gtin: string;
}

function draftOf(item: Item | null): Draft {
  return item
    ? {
        sku: item.sku,
        name: item.name,
        uom: item.uom,
        list_price: item.list_price,
        cost: item.cost,
        tax_class: item.tax_class,
        reorder_point: String(item.reorder_point),
        packs: packsText(item.pack_sizes),
        active: item.active,
        product_line: item.product_line ?? "",
        min_order_quantity: String(item.min_order_quantity),
        order_multiple: String(item.order_multiple),
        gtin: item.gtin ?? "",
      }
    : {
        sku: "",
        name: "",
        uom: "EA",
        list_price: "",
        cost: "",
        tax_class: "standard",
        reorder_point: "0",
        packs: "",
        active: true,
        product_line: "",
        min_order_quantity: "1",
        order_multiple: "1",
        gtin: "",
      };
}

// A whole number typed as digits goes as a number; anything else as typed, for the server to refuse.
function wholeOrText(text: string): number | string {
  return /^\d+$/.test(text) ? Number(text) : text;
}

function ItemForm(props: { item: Item | null; onSaved: (item: Item) => void; onCancel: () => void }) {
  const form = useRecordForm<Item, Draft>({ record: props.item, draftOf, path: "/api/v1/items", keyOf: (i) => i.sku, onSaved: props.onSaved });
  const { record: item, draft, set, errors } = form;

  async function save(event: Event) {
    event.preventDefault();
    const packs = parsePacks(draft.packs);
    if (packs === null) {
      form.setError(new ApiError(400, "invalid_argument", "The item has invalid fields.", [
        { field: "pack_sizes", code: "invalid_value", message: "Write pack sizes as UOM=quantity, separated by semicolons (CS=12; PL=480)." },
      ]));
      return;
    }
    const body: Record<string, unknown> = {
      name: draft.name,
      list_price: draft.list_price,
      cost: draft.cost || "0",
      tax_class: draft.tax_class,
      active: draft.active,
      reorder_point: wholeOrText(draft.reorder_point),
      pack_sizes: packs,
      product_line: draft.product_line.trim() || null,
      min_order_quantity: wholeOrText(draft.min_order_quantity),
      order_multiple: wholeOrText(draft.order_multiple),
      gtin: draft.gtin.trim() || null,
    };
    await form.save(body, { ...body, sku: draft.sku, uom: draft.uom });
  }

  const fields = ["sku", "name", "uom", "list_price", "cost", "tax_class", "reorder_point", "pack_sizes", "product_line", "min_order_quantity", "order_multiple", "gtin"];
  return (
    <form class="record-form" onSubmit={save} aria-labelledby="item-form-title">
      <h2 id="item-form-title">{item ? `Edit item ${item.sku}` : "New item"}</h2>
      <div class="grid">
        <TextField id="item-sku" label="SKU" value={draft.sku} onInput={set("sku")} readOnly={item !== null} required error={errorAt(errors, "sku")} />
        <TextField id="item-name" label="Name" value={draft.name} onInput={set("name")} required error={errorAt(errors, "name")} />
        <TextField id="item-uom" label="Base unit" value={draft.uom} onInput={set("uom")} readOnly={item !== null} error={errorAt(errors, "uom")} />
        <TextField id="item-list-price" label="List price" inputMode="decimal" value={draft.list_price} onInput={set("list_price")} required error={errorAt(errors, "list_price")} />
        <TextField id="item-cost" label="Cost" inputMode="decimal" value={draft.cost} onInput={set("cost")} error={errorAt(errors, "cost")} />
        <TextField id="item-tax-class" label="Tax class" value={draft.tax_class} onInput={set("tax_class")} error={errorAt(errors, "tax_class")} />
        <TextField id="item-reorder-point" label="Reorder point" inputMode="numeric" value={draft.reorder_point} onInput={set("reorder_point")} error={errorAt(errors, "reorder_point")} />
        <TextField id="item-packs" label="Pack sizes" hint="UOM=quantity; e.g. CS=12; PL=480" value={draft.packs} onInput={set("packs")} error={errorAt(errors, "pack_sizes")} />
        <TextField id="item-product-line" label="Product line" hint="A product line's code; empty for none" value={draft.product_line} onInput={set("product_line")} error={errorAt(errors, "product_line")} />
        <TextField id="item-moq" label="Minimum order quantity" hint="In base units" inputMode="numeric" value={draft.min_order_quantity} onInput={set("min_order_quantity")} error={errorAt(errors, "min_order_quantity")} />
        <TextField id="item-multiple" label="Order multiple" hint="Lines order whole multiples of it, in base units" inputMode="numeric" value={draft.order_multiple} onInput={set("order_multiple")} error={errorAt(errors, "order_multiple")} />
        <TextField id="item-gtin" label="GTIN" hint="The base unit's bar code: 8, 12, 13 or 14 digits" inputMode="numeric" value={draft.gtin} onInput={set("gtin")} error={errorAt(errors, "gtin")} />
        <CheckField id="item-active" label="Active (can be ordered)" checked={draft.active} onChange={set("active")} />
      </div>
      <Problem error={form.error} shown={fields} onReload={form.onReload} />
      <FormButtons busy={form.busy} saveLabel={item ? "Save item" : "Create item"} onCancel={props.onCancel} />
    </form>
  );
}

export function Items() {
  return (
    <Page<Item>
      title="Items"
      noun="item"
      searchLabel="Search SKU or name"
      listPath={(q) => `/api/v1/items?${new URLSearchParams(q ? { q, limit: "50" } : { limit: "50" })}`}
      keyOf={(i) => i.sku}
      columns={[
        { title: "SKU", cell: (i) => i.sku },
        { title: "Name", cell: (i) => i.name },
        { title: "Unit", cell: (i) => i.uom },
        { title: "Packs", cell: (i) => packsText(i.pack_sizes) },
        { title: "List price", cell: (i) => i.list_price, number: true },
        { title: "Cost", cell: (i) => i.cost, number: true },
        { title: "Tax class", cell: (i) => i.tax_class },
        { title: "Line", cell: (i) => i.product_line ?? "" },
        { title: "Active", cell: (i) => (i.active ? "yes" : "no") },
      ]}
      form={(item, done, cancel) => <ItemForm item={item} onSaved={done} onCancel={cancel} />}
    />
  );
}
