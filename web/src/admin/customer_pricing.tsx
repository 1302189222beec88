// Admin, on a customer: its price list and pricing group (GET/PUT
// /api/v1/customers/{code}/pricing). The price list gives the customer its own prices and
// quantity breaks while the list is valid; the pricing group is what promotions for a group of
// customers match. Either may be empty. The fields are read-only until the customer's pricing is
// read, so that what is typed is never replaced by it. Only a sales manager (or an admin) sets them: the
// section shows what others may read and says when the server refuses a change.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { errorAt, Problem, TextField } from "./fields";

interface CustomerPricing {
  customer: string;
  price_list: string | null;
  pricing_group: string | null;
}

export function CustomerPricingSection({ customer }: { customer: string }) {
  const path = `/api/v1/customers/${encodeURIComponent(customer)}/pricing`;
  const [draft, setDraft] = useState({ price_list: "", pricing_group: "" });
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);

  function show(p: CustomerPricing) {
    setDraft({ price_list: p.price_list ?? "", pricing_group: p.pricing_group ?? "" });
  }

  useEffect(() => {
    setLoaded(false);
    call<CustomerPricing>("GET", path)
      .then(show)
      .catch((e) => setError(e as ApiError))
      .finally(() => setLoaded(true));
  }, [customer]);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved("");
    try {
      const body = {
        price_list: draft.price_list.trim() === "" ? null : draft.price_list.trim(),
        pricing_group: draft.pricing_group.trim() === "" ? null : draft.pricing_group.trim(),
      };
      show(await call<CustomerPricing>("PUT", path, body));
      setSaved(`Pricing of ${customer} saved.`);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const errors = error?.errors ?? [];
  const set = (field: keyof typeof draft) => (value: string) => setDraft({ ...draft, [field]: value });
  return (
    <section class="record-form" aria-labelledby="customer-pricing-title">
      <h2 id="customer-pricing-title">Pricing</h2>
      <form onSubmit={save} aria-label={`Pricing of ${customer}`} aria-busy={!loaded}>
        <div class="grid">
          <TextField
            id="customer-price-list"
            label="Price list"
            hint="A price list's code; empty: list prices"
            value={draft.price_list}
            readOnly={!loaded}
            onInput={set("price_list")}
            error={errorAt(errors, "price_list")}
          />
          <TextField
            id="customer-pricing-group"
            label="Pricing group"
            hint="What promotions for a customer group match; empty: none"
            value={draft.pricing_group}
            readOnly={!loaded}
            onInput={set("pricing_group")}
            error={errorAt(errors, "pricing_group")}
          />
        </div>
        <Problem error={error} shown={["price_list", "pricing_group"]} />
        {saved && (
          <p class="success" role="status">
            {saved}
          </p>
        )}
        <button type="submit" disabled={busy || !loaded}>
          Save pricing
        </button>
      </form>
    </section>
  );
}
