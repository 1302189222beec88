// Pricing: customer contracts (GET/POST /api/v1/contracts, PATCH with If-Match). A contract
// gives one customer prices from a first to a last day: per item or product line, a fixed
// price or a percentage off. Its terms are edited as text, one per line: "SKU 4.10",
// "SKU -12.5%", "line FAST -5%"; the server checks them and names a bad one by its place.
import { useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { patchVersioned } from "./admin_api";
import { errorAt, FormButtons, Problem, TextField } from "./fields";
import { Page } from "./page";

interface Term {
  sku: string | null;
  product_line: string | null;
  unit_price: string | null;
  discount_percent: string | null;
}

export interface Contract {
  id: number;
  code: string;
  customer: string;
  start_date: string;
  end_date: string;
  note: string;
  terms: Term[];
  version: number;
}

function termText(t: Term): string {
  const what = t.sku ?? `line ${t.product_line}`;
  return t.unit_price !== null ? `${what} ${t.unit_price}` : `${what} -${t.discount_percent}%`;
}

// One term per non-empty line; a line that is not "<sku> <price>", "<sku> -<n>%" or
// "line <code> ..." is sent as an empty term, which the server reports at its index.
function parseTerms(text: string): Record<string, string>[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = line.match(/^(line\s+)?(\S+)\s+(-?[0-9.]+)(%?)$/i);
      if (!m) return {};
      const scope = m[1] ? { product_line: m[2] } : { sku: m[2] };
      return m[4] ? { ...scope, discount_percent: m[3].replace(/^-/, "") } : { ...scope, unit_price: m[3] };
    });
}

function ContractForm(props: { contract: Contract | null; onSaved: (c: Contract) => void; onCancel: () => void }) {
  const c = props.contract;
  const [draft, setDraft] = useState({
    code: c?.code ?? "",
    customer: c?.customer ?? "",
    start_date: c?.start_date ?? "",
    end_date: c?.end_date ?? "",
    note: c?.note ?? "",
    terms: c ? c.terms.map(termText).join("\n") : "",
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const errors = error?.errors ?? [];
  const termErrors = errors.filter((e) => e.field.startsWith("terms"));

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { customer: draft.customer, start_date: draft.start_date, end_date: draft.end_date, note: draft.note, terms: parseTerms(draft.terms) };
    try {
      const saved = c
        ? await patchVersioned<Contract>(`/api/v1/contracts/${encodeURIComponent(c.code)}`, body, c.version)
        : await call<Contract>("POST", "/api/v1/contracts", { ...body, code: draft.code });
      props.onSaved(saved);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="record-form" onSubmit={save} aria-labelledby="contract-form-title">
      <h2 id="contract-form-title">{c ? `Edit contract ${c.code}` : "New contract"}</h2>
      <div class="grid">
        <TextField id="contract-code" label="Code" value={draft.code} onInput={set("code")} readOnly={c !== null} required error={errorAt(errors, "code")} />
        <TextField id="contract-customer" label="Customer" value={draft.customer} onInput={set("customer")} required error={errorAt(errors, "customer")} />
        <TextField id="contract-start" label="First day" hint="YYYY-MM-DD" value={draft.start_date} onInput={set("start_date")} required error={errorAt(errors, "start_date")} />
        <TextField id="contract-end" label="Last day" hint="YYYY-MM-DD" value={draft.end_date} onInput={set("end_date")} required error={errorAt(errors, "end_date")} />
        <TextField id="contract-note" label="Note" value={draft.note} onInput={set("note")} error={errorAt(errors, "note")} />
      </div>
      <div class="field">
        <label for="contract-terms">Prices</label>
        <textarea
          id="contract-terms"
          rows={6}
          value={draft.terms}
          aria-describedby="contract-terms-hint"
          onInput={(e) => set("terms")((e.target as HTMLTextAreaElement).value)}
        />
        <small id="contract-terms-hint">One per line: "SKU 4.10" (a price), "SKU -12.5%" or "line FAST -5%" (a discount)</small>
        {termErrors.map((e) => (
          <small class="error" key={e.field + e.code}>
            {`Price ${Number(e.field.split("/")[1] ?? 0) + 1}: ${e.message}`}
          </small>
        ))}
      </div>
      <Problem error={error} shown={["code", "customer", "start_date", "end_date", "note", "terms"]} onReload={c ? props.onCancel : undefined} />
      <FormButtons busy={busy} saveLabel={c ? "Save contract" : "Create contract"} onCancel={props.onCancel} />
    </form>
  );
}

export function Contracts() {
  return (
    <Page<Contract>
      title="Contracts"
      noun="contract"
      searchLabel="Search code or customer"
      listPath={() => "/api/v1/contracts?limit=200"}
      matches={(c, q) => [c.code, c.customer].some((t) => t.toLowerCase().includes(q))}
      keyOf={(c) => c.code}
      columns={[
        { title: "Code", cell: (c) => c.code },
        { title: "Customer", cell: (c) => c.customer },
        { title: "From", cell: (c) => c.start_date },
        { title: "Until", cell: (c) => c.end_date },
        { title: "Prices", cell: (c) => c.terms.map(termText).join("; ") },
      ]}
      form={(c, done, cancel) => <ContractForm contract={c} onSaved={done} onCancel={cancel} />}
    />
  );
}
