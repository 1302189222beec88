// The order desk revising a quote (#/desk?quote=Q-000012, opened by "Revise quote" on the
// quote's page): the revision kept from before a reload, else the quote's current version
// loaded (revision.tsx); reloading after a conflict loads the current version again.
import { useEffect, useState } from "preact/hooks";
import { OrderDesk } from "./desk";
import { Draft, discardRevisionDraft, loadRevisionDraft } from "./draft";
import { revisionDraft } from "./revision";

export function ReviseQuote({ number }: { number: string }) {
  const [draft, setDraft] = useState<Draft | null>(() => loadRevisionDraft(number));
  const [error, setError] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    if (draft) return;
    let current = true;
    setError(null);
    revisionDraft(number).then(
      (d) => current && setDraft(d),
      (e) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, [number, loads]);

  if (error) {
    return (
      <section aria-labelledby="desk-title">
        <h1 id="desk-title">Order desk</h1>
        <p class="error" role="alert">
          {error}
        </p>
        <p>
          <a href={`#/quotes/${encodeURIComponent(number)}`}>Back to quote {number}</a>
        </p>
      </section>
    );
  }
  if (!draft) return <p aria-live="polite">Loading quote {number}…</p>;
  return (
    <OrderDesk
      key={loads}
      initial={draft}
      onReload={() => {
        discardRevisionDraft();
        setDraft(null);
        setLoads((n) => n + 1);
      }}
    />
  );
}
