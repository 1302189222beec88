// A list read from the API a page at a time (its cursor pages): loaded again from the first
// page whenever its filters change, and "load more" appends the next; an answer to a request
// older than the last one (a filter changed meanwhile) is dropped. The portal's lists and the
// users list show it with ListProblem above their rows and ListFooter below them.
import { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, call } from "./api";

interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  more: (() => void) | null; // loads the next page; null when there is none (or one is loading)
}

// GET `path` with `filters` (an empty filter is left out), `pageSize` at a time.
export function usePagedList<T>(path: string, filters: Record<string, string> = {}, pageSize = 25): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const asked = useRef(0);
  const query = new URLSearchParams({ limit: String(pageSize) });
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);

  async function load(cursor: string | null) {
    const mine = ++asked.current;
    setLoading(true);
    setError(null);
    const params = new URLSearchParams(query);
    if (cursor) params.set("cursor", cursor);
    try {
      const page = await call<Page<T>>("GET", `${path}?${params}`);
      if (mine !== asked.current) return;
      setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      if (mine === asked.current) setError((e as ApiError).message);
    } finally {
      if (mine === asked.current) setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, [path, query.toString()]);

  return { items, loading, error, more: next && !loading ? () => void load(next) : null };
}

// What a list shows around its rows: what went wrong (above them), and under them that there
// is nothing (`empty`), that it is loading, or the button that loads more.
export function ListProblem({ list }: { list: PagedList<unknown> }) {
  return list.error ? (
    <p class="error" role="alert">
      {list.error}
    </p>
  ) : null;
}

export function ListFooter({ list, empty, more }: { list: PagedList<unknown>; empty: ComponentChildren; more: string }) {
  return (
    <>
      {!list.loading && list.items.length === 0 && !list.error && <p>{empty}</p>}
      {list.loading && <p aria-live="polite">Loading…</p>}
      {list.more && (
        <button type="button" class="secondary more" onClick={list.more}>
          {more}
        </button>
      )}
    </>
  );
}
