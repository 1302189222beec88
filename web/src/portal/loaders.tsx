// How the portal's screens load what they show. A document page (an order, an invoice, a return)
// loads its document once per number: until it is there the page shows "Loading…", or what went
// wrong under the way back (another customer's document is a 404: "there is no …", nothing of
// it). A list loads the API's cursor pages, 25 at a time, again from the first whenever its
// filters change, and "load more" appends the next; an answer to an older request is dropped.
import { ComponentChildren, VNode } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { Page, problemText } from "./shared";

// `doc` once loaded; until then `pending` is what the page shows instead of it.
export function useDocument<T>(
  key: string,
  load: () => Promise<T>,
  missing: string,
  back: VNode,
): { doc: T | null; pending: VNode } {
  const [doc, setDoc] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setDoc(null);
    setError(null);
    load()
      .then((d) => current && setDoc(d))
      .catch((e) => current && setError(problemText(e, missing)));
    return () => {
      current = false;
    };
  }, [key]);
  const pending = error ? (
    <section>
      {back}
      <p class="error" role="alert">
        {error}
      </p>
    </section>
  ) : (
    <p aria-live="polite">Loading…</p>
  );
  return { doc, pending };
}

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  more: (() => void) | null; // loads the next page; null when there is none (or one is loading)
}

// GET `path` with `filters` (an empty filter is left out), a page at a time.
export function usePagedList<T>(path: string, filters: Record<string, string> = {}): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const asked = useRef(0);
  const query = new URLSearchParams({ limit: "25" });
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
