// The state of an admin form that creates a record (POST to the collection) or changes one
// (PATCH to the record; with If-Match where the record has a version, so that a change someone
// else made meanwhile is refused with a 412 and the form offers to reload the record): the
// record as last read, the draft being typed, the problem of the last save, and whether a save
// is running.
import { useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { patchVersioned } from "./admin_api";

export function useRecordForm<R extends object, D>(options: {
  record: R | null;
  draftOf: (record: R | null) => D;
  path: string; // the collection; a record is `${path}/${key}`
  keyOf: (record: R) => string;
  onSaved: (saved: R) => void;
}) {
  const [record, setRecord] = useState(options.record);
  const [draft, setDraft] = useState(() => options.draftOf(options.record));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const recordPath = (r: R) => `${options.path}/${encodeURIComponent(options.keyOf(r))}`;

  // The record as it is now, and a draft of it (what was typed is dropped).
  async function reload() {
    if (!record) return;
    try {
      const fresh = await call<R>("GET", recordPath(record));
      setRecord(fresh);
      setDraft(options.draftOf(fresh));
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }

  // Changes the record to `changes`, or creates it from `created` when there is none yet.
  async function save(changes: unknown, created: unknown) {
    setBusy(true);
    setError(null);
    try {
      const version = record && (record as { version?: number }).version;
      const saved =
        record === null
          ? await call<R>("POST", options.path, created)
          : typeof version === "number"
            ? await patchVersioned<R>(recordPath(record), changes, version)
            : await call<R>("PATCH", recordPath(record), changes);
      options.onSaved(saved);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return {
    record,
    draft,
    setDraft,
    // A setter of one field of the draft, for an input's onInput.
    set: (field: keyof D) => (value: D[keyof D]) => setDraft({ ...draft, [field]: value }),
    error,
    setError,
    errors: error?.errors ?? [],
    busy,
    save,
    // The reload a conflict notice offers; none while the form creates a record.
    onReload: record ? () => void reload() : undefined,
  };
}
