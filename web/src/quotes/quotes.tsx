// Quotes (#/quotes): the list, newest first, filtered by status and customer (GET
// /api/v1/quotes), and a quote's page (#/quotes/Q-000012, or ?v=1 for an older version): its
// lines with why each has its price, totals, expiry and versions, the printed PDF, Revise, which
// opens the order desk with the quote loaded to save its next version (desk/revise_quote.tsx),
// Accept, which places the order at the quoted prices, taken by phone or e-mail (an expired,
// accepted or cancelled quote is refused and said so), and Cancel with a reason. A portal user (`portal`) sees its own customer's quotes
// the same way, read-only: no customer filter, no Accept or Cancel.
import { useEffect, useState } from "preact/hooks";
import { ApiError, Me, call, newIdempotencyKey } from "../api";
import { ChannelSelect } from "../desk/channel";
import { discardRevisionDraft, loadRevisionDraft } from "../desk/draft";
import { revisable } from "../desk/revision";
import { DocumentLink } from "../document_link";
import { ListFooter, ListProblem, usePagedList } from "../paged_list";
import { LineNoted, LineNotes } from "../line_notes";

interface QuoteLine extends LineNoted {
  line_no: number;
  sku: string;
  entered_quantity: number;
  uom: string;
  unit_price: string;
  price_explanation: string;
  extended_amount: string;
  tax_amount: string;
}

export interface Quote {
  number: string;
  customer: string;
  ship_to: string;
  status: string;
  expires_on: string;
  version: number;
  current_version: number;
  priced_on: string;
  notes: string;
  currency: string;
  order: string | null;
  lines: QuoteLine[];
  subtotal: string;
  tax: string;
  total: string;
  versions: { version: number; priced_on: string; total: string; created_by: string }[];
}

interface QuoteSummary {
  number: string;
  customer: string;
  status: string;
  expires_on: string;
  version: number;
  total: string;
  currency: string;
  order: string | null;
}

const STATUSES = ["open", "expired", "accepted", "cancelled"];

export function Quotes({ portal = false }: { portal?: boolean }) {
  const [status, setStatus] = useState("");
  const [customer, setCustomer] = useState("");
  const [applied, setApplied] = useState({ status: "", customer: "" });
  const list = usePagedList<QuoteSummary>("/api/v1/quotes", applied, 50);
  return (
    <section aria-labelledby="quotes-title">
      <h1 id="quotes-title">Quotes</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied({ status, customer: customer.trim() });
        }}
      >
        <span class="filter">
          <label for="quote-status">Status</label>
          <select id="quote-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </span>
        {!portal && (
          <span class="filter">
            <label for="quote-customer">Customer</label>
            <input id="quote-customer" value={customer} onInput={(e) => setCustomer((e.target as HTMLInputElement).value)} />
          </span>
        )}
        <button type="submit">Show</button>
      </form>
      <ListProblem list={list} />
      <table aria-label="Quotes">
        <thead>
          <tr>
            <th scope="col">Quote</th>
            <th scope="col">Customer</th>
            <th scope="col">Status</th>
            <th scope="col">Valid until</th>
            <th scope="col" class="number">Version</th>
            <th scope="col" class="number">Total</th>
            <th scope="col">Order</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((q) => (
            <tr key={q.number}>
              <td>
                <a href={`#/quotes/${encodeURIComponent(q.number)}`}>{q.number}</a>
              </td>
              <td>{q.customer}</td>
              <td>
                <span class={`chip status-${q.status}`}>{q.status}</span>
              </td>
              <td>{q.expires_on}</td>
              <td class="number">{q.version}</td>
              <td class="number">
                {q.total} {q.currency}
              </td>
              <td>{q.order ? <a href={`#/orders/${encodeURIComponent(q.order)}`}>{q.order}</a> : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListFooter list={list} empty="No quotes." more="More quotes" />
    </section>
  );
}

// Why Accept was refused, in words a salesperson acts on.
function refusal(e: ApiError): string {
  if (e.code === "quote_expired") return `${e.message}. Revise it to price it again and give it a new expiry date.`;
  if (e.code === "invalid_state") return `${e.message}. Reload to see what it is now.`;
  if (e.errors.length > 0) return `${e.message}: ${e.errors.map((f) => `${f.field}: ${f.message}`).join("; ")}`;
  return e.message;
}

export function QuotePage({ number, version, portal = false }: { number: string; version: number | null; portal?: boolean }) {
  const [quote, setQuote] = useState<Quote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [acceptError, setAcceptError] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);
  const [poNumber, setPoNumber] = useState("");
  const [channel, setChannel] = useState("phone");
  const [canRevise, setCanRevise] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState("");
  // One key per Accept of this page, so that a retry after a lost answer places nothing twice.
  const [key] = useState(newIdempotencyKey);
  const path = `/api/v1/quotes/${encodeURIComponent(number)}`;

  async function load() {
    setError(null);
    try {
      setQuote(await call<Quote>("GET", version ? `${path}/versions/${version}` : path));
    } catch (e) {
      setError((e as ApiError).message);
    }
  }
  useEffect(() => {
    void load();
  }, [number, version]);
  useEffect(() => {
    if (portal) return;
    void call<Me>("GET", "/api/v1/me").then(
      (me) => setCanRevise(me.permissions.includes("quotes.write")),
      () => setCanRevise(false),
    );
  }, [portal]);

  // A revision of this quote kept from before is taken up again unless the quote has moved on
  // since (it would only be refused as stale).
  function revise() {
    if (!quote) return;
    const kept = loadRevisionDraft(quote.number);
    if (kept && kept.revision?.version !== quote.current_version) discardRevisionDraft();
    location.hash = `#/desk?quote=${encodeURIComponent(quote.number)}`;
  }

  async function accept() {
    setAccepting(true);
    setAcceptError(null);
    try {
      const body = { ...(poNumber ? { po_number: poNumber } : {}), channel };
      setQuote(await call<Quote>("POST", `${path}/accept`, body, { headers: { "Idempotency-Key": key } }));
    } catch (e) {
      setAcceptError(refusal(e as ApiError));
    } finally {
      setAccepting(false);
    }
  }

  async function cancel(e: Event) {
    e.preventDefault();
    if (!quote) return;
    setAcceptError(null);
    try {
      setQuote(
        await call<Quote>("POST", `${path}/cancel`, { reason }, { headers: { "If-Match": `"${quote.current_version}"` } }),
      );
      setCancelling(false);
    } catch (err) {
      setAcceptError(refusal(err as ApiError));
    }
  }

  if (error) {
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  }
  if (!quote) return <p aria-live="polite">Loading…</p>;
  const current = quote.version === quote.current_version;
  return (
    <section aria-labelledby="quote-title">
      <h1 id="quote-title">
        Quote {quote.number} <span class={`chip status-${quote.status}`}>{quote.status}</span>
      </h1>
      <p>
        <a href="#/quotes">All quotes</a>
      </p>
      <dl class="facts">
        <dt>Customer</dt>
        <dd>
          {quote.customer}, ship to {quote.ship_to}
        </dd>
        <dt>Version</dt>
        <dd>
          {quote.version} of {quote.current_version}, priced on {quote.priced_on}
        </dd>
        <dt>Valid until</dt>
        <dd>{quote.expires_on}</dd>
        {quote.order && (
          <>
            <dt>Order</dt>
            <dd>
              <a href={`#/orders/${encodeURIComponent(quote.order)}`}>{quote.order}</a>
            </dd>
          </>
        )}
        {quote.notes && (
          <>
            <dt>Notes</dt>
            <dd>{quote.notes}</dd>
          </>
        )}
      </dl>
      <table aria-label="Quote lines">
        <thead>
          <tr>
            <th scope="col" class="number">#</th>
            <th scope="col">SKU</th>
            <th scope="col" class="number">Quantity</th>
            <th scope="col" class="number">Unit price</th>
            <th scope="col">Price from</th>
            <th scope="col" class="number">Tax</th>
            <th scope="col" class="number">Amount</th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((l) => (
            <tr key={l.line_no}>
              <td class="number">{l.line_no}</td>
              <td>
                {l.sku}
                <LineNotes line={l} forCustomer={portal} />
              </td>
              <td class="number">
                {l.entered_quantity} {l.uom}
              </td>
              <td class="number">{l.unit_price}</td>
              <td class="price-explanation">{l.price_explanation}</td>
              <td class="number">{l.tax_amount}</td>
              <td class="number">{l.extended_amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="totals">
        <dt>Subtotal</dt>
        <dd>{quote.subtotal}</dd>
        <dt>Tax</dt>
        <dd>{quote.tax}</dd>
        <dt>Total</dt>
        <dd class="quote-total">
          {quote.total} {quote.currency}
        </dd>
      </dl>
      <h2>Versions</h2>
      <ul class="quote-versions">
        {quote.versions.map((v) => (
          <li key={v.version}>
            {v.version === quote.version ? (
              <strong>Version {v.version}</strong>
            ) : (
              <a href={`#/quotes/${encodeURIComponent(quote.number)}${v.version === quote.current_version ? "" : `?v=${v.version}`}`}>Version {v.version}</a>
            )}{" "}
            priced on {v.priced_on} by {v.created_by.replace(/^user:/, "")}: {v.total} {quote.currency}
          </li>
        ))}
      </ul>
      <div class="desk-actions">
        <DocumentLink path={`${path}.pdf`} label="Print quote (PDF)" filename={`${quote.number}.pdf`} />
        {!portal && canRevise && current && revisable(quote.status) && (
          <button type="button" class="secondary" onClick={revise}>
            Revise quote
          </button>
        )}
        {!portal && current && quote.status !== "accepted" && quote.status !== "cancelled" && (
          <>
            <label for="quote-po">PO number</label>
            <input id="quote-po" value={poNumber} onInput={(e) => setPoNumber((e.target as HTMLInputElement).value)} />
            <ChannelSelect id="quote-channel" value={channel} onChange={setChannel} />
            <button type="button" disabled={accepting} onClick={() => void accept()}>
              {accepting ? "Accepting…" : "Accept into an order"}
            </button>
            <button type="button" class="secondary" aria-expanded={cancelling} onClick={() => setCancelling(!cancelling)}>
              Cancel quote…
            </button>
          </>
        )}
      </div>
      {cancelling && (
        <form class="panel" aria-labelledby="quote-cancel-title" onSubmit={(e) => void cancel(e)}>
          <h2 id="quote-cancel-title">Cancel quote {quote.number}</h2>
          <label for="quote-cancel-reason">Reason</label>
          <input id="quote-cancel-reason" value={reason} required onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          <p>
            <button type="submit" class="danger">
              Cancel the quote
            </button>{" "}
            <button type="button" class="secondary" onClick={() => setCancelling(false)}>
              Keep it
            </button>
          </p>
        </form>
      )}
      {portal && quote.status === "open" && <p class="muted">To order at these prices, ask your sales representative to accept this quote.</p>}
      {acceptError && (
        <div class="error" role="alert">
          <p>{acceptError}</p>
          <button type="button" class="secondary" onClick={() => void load().then(() => setAcceptError(null))}>
            Reload the quote
          </button>
        </div>
      )}
    </section>
  );
}
