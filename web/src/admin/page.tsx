// The frame of an admin master-data screen: a search, the list (cursor pages of the API, "Load
// more"), a "New" button and an "Edit" button per row that open the screen's form in place.
// After a save the list is read again, so it shows what the server stored.
import { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";

interface Column<T> {
  title: string;
  cell: (row: T) => string | JSX.Element;
  number?: boolean;
}

interface Props<T> {
  title: string;
  noun: string;
  searchLabel: string;
  // The list's path for a search text; `cursor` is added to it for later pages.
  listPath: (q: string) => string;
  // For lists the API does not search (a distributor's few warehouses, tax rates, tiers):
  // whether a row matches the search text, applied to what was read.
  matches?: (row: T, q: string) => boolean;
  keyOf: (row: T) => string;
  columns: Column<T>[];
  // The form for a new record (null) or one to edit; `done` with what was saved.
  form: (row: T | null, done: (saved: T) => void, cancel: () => void) => JSX.Element;
}

export function Page<T>(props: Props<T>) {
  const [q, setQ] = useState("");
  const [rows, setRows] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<T | null | undefined>(undefined); // undefined: no form
  const [notice, setNotice] = useState("");
  const id = props.title.toLowerCase().replace(/\s+/g, "-");

  async function load(cursor: string | null) {
    setLoading(true);
    setError(null);
    try {
      const base = props.listPath(props.matches ? "" : q.trim());
      const path = cursor ? `${base}${base.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}` : base;
      const page = await call<{ items: T[]; next_cursor: string | null }>("GET", path);
      setRows((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, []);

  function saved(row: T) {
    setEditing(undefined);
    setNotice(`Saved ${props.noun} ${props.keyOf(row)}.`);
    void load(null);
  }

  const text = q.trim().toLowerCase();
  const shown = props.matches && text ? rows.filter((r) => props.matches!(r, text)) : rows;
  return (
    <section aria-labelledby={`${id}-title`} class="admin">
      <h1 id={`${id}-title`}>{props.title}</h1>
      <div class="toolbar">
        <form
          class="filters"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            if (!props.matches) void load(null);
          }}
        >
          <label for={`${id}-search`}>{props.searchLabel}</label>
          <input id={`${id}-search`} type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
          <button type="submit">Search</button>
        </form>
        <button
          type="button"
          onClick={() => {
            setNotice("");
            setEditing(null);
          }}
        >
          New {props.noun}
        </button>
      </div>
      <p class="notice" aria-live="polite">
        {notice}
      </p>
      {editing !== undefined && (
        <div key={editing === null ? "" : props.keyOf(editing)}>{props.form(editing, saved, () => setEditing(undefined))}</div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <table>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={c.number ? "number" : undefined}>
                {c.title}
              </th>
            ))}
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={props.keyOf(row)}>
              {props.columns.map((c) => (
                <td class={c.number ? "number" : undefined}>{c.cell(row)}</td>
              ))}
              <td>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Edit ${props.noun} ${props.keyOf(row)}`}
                  onClick={() => {
                    setNotice("");
                    setEditing(row);
                  }}
                >
                  Edit
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && shown.length === 0 && !error && <p>No {props.noun} matches.</p>}
      {next && (
        <button type="button" onClick={() => void load(next)} disabled={loading}>
          Load more
        </button>
      )}
      {loading && <p aria-live="polite">Loading…</p>}
    </section>
  );
}
