// Pricing: price lists (GET/POST /api/v1/price-lists, GET and PATCH /api/v1/price-lists/{code}
// with If-Match). A list is valid from a first day (to a last one, or open-ended) and gives its
// customers (set on each customer) their own price of an item, the reference price that tiers,
// breaks and percentage discounts start from, and quantity breaks per item or product line.
// Prices and breaks are edited as text, one per line: "SKU 4.10" a price; "SKU 100+ 3.95" or
// "SKU 100+ -5%" or "line FAST 50+ -3%" a break. The server checks them and names a bad one by
// its place.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { patchVersioned } from "./admin_api";
import { errorAt, FormButtons, Problem, TextField } from "./fields";
import { Page } from "./page";

interface Price {
  sku: string;
  unit_price: string;
}

interface Break {
  sku: string | null;
  product_line: string | null;
  min_quantity: number;
  unit_price: string | null;
  discount_percent: string | null;
}

export interface PriceListSummary {
  code: string;
  name: string;
  currency: string;
  valid_from: string;
  valid_to: string | null;
  version: number;
}

interface PriceList extends PriceListSummary {
  prices: Price[];
  breaks: Break[];
}

function breakText(b: Break): string {
  const what = b.sku ?? `line ${b.product_line}`;
  const how = b.unit_price !== null ? b.unit_price : `-${b.discount_percent}%`;
  return `${what} ${b.min_quantity}+ ${how}`;
}

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

// "<sku> <price>" per line; a line of another shape is sent as an empty price, which the server
// reports at its index.
function parsePrices(text: string): Record<string, string>[] {
  return lines(text).map((line): Record<string, string> => {
    const m = line.match(/^(\S+)\s+([0-9.]+)$/);
    return m ? { sku: m[1], unit_price: m[2] } : {};
  });
}

// "<sku> <n>+ <price>", "<sku> <n>+ -<p>%" or "line <code> <n>+ ..." per line; another shape is
// sent as an empty break, which the server reports at its index.
function parseBreaks(text: string): Record<string, string | number>[] {
  return lines(text).map((line): Record<string, string | number> => {
    const m = line.match(/^(line\s+)?(\S+)\s+(\d+)\+\s+(-?[0-9.]+)(%?)$/i);
    if (!m) return {};
    const scope: Record<string, string> = m[1] ? { product_line: m[2] } : { sku: m[2] };
    const at = { ...scope, min_quantity: Number(m[3]) };
    return m[5] ? { ...at, discount_percent: m[4].replace(/^-/, "") } : { ...at, unit_price: m[4] };
  });
}

// The problems at "<list>/<i>/..." as "<Noun> <i + 1>: message".
function listProblems(errors: { field: string; code: string; message: string }[], list: string, noun: string) {
  return errors
    .filter((e) => e.field === list || e.field.startsWith(`${list}/`))
    .map((e) => (
      <small class="error" key={e.field + e.code}>
        {e.field === list ? e.message : `${noun} ${Number(e.field.split("/")[1] ?? 0) + 1}: ${e.message}`}
      </small>
    ));
}

function PriceListForm(props: { list: PriceListSummary | null; onSaved: (l: PriceListSummary) => void; onCancel: () => void }) {
  const summary = props.list;
  // The list's prices and breaks are read when it is opened (the list view has only summaries).
  const [full, setFull] = useState<PriceList | null>(null);
  const [draft, setDraft] = useState({
    code: summary?.code ?? "",
    name: summary?.name ?? "",
    valid_from: summary?.valid_from ?? "",
    valid_to: summary?.valid_to ?? "",
    prices: "",
    breaks: "",
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const errors = error?.errors ?? [];

  useEffect(() => {
    if (!summary) return;
    call<PriceList>("GET", `/api/v1/price-lists/${encodeURIComponent(summary.code)}`)
      .then((l) => {
        setFull(l);
        setDraft((d) => ({
          ...d,
          prices: l.prices.map((p) => `${p.sku} ${p.unit_price}`).join("\n"),
          breaks: l.breaks.map(breakText).join("\n"),
        }));
      })
      .catch((e) => setError(e as ApiError));
  }, [summary?.code]);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      name: draft.name,
      valid_from: draft.valid_from,
      valid_to: draft.valid_to.trim() === "" ? null : draft.valid_to,
      prices: parsePrices(draft.prices),
      breaks: parseBreaks(draft.breaks),
    };
    try {
      const saved = summary
        ? await patchVersioned<PriceList>(`/api/v1/price-lists/${encodeURIComponent(summary.code)}`, body, full?.version ?? summary.version)
        : await call<PriceList>("POST", "/api/v1/price-lists", { ...body, code: draft.code });
      props.onSaved(saved);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const loading = summary !== null && full === null && error === null;
  return (
    <form class="record-form" onSubmit={save} aria-labelledby="price-list-form-title" aria-busy={loading}>
      <h2 id="price-list-form-title">{summary ? `Edit price list ${summary.code}` : "New price list"}</h2>
      <div class="grid">
        <TextField id="price-list-code" label="Code" value={draft.code} onInput={set("code")} readOnly={summary !== null} required error={errorAt(errors, "code")} />
        <TextField id="price-list-name" label="Name" value={draft.name} onInput={set("name")} required error={errorAt(errors, "name")} />
        <TextField id="price-list-from" label="First day" hint="YYYY-MM-DD" value={draft.valid_from} onInput={set("valid_from")} required error={errorAt(errors, "valid_from")} />
        <TextField id="price-list-to" label="Last day" hint="YYYY-MM-DD; empty: open-ended" value={draft.valid_to} onInput={set("valid_to")} error={errorAt(errors, "valid_to")} />
      </div>
      <div class="field">
        <label for="price-list-prices">Prices</label>
        <textarea
          id="price-list-prices"
          rows={6}
          value={draft.prices}
          disabled={loading}
          aria-describedby="price-list-prices-hint"
          onInput={(e) => set("prices")((e.target as HTMLTextAreaElement).value)}
        />
        <small id="price-list-prices-hint">One per line: "SKU 4.10", the list's price per base unit</small>
        {listProblems(errors, "prices", "Price")}
      </div>
      <div class="field">
        <label for="price-list-breaks">Quantity breaks</label>
        <textarea
          id="price-list-breaks"
          rows={4}
          value={draft.breaks}
          disabled={loading}
          aria-describedby="price-list-breaks-hint"
          onInput={(e) => set("breaks")((e.target as HTMLTextAreaElement).value)}
        />
        <small id="price-list-breaks-hint">One per line: "SKU 100+ 3.95" (a price from 100 base units), "SKU 100+ -5%" or "line FAST 50+ -3%" (a discount)</small>
        {listProblems(errors, "breaks", "Break")}
      </div>
      <Problem error={error} shown={["code", "name", "valid_from", "valid_to", "prices", "breaks"]} onReload={summary ? props.onCancel : undefined} />
      <FormButtons busy={busy || loading} saveLabel={summary ? "Save price list" : "Create price list"} onCancel={props.onCancel} />
    </form>
  );
}

export function PriceLists() {
  return (
    <Page<PriceListSummary>
      title="Price lists"
      noun="price list"
      searchLabel="Search code or name"
      listPath={() => "/api/v1/price-lists?limit=200"}
      matches={(l, q) => [l.code, l.name].some((t) => t.toLowerCase().includes(q))}
      keyOf={(l) => l.code}
      columns={[
        { title: "Code", cell: (l) => l.code },
        { title: "Name", cell: (l) => l.name },
        { title: "Currency", cell: (l) => l.currency },
        { title: "From", cell: (l) => l.valid_from },
        { title: "Until", cell: (l) => l.valid_to ?? "open-ended" },
      ]}
      form={(l, done, cancel) => <PriceListForm list={l} onSaved={done} onCancel={cancel} />}
    />
  );
}
