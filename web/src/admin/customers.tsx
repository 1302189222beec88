// Admin: customers with their ship-to addresses. A list searched by code or name
// (GET /api/v1/customers?q=), a form to create one with at least one ship-to (POST) and to edit
// one (PATCH with If-Match; ship-tos are changed by code and new codes are added; a record
// someone else changed in between is refused, and the screen offers to reload it).
import { useEffect, useState } from "preact/hooks";
import { call } from "../api";
import { Address, AddressFields, BLANK_ADDRESS, CheckField, errorAt, FormButtons, Problem, SelectField, TextField } from "./fields";
import { Page } from "./page";
import { useRecordForm } from "./record_form";
import { CustomerPricingSection } from "./customer_pricing";
import { TaxExemptions } from "./tax_exemptions";

interface ShipTo extends Address {
  code: string;
  name: string;
  preferred_warehouse?: string;
}

interface Customer {
  id: number;
  code: string;
  name: string;
  bill_to: Address;
  ship_to: ShipTo[];
  payment_terms: string;
  credit_limit: string;
  price_tier: string | null;
  tax_exempt: boolean;
  salesperson: string;
  on_hold: boolean;
  version: number;
}

interface Named {
  code: string;
  name: string;
}

interface Draft {
  code: string;
  name: string;
  bill_to: Address;
  ship_to: (ShipTo & { preferred_warehouse: string })[];
  payment_terms: string;
  credit_limit: string;
  price_tier: string;
  tax_exempt: boolean;
  salesperson: string;
  on_hold: boolean;
}

function draftOf(c: Customer | null): Draft {
  if (!c) {
    return {
      code: "",
      name: "",
      bill_to: { ...BLANK_ADDRESS },
      ship_to: [{ code: "MAIN", name: "", ...BLANK_ADDRESS, preferred_warehouse: "" }],
      payment_terms: "NET30",
      credit_limit: "0.00",
      price_tier: "",
      tax_exempt: false,
      salesperson: "",
      on_hold: false,
    };
  }
  return {
    code: c.code,
    name: c.name,
    bill_to: { ...BLANK_ADDRESS, ...c.bill_to },
    ship_to: c.ship_to.map((s) => ({ ...s, preferred_warehouse: s.preferred_warehouse ?? "" })),
    payment_terms: c.payment_terms,
    credit_limit: c.credit_limit,
    price_tier: c.price_tier ?? "",
    tax_exempt: c.tax_exempt,
    salesperson: c.salesperson,
    on_hold: c.on_hold,
  };
}

// A ship-to as the API takes it: the address, the name and the preferred warehouse's code
// (none: left out when creating, null when editing, which clears it).
function shipToBody(s: Draft["ship_to"][number], editing: boolean) {
  const { preferred_warehouse, ...rest } = s;
  const body: Record<string, unknown> = {
    code: rest.code,
    name: rest.name,
    line1: rest.line1,
    city: rest.city,
    region: rest.region,
    postal_code: rest.postal_code,
    country: rest.country,
  };
  if (preferred_warehouse) body.preferred_warehouse = preferred_warehouse;
  else if (editing) body.preferred_warehouse = null;
  return body;
}

function CustomerForm(props: { customer: Customer | null; onSaved: (c: Customer) => void; onCancel: () => void }) {
  const form = useRecordForm<Customer, Draft>({
    record: props.customer,
    draftOf,
    path: "/api/v1/customers",
    keyOf: (c) => c.code,
    onSaved: props.onSaved,
  });
  const { record: customer, draft, setDraft, set, errors } = form;
  const [tiers, setTiers] = useState<Named[]>([]);
  const [warehouses, setWarehouses] = useState<Named[]>([]);
  const editing = customer !== null;

  useEffect(() => {
    // The choices of the tier and warehouse selects; a failure leaves them empty (the form
    // still saves, and the server names what is wrong).
    void call<{ items: Named[] }>("GET", "/api/v1/price-tiers").then((p) => setTiers(p.items), () => {});
    void call<{ items: Named[] }>("GET", "/api/v1/warehouses?limit=200").then((p) => setWarehouses(p.items), () => {});
  }, []);

  const setBill = (field: keyof Address) => (value: string) => setDraft({ ...draft, bill_to: { ...draft.bill_to, [field]: value } });
  const setShip = (i: number, field: string) => (value: string) =>
    setDraft({ ...draft, ship_to: draft.ship_to.map((s, j) => (j === i ? { ...s, [field]: value } : s)) });

  async function save(event: Event) {
    event.preventDefault();
    const body: Record<string, unknown> = {
      name: draft.name,
      bill_to: draft.bill_to,
      ship_to: draft.ship_to.map((s) => shipToBody(s, editing)),
      payment_terms: draft.payment_terms,
      credit_limit: draft.credit_limit,
      tax_exempt: draft.tax_exempt,
      salesperson: draft.salesperson,
      on_hold: draft.on_hold,
    };
    if (draft.price_tier) body.price_tier = draft.price_tier;
    else if (editing) body.price_tier = null;
    await form.save(body, { ...body, code: draft.code });
  }

  const known = ["code", "name", "bill_to", "ship_to", "payment_terms", "credit_limit", "price_tier", "salesperson"];
  return (
    <form class="record-form" onSubmit={save} aria-labelledby="customer-form-title">
      <h2 id="customer-form-title">{customer ? `Edit customer ${customer.code}` : "New customer"}</h2>
      <div class="grid">
        <TextField id="customer-code" label="Code" value={draft.code} onInput={set("code")} readOnly={editing} required error={errorAt(errors, "code")} />
        <TextField id="customer-name" label="Name" value={draft.name} onInput={set("name")} required error={errorAt(errors, "name")} />
        <TextField id="customer-terms" label="Payment terms" hint="NET30, 2/10NET30 or DUE_ON_RECEIPT" value={draft.payment_terms} onInput={set("payment_terms")} error={errorAt(errors, "payment_terms")} />
        <TextField id="customer-credit-limit" label="Credit limit" inputMode="decimal" value={draft.credit_limit} onInput={set("credit_limit")} error={errorAt(errors, "credit_limit")} />
        <SelectField
          id="customer-tier"
          label="Price tier"
          value={draft.price_tier}
          onChange={set("price_tier")}
          none="None (list price)"
          options={tiers}
          error={errorAt(errors, "price_tier")}
        />
        <TextField id="customer-salesperson" label="Salesperson" value={draft.salesperson} onInput={set("salesperson")} error={errorAt(errors, "salesperson")} />
        <CheckField id="customer-tax-exempt" label="Tax exempt" checked={draft.tax_exempt} onChange={set("tax_exempt")} />
        <CheckField id="customer-on-hold" label="On credit hold" checked={draft.on_hold} onChange={set("on_hold")} />
      </div>
      <fieldset>
        <legend>Bill to</legend>
        <div class="grid">
          <AddressFields id="bill" address={draft.bill_to} onInput={setBill} errors={errors} at="bill_to" />
        </div>
      </fieldset>
      {draft.ship_to.map((s, i) => (
        <fieldset>
          <legend>Ship-to {i + 1}</legend>
          <div class="grid">
            <TextField
              id={`ship-${i}-code`}
              label="Ship-to code"
              value={s.code}
              onInput={setShip(i, "code")}
              readOnly={editing && i < (customer?.ship_to.length ?? 0)}
              required
              error={errorAt(errors, `ship_to/${i}/code`)}
            />
            <TextField id={`ship-${i}-name`} label="Ship-to name" value={s.name} onInput={setShip(i, "name")} error={errorAt(errors, `ship_to/${i}/name`)} />
            <AddressFields id={`ship-${i}`} address={s} onInput={(field) => setShip(i, field)} errors={errors} at={`ship_to/${i}`} />
            <SelectField
              id={`ship-${i}-warehouse`}
              label="Preferred warehouse"
              value={s.preferred_warehouse}
              onChange={setShip(i, "preferred_warehouse")}
              none="None (by rank)"
              options={warehouses}
              error={errorAt(errors, `ship_to/${i}/preferred_warehouse`)}
            />
          </div>
        </fieldset>
      ))}
      <Problem error={form.error} shown={known} onReload={form.onReload} />
      <FormButtons busy={form.busy} saveLabel={customer ? "Save customer" : "Create customer"} onCancel={props.onCancel}>
        <button
          type="button"
          class="secondary"
          onClick={() => setDraft({ ...draft, ship_to: [...draft.ship_to, { code: "", name: "", ...BLANK_ADDRESS, preferred_warehouse: "" }] })}
        >
          Add ship-to
        </button>
      </FormButtons>
    </form>
  );
}

export function Customers() {
  return (
    <Page<Customer>
      title="Customers"
      noun="customer"
      searchLabel="Search code or name"
      listPath={(q) => `/api/v1/customers?${new URLSearchParams(q ? { q, limit: "50" } : { limit: "50" })}`}
      keyOf={(c) => c.code}
      columns={[
        { title: "Code", cell: (c) => c.code },
        { title: "Name", cell: (c) => c.name },
        { title: "Ship-tos", cell: (c) => c.ship_to.map((s) => s.code).join(", ") },
        { title: "Terms", cell: (c) => c.payment_terms },
        { title: "Credit limit", cell: (c) => c.credit_limit, number: true },
        { title: "Tier", cell: (c) => c.price_tier ?? "" },
        { title: "On hold", cell: (c) => (c.on_hold ? "yes" : "no") },
      ]}
      form={(c, done, cancel) => (
        <>
          <CustomerForm customer={c} onSaved={done} onCancel={cancel} />
          {c && <CustomerPricingSection customer={c.code} />}
          {c && <TaxExemptions customer={c.code} />}
        </>
      )}
    />
  );
}
