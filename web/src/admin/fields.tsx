// Small form pieces shared by the admin screens: a labelled input with its field error under
// it, the form's problem banner (with the offer to reload a record someone else changed).
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
