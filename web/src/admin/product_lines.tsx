// Admin: product lines (GET/POST /api/v1/product-lines, PATCH /api/v1/product-lines/{code} with
// If-Match). A line groups items for pricing and reports; its minimum margin sets the floor
// price of its items (cost / (1 - margin)). The code is fixed once created.
import { useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { isStale, patchVersioned } from "./admin_api";
import { CheckField, errorAt, FormButtons, Problem, StaleRecord, TextField } from "./fields";
import { Page } from "./page";

export interface ProductLine {
  code: string;
  name: string;
  min_margin_percent: string;
  active: boolean;
  version: number;
}

function ProductLineForm(props: { line: ProductLine | null; onSaved: (line: ProductLine) => void; onCancel: () => void }) {
  const [line, setLine] = useState(props.line);
  const blank = { code: "", name: "", min_margin_percent: "", active: true };
  const [draft, setDraft] = useState(props.line ? { ...props.line } : blank);
  const [error, setError] = useState<ApiError | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (field: "code" | "name" | "min_margin_percent") => (value: string) => setDraft({ ...draft, [field]: value });
  const errors = error?.errors ?? [];

  async function reload() {
    if (!line) return;
    try {
      const fresh = await call<ProductLine>("GET", `/api/v1/product-lines/${encodeURIComponent(line.code)}`);
      setLine(fresh);
      setDraft({ ...fresh });
      setStale(false);
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    const body = { name: draft.name, min_margin_percent: draft.min_margin_percent, active: draft.active };
    setBusy(true);
    setError(null);
    try {
      const saved = line
        ? await patchVersioned<ProductLine>(`/api/v1/product-lines/${encodeURIComponent(line.code)}`, body, line.version)
        : await call<ProductLine>("POST", "/api/v1/product-lines", { ...body, code: draft.code });
      props.onSaved(saved);
    } catch (e) {
      if (line && isStale(e)) setStale(true);
      else setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="record-form" onSubmit={save} aria-labelledby="product-line-form-title">
      <h2 id="product-line-form-title">{line ? `Edit product line ${line.code}` : "New product line"}</h2>
      {stale && <StaleRecord onReload={() => void reload()} />}
      <div class="grid">
        <TextField id="product-line-code" label="Code" value={draft.code} onInput={set("code")} readOnly={line !== null} required error={errorAt(errors, "code")} />
        <TextField id="product-line-name" label="Name" value={draft.name} onInput={set("name")} required error={errorAt(errors, "name")} />
        <TextField
          id="product-line-margin"
          label="Minimum margin (percent)"
          hint="Of the price, 0 to 99.99; the floor price is cost / (1 - margin)"
          inputMode="decimal"
          value={draft.min_margin_percent}
          onInput={set("min_margin_percent")}
          required
          error={errorAt(errors, "min_margin_percent")}
        />
        <CheckField id="product-line-active" label="Active" checked={draft.active} onChange={(active) => setDraft({ ...draft, active })} />
      </div>
      <Problem error={error} shown={["code", "name", "min_margin_percent"]} />
      <FormButtons busy={busy} saveLabel={line ? "Save product line" : "Create product line"} onCancel={props.onCancel} />
    </form>
  );
}

export function ProductLines() {
  return (
    <Page<ProductLine>
      title="Product lines"
      noun="product line"
      searchLabel="Search code or name"
      listPath={() => "/api/v1/product-lines"}
      matches={(l, q) => l.code.toLowerCase().includes(q) || l.name.toLowerCase().includes(q)}
      keyOf={(l) => l.code}
      columns={[
        { title: "Code", cell: (l) => l.code },
        { title: "Name", cell: (l) => l.name },
        { title: "Minimum margin %", cell: (l) => l.min_margin_percent, number: true },
        { title: "Active", cell: (l) => (l.active ? "yes" : "no") },
      ]}
      form={(l, done, cancel) => <ProductLineForm line={l} onSaved={done} onCancel={cancel} />}
    />
  );
}
