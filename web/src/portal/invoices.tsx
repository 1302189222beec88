// The customer's invoices (#/invoices for a portal user): the balance (balance.tsx) above the
// invoices, newest first, open ones or all, each with its PDF (GET /api/v1/invoices answers a
// portal user with its own customer's invoices only).
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { InvoiceTable } from "../invoice_table";
import { Balance } from "./balance";
import { InvoiceSummary } from "./portal_types";
import { Page, valueOf } from "./shared";

export function Invoices() {
  const [status, setStatus] = useState("open");
  const [invoices, setInvoices] = useState<InvoiceSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  async function load(cursor: string | null) {
    setLoading(true);
    setError(null);
    const params = new URLSearchParams({ limit: "25" });
    if (status) params.set("status", status);
    if (cursor) params.set("cursor", cursor);
    try {
      const page = await call<Page<InvoiceSummary>>("GET", `/api/v1/invoices?${params}`);
      setInvoices((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(null);
  }, [status]);

  return (
    <section aria-labelledby="invoices-title">
      <h1 id="invoices-title">Invoices</h1>
      <Balance />
      <h2>Your invoices</h2>
      <div class="filters">
        <label for="invoice-status-filter">Show</label>
        <select id="invoice-status-filter" value={status} onChange={(e) => setStatus(valueOf(e))}>
          <option value="open">Open</option>
          <option value="paid">Paid</option>
          <option value="">All</option>
        </select>
        <a href="#/statement">Statement of account</a>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {invoices.length > 0 && <InvoiceTable invoices={invoices} forCustomer />}
      {!loading && invoices.length === 0 && !error && <p>No {status} invoices.</p>}
      {loading && <p aria-live="polite">Loading…</p>}
      {next && !loading && (
        <button type="button" class="secondary more" onClick={() => void load(next)}>
          Load more invoices
        </button>
      )}
    </section>
  );
}
