// Pricing: promotions (GET/POST /api/v1/promotions, PATCH with If-Match). A promotion takes a
// percentage or an amount off between two dates, for an item, a product line and/or a customer
// pricing group, and either stacks on the customer's best price or, exclusive, comes off the
// list price instead of it (docs/architecture.md, Pricing). The form sends what was typed; the
// server checks every field and says which are wrong.
import { useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { patchVersioned } from "./admin_api";
import { errorAt, FormButtons, Problem, TextField } from "./fields";
import { Page } from "./page";

export interface Promotion {
  id: number;
  code: string;
  name: string;
  start_date: string;
  end_date: string;
  sku: string | null;
  product_line: string | null;
  customer_group: string | null;
  discount_percent: string | null;
  amount_off: string | null;
  stacking: "stacks" | "exclusive";
  version: number;
}

interface Draft {
  code: string;
  name: string;
  start_date: string;
  end_date: string;
  sku: string;
  product_line: string;
  customer_group: string;
  off: string; // "10%" or "0.50"
  stacking: "stacks" | "exclusive";
}

function draftOf(p: Promotion | null): Draft {
  if (!p) return { code: "", name: "", start_date: "", end_date: "", sku: "", product_line: "", customer_group: "", off: "", stacking: "stacks" };
  return {
    code: p.code,
    name: p.name,
    start_date: p.start_date,
    end_date: p.end_date,
    sku: p.sku ?? "",
    product_line: p.product_line ?? "",
    customer_group: p.customer_group ?? "",
    off: p.discount_percent !== null ? `${p.discount_percent}%` : (p.amount_off ?? ""),
    stacking: p.stacking,
  };
}

// What a promotion takes off, as its row says it: "-10%" or "-0.50".
export function offText(p: Promotion): string {
  return p.discount_percent !== null ? `-${p.discount_percent}%` : `-${p.amount_off}`;
}

function PromotionForm(props: { promotion: Promotion | null; onSaved: (p: Promotion) => void; onCancel: () => void }) {
  const p = props.promotion;
  const [draft, setDraft] = useState(draftOf(p));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const errors = error?.errors ?? [];

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const off = draft.off.trim();
    const body = {
      name: draft.name,
      start_date: draft.start_date,
      end_date: draft.end_date,
      sku: draft.sku.trim() || null,
      product_line: draft.product_line.trim() || null,
      customer_group: draft.customer_group.trim() || null,
      ...(off.endsWith("%") ? { discount_percent: off.slice(0, -1).trim() } : { amount_off: off }),
      stacking: draft.stacking,
    };
    try {
      const saved = p
        ? await patchVersioned<Promotion>(`/api/v1/promotions/${encodeURIComponent(p.code)}`, body, p.version)
        : await call<Promotion>("POST", "/api/v1/promotions", { ...body, code: draft.code });
      props.onSaved(saved);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="record-form" onSubmit={save} aria-labelledby="promotion-form-title">
      <h2 id="promotion-form-title">{p ? `Edit promotion ${p.code}` : "New promotion"}</h2>
      <div class="grid">
        <TextField id="promotion-code" label="Code" value={draft.code} onInput={set("code")} readOnly={p !== null} required error={errorAt(errors, "code")} />
        <TextField id="promotion-name" label="Name" value={draft.name} onInput={set("name")} error={errorAt(errors, "name")} />
        <TextField id="promotion-start" label="First day" hint="YYYY-MM-DD" value={draft.start_date} onInput={set("start_date")} required error={errorAt(errors, "start_date")} />
        <TextField id="promotion-end" label="Last day" hint="YYYY-MM-DD" value={draft.end_date} onInput={set("end_date")} required error={errorAt(errors, "end_date")} />
        <TextField id="promotion-sku" label="Item (SKU)" value={draft.sku} onInput={set("sku")} error={errorAt(errors, "sku")} />
        <TextField id="promotion-line" label="Product line" value={draft.product_line} onInput={set("product_line")} error={errorAt(errors, "product_line")} />
        <TextField id="promotion-group" label="Customer group" value={draft.customer_group} onInput={set("customer_group")} error={errorAt(errors, "customer_group")} />
        <TextField
          id="promotion-off"
          label="Off"
          hint="A percentage (10%) or an amount per unit (0.50)"
          inputMode="decimal"
          value={draft.off}
          onInput={set("off")}
          required
          error={errorAt(errors, "discount_percent") ?? errorAt(errors, "amount_off")}
        />
        <div class="field">
          <label for="promotion-stacking">Stacking</label>
          <select id="promotion-stacking" value={draft.stacking} onChange={(e) => set("stacking")((e.target as HTMLSelectElement).value)}>
            <option value="stacks">Stacks on the customer's best price</option>
            <option value="exclusive">Exclusive: off the list price, instead of it</option>
          </select>
        </div>
      </div>
      <Problem error={error} shown={["code", "name", "start_date", "end_date", "sku", "product_line", "customer_group", "discount_percent", "amount_off"]} onReload={p ? props.onCancel : undefined} />
      <FormButtons busy={busy} saveLabel={p ? "Save promotion" : "Create promotion"} onCancel={props.onCancel} />
    </form>
  );
}

export function Promotions() {
  return (
    <Page<Promotion>
      title="Promotions"
      noun="promotion"
      searchLabel="Search code, name, SKU or group"
      listPath={() => "/api/v1/promotions?limit=200"}
      matches={(p, q) => [p.code, p.name, p.sku ?? "", p.product_line ?? "", p.customer_group ?? ""].some((t) => t.toLowerCase().includes(q))}
      keyOf={(p) => p.code}
      columns={[
        { title: "Code", cell: (p) => p.code },
        { title: "Name", cell: (p) => p.name },
        { title: "From", cell: (p) => p.start_date },
        { title: "Until", cell: (p) => p.end_date },
        { title: "For", cell: (p) => [p.sku, p.product_line && `line ${p.product_line}`, p.customer_group && `group ${p.customer_group}`].filter(Boolean).join(", ") },
        { title: "Off", cell: (p) => offText(p), number: true },
        { title: "Stacking", cell: (p) => p.stacking },
      ]}
      form={(p, done, cancel) => <PromotionForm promotion={p} onSaved={done} onCancel={cancel} />}
    />
  );
}
