// Admin: warehouses. The list (a distributor has a few, searched here by code, name or city),
// a form to create one (POST /api/v1/warehouses) and to change one (PATCH: name, address and
// allocation rank; the code stays). Warehouses carry no version: the last change wins.
import { Address, AddressFields, BLANK_ADDRESS, errorAt, FormButtons, Problem, TextField } from "./fields";
import { Page } from "./page";
import { useRecordForm } from "./record_form";

interface Warehouse {
  id: number;
  code: string;
  name: string;
  allocation_rank: number;
  address: Address;
}

interface Draft {
  code: string;
  name: string;
  rank: string;
  address: Address;
}

function draftOf(w: Warehouse | null): Draft {
  return w
    ? { code: w.code, name: w.name, rank: String(w.allocation_rank), address: { ...BLANK_ADDRESS, ...w.address } }
    : { code: "", name: "", rank: "100", address: { ...BLANK_ADDRESS } };
}

function WarehouseForm(props: { warehouse: Warehouse | null; onSaved: (w: Warehouse) => void; onCancel: () => void }) {
  const form = useRecordForm<Warehouse, Draft>({
    record: props.warehouse,
    draftOf,
    path: "/api/v1/warehouses",
    keyOf: (w) => w.code,
    onSaved: props.onSaved,
  });
  const { record: w, draft, setDraft, set, errors } = form;
  const setAddress = (field: keyof Address) => (value: string) => setDraft({ ...draft, address: { ...draft.address, [field]: value } });

  async function save(event: Event) {
    event.preventDefault();
    const { code, name, rank, address } = draft;
    const body = { name, allocation_rank: /^\d+$/.test(rank) ? Number(rank) : rank, address };
    await form.save(body, { ...body, code });
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
        <AddressFields id="warehouse" address={draft.address} onInput={setAddress} errors={errors} at="address" />
      </div>
      <Problem error={form.error} shown={["code", "name", "allocation_rank", "address"]} />
      <FormButtons busy={form.busy} saveLabel={w ? "Save warehouse" : "Create warehouse"} onCancel={props.onCancel} />
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
