// Admin, on a customer: its sales tax exemption certificates (GET/POST/DELETE
// /api/v1/customers/{code}/tax-exemptions). A certificate exempts the customer's orders and
// invoices shipped to its region through its expiry date; an expired one is listed as such
// (documents after that day are taxed again).
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, newIdempotencyKey } from "../api";
import { errorAt, Problem, TextField } from "./fields";

interface TaxExemption {
  id: number;
  region: string;
  certificate_number: string;
  expires_on: string;
  valid: boolean;
}

const BLANK = { region: "", certificate_number: "", expires_on: "" };

export function TaxExemptions({ customer }: { customer: string }) {
  const path = `/api/v1/customers/${encodeURIComponent(customer)}/tax-exemptions`;
  const [items, setItems] = useState<TaxExemption[] | null>(null);
  const [draft, setDraft] = useState(BLANK);
  const [key, setKey] = useState(newIdempotencyKey());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    try {
      setItems((await call<{ items: TaxExemption[] }>("GET", path)).items);
    } catch (e) {
      setError(e as ApiError);
    }
  }
  useEffect(() => void load(), [customer]);

  async function add(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call<TaxExemption>("POST", path, draft, { headers: { "Idempotency-Key": key } });
      setDraft(BLANK);
      setKey(newIdempotencyKey());
      await load();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  async function remove(e: TaxExemption) {
    setError(null);
    try {
      await call<void>("DELETE", `${path}/${e.id}`);
      await load();
    } catch (err) {
      setError(err as ApiError);
    }
  }

  const errors = error?.errors ?? [];
  const set = (field: keyof typeof BLANK) => (value: string) => setDraft({ ...draft, [field]: value });
  return (
    <section class="record-form" aria-labelledby="tax-exemptions-title">
      <h2 id="tax-exemptions-title">Tax exemption certificates</h2>
      {items && items.length === 0 && <p class="muted">None: the customer's orders are taxed (unless it is exempt everywhere).</p>}
      {items && items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Region</th>
              <th>Certificate</th>
              <th>Expires</th>
              <th>Status</th>
              <th>
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr>
                <td>{e.region}</td>
                <td>{e.certificate_number}</td>
                <td>{e.expires_on}</td>
                <td>{e.valid ? "valid" : "expired"}</td>
                <td>
                  <button type="button" class="secondary" onClick={() => void remove(e)} aria-label={`Remove certificate ${e.certificate_number}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} aria-label="Add a tax exemption certificate">
        <div class="grid">
          <TextField id="exemption-region" label="Region" hint="The ship-to address's region" value={draft.region} required onInput={set("region")} error={errorAt(errors, "region")} />
          <TextField
            id="exemption-certificate"
            label="Certificate number"
            value={draft.certificate_number}
            required
            onInput={set("certificate_number")}
            error={errorAt(errors, "certificate_number")}
          />
          <TextField id="exemption-expires" label="Expires on" hint="YYYY-MM-DD, its last valid day" value={draft.expires_on} required onInput={set("expires_on")} error={errorAt(errors, "expires_on")} />
        </div>
        <Problem error={error} shown={["region", "certificate_number", "expires_on"]} />
        <button type="submit" disabled={busy}>
          Add certificate
        </button>
      </form>
    </section>
  );
}
