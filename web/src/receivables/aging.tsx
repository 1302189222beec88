// Receivables aging (#/aging): each customer's open balances by days past due on the as-of date,
// the totals, unapplied cash and open credits, and DSO. Each amount is a button: it lists the
// invoices behind it below the table (#/aging/C-1001/d1_30, or #/aging/all/d90_plus for a total).
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { asApiError, loadAll, Problem } from "./common";
import { bucketOf, BUCKETS, BucketKey, daysPastDue, today } from "./dates";
import { centsOf, formatCents } from "./money";
import { InvoiceTable } from "./open_invoices";
import { Aging as AgingReport, AgingAmounts, Invoice } from "./types";

interface Dso {
  as_of: string;
  days: number;
  receivables: string;
  credit_sales: string;
  dso: string | null;
}

function bucketHash(customer: string, bucket: BucketKey): string {
  return `#/aging/${encodeURIComponent(customer)}/${bucket}`;
}

export function Aging({ rest }: { rest: string }) {
  const [, customerPart, bucketPart] = rest.split("/").map(decodeURIComponent);
  const chosen = BUCKETS.find((b) => b.key === bucketPart) ? (bucketPart as BucketKey) : null;
  const [asOf, setAsOf] = useState(today());
  const [report, setReport] = useState<AgingReport | null>(null);
  const [dso, setDso] = useState<Dso | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [dateError, setDateError] = useState<string | undefined>();

  async function load(date: string) {
    setError(null);
    setDateError(undefined);
    try {
      const [aging, days] = await Promise.all([
        call<AgingReport>("GET", `/api/v1/ar/aging?as_of=${date}`),
        call<Dso>("GET", `/api/v1/ar/dso?as_of=${date}`),
      ]);
      setReport(aging);
      setDso(days);
    } catch (e) {
      const problem = asApiError(e);
      const at = problem.errors.find((f) => f.field === "as_of");
      if (at) setDateError(at.message);
      else setError(problem);
    }
  }

  useEffect(() => {
    void load(asOf);
  }, []);

  function cell(customer: string, amounts: AgingAmounts, bucket: BucketKey, name: string) {
    const amount = amounts[bucket];
    if (centsOf(amount) === 0) return <td class="number muted">{amount}</td>;
    const label = BUCKETS.find((b) => b.key === bucket)!.label;
    const current = customerPart === customer && chosen === bucket;
    return (
      <td class="number">
        <a
          class={`bucket${current ? " chosen" : ""}`}
          href={bucketHash(customer, bucket)}
          aria-label={`${name}, ${label}: ${amount}`}
          aria-current={current ? "true" : undefined}
        >
          {amount}
        </a>
      </td>
    );
  }

  return (
    <section aria-labelledby="aging-title" class="receivables">
      <h1 id="aging-title">Receivables aging</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(asOf);
        }}
      >
        <label for="aging-as-of">As of</label>
        <input
          id="aging-as-of"
          type="date"
          value={asOf}
          onInput={(e) => setAsOf((e.target as HTMLInputElement).value)}
          aria-invalid={dateError ? "true" : undefined}
          aria-describedby={dateError ? "aging-as-of-error" : undefined}
        />
        <button type="submit">Show</button>
        {dateError && (
          <span id="aging-as-of-error" class="field-error error" role="alert">
            {dateError}
          </span>
        )}
      </form>
      <Problem error={error} />
      {dso && (
        <p class="lead">
          DSO over the last {dso.days} days: <strong>{dso.dso ?? "—"}</strong> days (receivables {dso.receivables}, credit sales{" "}
          {dso.credit_sales}).
        </p>
      )}
      {report === null && !error && <p aria-live="polite">Loading…</p>}
      {report && (
        <div class="table-scroll">
          <table class="aging">
            <caption>
              Open balances by days past due on {report.as_of}, {report.currency}
            </caption>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                {BUCKETS.map((b) => (
                  <th scope="col" class="number">
                    {b.label}
                  </th>
                ))}
                <th scope="col" class="number">Total</th>
                <th scope="col" class="number">Unapplied cash</th>
                <th scope="col" class="number">Open credits</th>
              </tr>
            </thead>
            <tbody>
              {report.customers.map((c) => (
                <tr key={c.customer}>
                  <th scope="row">
                    <a href={`#/receivables/${encodeURIComponent(c.customer)}`}>{c.customer}</a> <span class="muted">{c.name}</span>
                  </th>
                  {BUCKETS.map((b) => cell(c.customer, c, b.key, c.customer))}
                  <td class="number">{c.total}</td>
                  <td class="number">{c.unapplied}</td>
                  <td class="number">{c.open_credits}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                {BUCKETS.map((b) => cell("all", report.totals, b.key, "All customers"))}
                <td class="number">{report.totals.total}</td>
                <td class="number">{report.totals.unapplied}</td>
                <td class="number">{report.totals.open_credits}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {report && customerPart && chosen && <BucketInvoices customer={customerPart} bucket={chosen} asOf={report.as_of} />}
    </section>
  );
}

// The open invoices of a customer (or all) that fall in a bucket on `asOf`.
function BucketInvoices({ customer, bucket, asOf }: { customer: string; bucket: BucketKey; asOf: string }) {
  const [invoices, setInvoices] = useState<Invoice[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const label = BUCKETS.find((b) => b.key === bucket)!.label;
  const heading = useRef<HTMLHeadingElement>(null);

  // The list opens below the table: the clicked bucket's heading takes the focus (and the view).
  useEffect(() => heading.current?.focus(), [customer, bucket]);

  useEffect(() => {
    setInvoices(null);
    setError(null);
    const filter = customer === "all" ? "" : `&customer=${encodeURIComponent(customer)}`;
    loadAll<Invoice>(`/api/v1/invoices?status=open${filter}`, 20000)
      .then((open) =>
        setInvoices(
          open
            .filter((v) => v.invoice_date <= asOf && bucketOf(daysPastDue(v.due_date, asOf)) === bucket)
            .sort((a, b) => a.due_date.localeCompare(b.due_date) || a.id - b.id),
        ),
      )
      .catch((e) => setError(asApiError(e)));
  }, [customer, bucket, asOf]);

  const who = customer === "all" ? "All customers" : customer;
  const sum = (invoices ?? []).reduce((s, v) => s + centsOf(v.balance), 0);
  return (
    <section aria-labelledby="bucket-title" class="bucket-invoices">
      <h2 id="bucket-title" tabIndex={-1} ref={heading}>
        {who}: {label}
      </h2>
      <Problem error={error} />
      {invoices === null && !error && <p aria-live="polite">Loading…</p>}
      {invoices && (
        <>
          <p>
            {invoices.length} open invoice{invoices.length === 1 ? "" : "s"}, {formatCents(sum)} open today
            {asOf !== today() && " (balances as they stand now, aged on the as-of date)"}.
          </p>
          <InvoiceTable invoices={invoices} asOf={asOf} showCustomer={customer === "all"} />
        </>
      )}
    </section>
  );
}
