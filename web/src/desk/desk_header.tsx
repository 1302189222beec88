// The draft's header on the order desk: the customer (found by code or name), its ship-to, and
// what the draft becomes: for an order its PO number and how it was taken; for a quote being
// revised (revision.tsx) the new version's expiry and notes, the customer fixed (a revision
// keeps its customer: the API refuses another). Each field shows its problem under it.
import { Ref } from "preact";
import { CustomerPicker } from "../customer_picker";
import { ChannelSelect } from "./channel";
import { CustomerChoice, Draft } from "./draft";
import { HeaderField } from "./refusal";

interface Props {
  draft: Draft;
  errors: Partial<Record<HeaderField, string>>;
  customerRef: Ref<HTMLInputElement>;
  itemRef: Ref<HTMLInputElement>;
  onChooseCustomer: (c: CustomerChoice) => void;
  onChange: (next: Draft) => void;
}

export function DeskHeader({ draft, errors, customerRef, itemRef, onChooseCustomer, onChange }: Props) {
  const customer = draft.customer;
  const revision = draft.revision;
  const invalid = (f: HeaderField) => (errors[f] ? { "aria-invalid": true as const, "aria-describedby": `desk-${f}-error` } : {});
  const problem = (f: HeaderField) =>
    errors[f] && (
      <p id={`desk-${f}-error`} class="field-error">
        {errors[f]}
      </p>
    );
  // Enter in a header field goes on to the items, as the customer does once chosen.
  const toItems = (e: KeyboardEvent) => {
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      (itemRef as { current: HTMLInputElement | null }).current?.focus();
    }
  };
  return (
    <div class="desk-fields">
      {revision && customer ? (
        <div>
          <span class="label">Customer</span>
          <span class="desk-revision-customer">
            {customer.code} — {customer.name}
          </span>
          {problem("customer")}
        </div>
      ) : (
        <CustomerPicker<CustomerChoice>
          id="desk-customer"
          label="Customer"
          placeholder={customer ? `${customer.code}: type to change` : "Code or name"}
          inputRef={customerRef}
          onChoose={onChooseCustomer}
          problem={errors.customer}
        />
      )}
      <div>
        <label for="desk-ship-to">Ship to</label>
        <select
          id="desk-ship-to"
          value={draft.shipTo}
          disabled={!customer}
          {...invalid("ship_to")}
          onChange={(e) => onChange({ ...draft, shipTo: (e.target as HTMLSelectElement).value })}
        >
          {!customer && <option value="">Choose a customer</option>}
          {customer?.ship_to.map((s) => (
            <option value={s.code}>
              {s.code} — {s.name}
              {s.city ? `, ${s.city}` : ""}
              {s.region ? ` ${s.region}` : ""}
            </option>
          ))}
        </select>
        {problem("ship_to")}
      </div>
      {revision ? (
        <>
          <div>
            <label for="desk-valid-until">Valid until</label>
            <input
              id="desk-valid-until"
              type="date"
              value={revision.validUntil}
              aria-describedby={errors.expires_on ? "desk-expires_on-error" : "desk-valid-until-hint"}
              aria-invalid={errors.expires_on ? true : undefined}
              onInput={(e) => onChange({ ...draft, revision: { ...revision, validUntil: (e.target as HTMLInputElement).value } })}
              onKeyDown={toItems}
            />
            <span id="desk-valid-until-hint" class="muted">
              {revision.expired ? "Empty: 30 days from today." : `Empty: still ${revision.expiresOn}.`}
            </span>
            {problem("expires_on")}
          </div>
          <div>
            <label for="desk-notes">Notes</label>
            <input
              id="desk-notes"
              value={revision.notes}
              {...invalid("notes")}
              onInput={(e) => onChange({ ...draft, revision: { ...revision, notes: (e.target as HTMLInputElement).value } })}
              onKeyDown={toItems}
            />
            {problem("notes")}
          </div>
        </>
      ) : (
        <>
          <div>
            <label for="desk-po">PO number</label>
            <input
              id="desk-po"
              value={draft.poNumber}
              {...invalid("po_number")}
              onInput={(e) => onChange({ ...draft, poNumber: (e.target as HTMLInputElement).value })}
              onKeyDown={toItems}
            />
            {problem("po_number")}
          </div>
          <div>
            <ChannelSelect id="desk-channel" value={draft.channel} invalid={invalid("channel")} onChange={(channel) => onChange({ ...draft, channel })} />
            {problem("channel")}
          </div>
        </>
      )}
    </div>
  );
}
