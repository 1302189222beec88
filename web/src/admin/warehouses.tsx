// Admin: warehouses. The list (a distributor has a few, searched here by code, name or city),
// a form to create one (POST /api/v1/warehouses) and to change one (PATCH: name, address and
// allocation rank; the code stays). Warehouses carry no version: the last change wins.
import { useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { errorAt, FormButtons, Problem, TextField } from "./fields";
import { Page } from "./page";

interface Warehouse {
  id: number;
  code: string;
  name: string;
  allocation_rank: number;
  address: { line1: string; city: string; region: string; postal_code: string; country: string };
}

function WarehouseForm(props: { warehouse: Warehouse | null; onSaved: (w: Warehouse) => void; onCancel: () => void }) {
  const w = props.warehouse;
  const [draft, setDraft] = useState(
    w
      ? { code: w.code, name: w.name, rank: String(w.allocation_rank), ...w.address }
      : { code: "", name: "", rank: "100", line1: "", city: "", region: "", postal_code: "", country: "" },
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const errors = error?.errors ?? [];

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { code, name, rank, ...address } = draft;
      const body = { name, allocation_rank: /^\d+$/.test(rank) ? Number(rank) : rank, address };
      const saved = w
        ? await call<Warehouse>("PATCH", `/api/v1/warehouses/${encodeURIComponent(w.code)}`, body)
        : await call<Warehouse>("POST", "/api/v1/warehouses", { ...body, code });
      props.onSaved(saved);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="record-form" onSubmit={save} aria-labelledby="warehouse-form-title">
      <h2 id="warehouse-form-title">{w ? `Edit warehouse ${w.code}` : "New warehouse"}</h2>
      <div class="grid">
        <TextField id="warehouse-code" label="Code" value={draft.code} onInput={set("code")} readOnly={w !== null} required error={errorAt(errors, "code")} />
        <TextField id="warehouse-name" label="Name" value={draft.name} onInput={set("name")} required error={errorAt(errors, "name")} />
        <TextField
          id="warehouse-rank"
          label="Allocation rank"
          hint="Lower is tried first"
          inputMode="numeric"
          value={draft.rank}
          onInput={set("rank")}
          error={errorAt(errors, "allocation_rank")}
        />
        <TextField id="warehouse-line1" label="Street" value={draft.line1} onInput={set("line1")} error={errorAt(errors, "address/line1")} />
        <TextField id="warehouse-city" label="City" value={draft.city} onInput={set("city")} error={errorAt(errors, "address/city")} />
        <TextField id="warehouse-region" label="Region" value={draft.region} onInput={set("region")} error={errorAt(errors, "address/region")} />
        <TextField id="warehouse-postal" label="Postal code" value={draft.postal_code} onInput={set("postal_code")} error={errorAt(errors, "address/postal_code")} />
        <TextField id="warehouse-country" label="Country" value={draft.country} onInput={set("country")} error={errorAt(errors, "address/country")} />
      </div>
      <Problem error={error} shown={["code", "name", "allocation_rank", "address"]} />
      <FormButtons busy={busy} saveLabel={w ? "Save warehouse" : "Create warehouse"} onCancel={props.onCancel} />
    </form>
  );
}

export function Warehouses() {
  return (
    <Page<Warehouse>
      title="Warehouses"
      noun="warehouse"
      searchLabel="Search code, name or city"
      listPath={() => "/api/v1/warehouses?limit=200"}
      matches={(w, q) => [w.code, w.name, w.address.city].some((t) => t.toLowerCase().includes(q))}
      keyOf={(w) => w.code}
      columns={[
        { title: "Code", cell: (w) => w.code },
        { title: "Name", cell: (w) => w.name },
        { title: "City", cell: (w) => w.address.city },
        { title: "Region", cell: (w) => w.address.region },
        { title: "Rank", cell: (w) => String(w.allocation_rank), number: true },
      ]}
      form={(w, done, cancel) => <WarehouseForm warehouse={w} onSaved={done} onCancel={cancel} />}
    />
  );
}
