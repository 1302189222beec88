// Small form pieces shared by the admin screens: a labelled input, select or address with its
// field errors under it, and the form's problem banner (with the offer to reload a record
// someone else changed).
import { ComponentChildren } from "preact";
import { ApiError, FieldError } from "../api";
import { ConflictNotice, isConflict } from "../conflict";

// The message of the field error at `field` (or inside it: "ship_to/0/code" for "ship_to/0").
export function errorAt(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field || e.field.startsWith(field + "/"))?.message;
}

export function TextField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  required?: boolean;
  readOnly?: boolean;
  inputMode?: "decimal" | "numeric" | "text";
  hint?: string;
}) {
  const describedBy = [props.error ? `${props.id}-error` : "", props.hint ? `${props.id}-hint` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        value={props.value}
        required={props.required}
        readOnly={props.readOnly}
        inputMode={props.inputMode}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {props.hint && (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
      {props.error && (
        <small id={`${props.id}-error`} class="error">
          {props.error}
        </small>
      )}
    </div>
  );
}

// A choice of a record by its code ("" for none, named by `none`).
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  none: string;
  options: { code: string; name: string }[];
  error?: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="">{props.none}</option>
        {props.options.map((o) => (
          <option value={o.code}>
            {o.code} — {o.name}
          </option>
        ))}
      </select>
      {props.error && (
        <small id={`${props.id}-error`} class="error">
          {props.error}
        </small>
      )}
    </div>
  );
}

export interface Address {
  line1: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
}

export const BLANK_ADDRESS: Address = { line1: "", city: "", region: "", postal_code: "", country: "" };

const ADDRESS_FIELDS: [keyof Address, string][] = [
  ["line1", "Street"],
  ["city", "City"],
  ["region", "Region"],
  ["postal_code", "Postal code"],
  ["country", "Country"],
];

// The fields of an address (ids `${id}-city`…), each with the field error at `${at}/city`….
export function AddressFields(props: {
  id: string;
  address: Address;
  onInput: (field: keyof Address) => (value: string) => void;
  errors: FieldError[];
  at: string;
}) {
  return (
    <>
      {ADDRESS_FIELDS.map(([field, label]) => (
        <TextField
          id={`${props.id}-${field}`}
          label={label}
          value={props.address[field]}
          onInput={props.onInput(field)}
          error={errorAt(props.errors, `${props.at}/${field}`)}
        />
      ))}
    </>
  );
}

export function CheckField(props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div class="field check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for={props.id}>{props.label}</label>
    </div>
  );
}

// The problem of a failed save: its message, and the field errors no field shows. A save of a
// record someone else changed meanwhile (409, 412) is said as conflict.tsx says it, with
// `onReload` (given where the form edits a record).
export function Problem(props: { error: ApiError | null; shown?: string[]; onReload?: () => void }) {
  const e = props.error;
  if (!e) return null;
  if (props.onReload && isConflict(e)) return <ConflictNotice error={e} onReload={props.onReload} />;
  const shown = props.shown ?? [];
  const rest = e.errors.filter((f) => !shown.some((s) => f.field === s || f.field.startsWith(s + "/")));
  return (
    <div class="error" role="alert">
      <p>{e.message}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((f) => (
            <li>
              {f.field ? `${f.field}: ` : ""}
              {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FormButtons(props: { busy: boolean; saveLabel: string; onCancel: () => void; children?: ComponentChildren }) {
  return (
    <div class="form-buttons">
      <button type="submit" disabled={props.busy}>
        {props.busy ? "Saving…" : props.saveLabel}
      </button>
      <button type="button" class="secondary" onClick={props.onCancel}>
        Cancel
      </button>
      {props.children}
    </div>
  );
}
