// The form of a record that is saved by its key, creating or replacing it (tax rates, price
// tiers: POST answers what was stored; there is no version to race on, the last save wins).
import { useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { errorAt, FormButtons, Problem, TextField } from "./fields";

export interface KeyedField {
  name: string; // the API's field
  label: string;
  key?: boolean; // part of the record's key: fixed when editing
  hint?: string;
  decimal?: boolean;
}

export function KeyedForm<T>(props: {
  title: string;
  path: string;
  fields: KeyedField[];
  record: T | null;
  onSaved: (saved: T) => void;
  onCancel: () => void;
}) {
  const initial: Record<string, string> = {};
  for (const f of props.fields) initial[f.name] = props.record ? String((props.record as Record<string, unknown>)[f.name] ?? "") : "";
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = error?.errors ?? [];

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onSaved(await call<T>("POST", props.path, draft));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const id = props.title.toLowerCase().replace(/\W+/g, "-");
  return (
    <form class="record-form" onSubmit={save} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div class="grid">
        {props.fields.map((f) => (
          <TextField
            id={`${id}-${f.name}`}
            label={f.label}
            hint={f.hint}
            inputMode={f.decimal ? "decimal" : undefined}
            value={draft[f.name]}
            readOnly={f.key && props.record !== null}
            required
            onInput={(value) => setDraft({ ...draft, [f.name]: value })}
            error={errorAt(errors, f.name)}
          />
        ))}
      </div>
      <Problem error={error} shown={props.fields.map((f) => f.name)} />
      <FormButtons busy={busy} saveLabel="Save" onCancel={props.onCancel} />
    </form>
  );
}
