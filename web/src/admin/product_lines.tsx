// Admin: product lines (GET/POST /api/v1/product-lines, PATCH /api/v1/product-lines/{code} with
// If-Match). A line groups items for pricing and reports; its minimum margin sets the floor
// price of its items (cost / (1 - margin)). The code is fixed once created.
import { CheckField, errorAt, FormButtons, Problem, TextField } from "./fields";
import { Page } from "./page";
import { useRecordForm } from "./record_form";

export interface ProductLine {
  code: string;
  name: string;
  min_margin_percent: string;
  active: boolean;
  version: number;
}

interface Draft {
  code: string;
  name: string;
  min_margin_percent: string;
  active: boolean;
}

function ProductLineForm(props: { line: ProductLine | null; onSaved: (line: ProductLine) => void; onCancel: () => void }) {
  const form = useRecordForm<ProductLine, Draft>({
    record: props.line,
    draftOf: (l) => (l ? { code: l.code, name: l.name, min_margin_percent: l.min_margin_percent, active: l.active } : { code: "", name: "", min_margin_percent: "", active: true }),
    path: "/api/v1/product-lines",
    keyOf: (l) => l.code,
    onSaved: props.onSaved,
  });
  const { draft, errors, record: line } = form;

  function save(event: Event) {
    event.preventDefault();
    const body = { name: draft.name, min_margin_percent: draft.min_margin_percent, active: draft.active };
    void form.save(body, { ...body, code: draft.code });
  }

  return (
    <form class="record-form" onSubmit={save} aria-labelledby="product-line-form-title">
      <h2 id="product-line-form-title">{line ? `Edit product line ${line.code}` : "New product line"}</h2>
      <div class="grid">
        <TextField id="product-line-code" label="Code" value={draft.code} onInput={form.set("code")} readOnly={line !== null} required error={errorAt(errors, "code")} />
        <TextField id="product-line-name" label="Name" value={draft.name} onInput={form.set("name")} required error={errorAt(errors, "name")} />
        <TextField
          id="product-line-margin"
          label="Minimum margin (percent)"
          hint="Of the price, 0 to 99.99; the floor price is cost / (1 - margin)"
          inputMode="decimal"
          value={draft.min_margin_percent}
          onInput={form.set("min_margin_percent")}
          required
          error={errorAt(errors, "min_margin_percent")}
        />
        <CheckField id="product-line-active" label="Active" checked={draft.active} onChange={(active) => form.setDraft({ ...draft, active })} />
      </div>
      <Problem error={form.error} shown={["code", "name", "min_margin_percent"]} onReload={form.onReload} />
      <FormButtons busy={form.busy} saveLabel={line ? "Save product line" : "Create product line"} onCancel={props.onCancel} />
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
