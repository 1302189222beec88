// How the portal's document pages (an order, an invoice, a return) load their document: once per
// number; until it is there the page shows "Loading…", or what went wrong under the way back
// (another customer's document is a 404: "there is no …", nothing of it). Its lists load
// through paged_list.tsx.
import { VNode } from "preact";
import { useEffect, useState } from "preact/hooks";
import { problemText } from "./shared";

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
