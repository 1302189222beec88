// Open invoices of one customer (#/receivables/C-1001): due dates, days past due, what is left
// to pay, the early-pay discount while its window is open, each invoice's PDF; the customer's
// cash not yet applied; and the way to a cash receipt or the statement.
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api";
import { DocumentLink } from "../document_link";
import { asApiError, CustomerFinder, loadAll, Problem, useCustomer, usePermissions } from "./common";
import { daysPastDue, today } from "./dates";
import { centsOf, formatCents } from "./money";
import { Invoice, Payment } from "./types";

export function OpenInvoices({ code }: { code: string | null }) {
  const { customer, error: customerError } = useCustomer(code);
  const [invoices, setInvoices] = useState<Invoice[] | null>(null);
  const [unapplied, setUnapplied] = useState<Payment[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const mayReceive = usePermissions().includes("payments.write");
  const asOf = today();

  async function load(customerCode: string) {
    setError(null);
    setInvoices(null);
    try {
      const ref = encodeURIComponent(customerCode);
      const [open, payments] = await Promise.all([
        loadAll<Invoice>(`/api/v1/invoices?status=open&customer=${ref}`),
        loadAll<Payment>(`/api/v1/payments?customer=${ref}`, 500),
      ]);
      // Oldest due first: what the clerk chases first.
      setInvoices(open.sort((a, b) => a.due_date.localeCompare(b.due_date) || a.id - b.id));
      setUnapplied(payments.filter((p) => centsOf(p.unapplied) > 0));
    } catch (e) {
      setError(asApiError(e));
    }
  }

  useEffect(() => {
    if (customer) void load(customer.code);
  }, [customer?.code]);

  const balance = (invoices ?? []).reduce((sum, v) => sum + centsOf(v.balance), 0);
  const overdue = (invoices ?? [])
    .filter((v) => daysPastDue(v.due_date, asOf) > 0)
    .reduce((sum, v) => sum + centsOf(v.balance), 0);

  return (
    <section aria-labelledby="receivables-title" class="receivables">
      <h1 id="receivables-title">Open invoices{customer ? ` of ${customer.code}` : ""}</h1>
      <CustomerFinder
        id="receivables-customer"
        initial={code ?? ""}
        onChoose={(c) => (location.hash = `#/receivables/${encodeURIComponent(c.code)}`)}
      />
      <Problem error={customerError ?? error} onReload={() => customer && void load(customer.code)} />
      {customer && (
        <>
          <p class="lead">
            <strong>{customer.name}</strong> · terms {customer.payment_terms} · credit limit {customer.credit_limit}
            {customer.on_hold && <span class="chip chip-on_hold"> on hold</span>}
          </p>
          <p class="actions">
            {mayReceive && (
              <a class="button-link" href={`#/cash-receipts/${encodeURIComponent(customer.code)}`}>
                Record a payment
              </a>
            )}
            <a class="button-link secondary" href={`#/statements/${encodeURIComponent(customer.code)}`}>
              Statement
            </a>
          </p>
        </>
      )}
      {customer && invoices === null && !error && <p aria-live="polite">Loading…</p>}
      {customer && invoices !== null && (
        <>
          <dl class="facts">
            <dt>Open balance</dt>
            <dd class="money">{formatCents(balance)}</dd>
            <dt>Past due</dt>
            <dd class="money">{formatCents(overdue)}</dd>
            <dt>Open invoices</dt>
            <dd>{invoices.length}</dd>
          </dl>
          <InvoiceTable invoices={invoices} asOf={asOf} />
          {invoices.length === 0 && <p>{customer.code} has no open invoices.</p>}
          <h2>Cash not yet applied</h2>
          {unapplied.length === 0 ? (
            <p>None.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Payment</th>
                  <th scope="col">Received</th>
                  <th scope="col">Method</th>
                  <th scope="col">Reference</th>
                  <th scope="col" class="number">Amount</th>
                  <th scope="col" class="number">Unapplied</th>
                  <th scope="col">
                    <span class="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {unapplied.map((p) => (
                  <tr key={p.id}>
                    <td>{p.number}</td>
                    <td>{p.received_date}</td>
                    <td>{p.method}</td>
                    <td>{p.reference}</td>
                    <td class="number">{p.amount}</td>
                    <td class="number">{p.unapplied}</td>
                    <td>
                      {mayReceive && (
                        <a
                          href={`#/cash-receipts/${encodeURIComponent(customer.code)}?payment=${encodeURIComponent(p.number)}`}
                        >
                          Apply {p.number}
                        </a>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

// Open invoices with their due dates, days past due on `asOf` and PDFs (also the aging's list
// of a bucket's invoices).
export function InvoiceTable({ invoices, asOf, showCustomer }: { invoices: Invoice[]; asOf: string; showCustomer?: boolean }) {
  if (invoices.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="invoices">
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            {showCustomer && <th scope="col">Customer</th>}
            <th scope="col">Order</th>
            <th scope="col">Dated</th>
            <th scope="col">Due</th>
            <th scope="col" class="number">Days past due</th>
            <th scope="col">Terms</th>
            <th scope="col" class="number">Total</th>
            <th scope="col" class="number">Balance</th>
            <th scope="col">Document</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((v) => {
            const days = daysPastDue(v.due_date, asOf);
            return (
              <tr key={v.id} class={days > 0 ? "overdue" : undefined}>
                <td>{v.number}</td>
                {showCustomer && (
                  <td>
                    <a href={`#/receivables/${encodeURIComponent(v.customer)}`}>{v.customer}</a>
                  </td>
                )}
                <td>
                  <a href={`#/orders/${encodeURIComponent(v.order)}`}>{v.order}</a>
                </td>
                <td>{v.invoice_date}</td>
                <td>{v.due_date}</td>
                <td class="number">{days > 0 ? days : "—"}</td>
                <td>
                  {v.payment_terms}
                  {v.discount_date && v.discount_date >= asOf && (
                    <span class="hint"> · {v.discount_percent}% until {v.discount_date}</span>
                  )}
                </td>
                <td class="number">{v.total}</td>
                <td class="number">{v.balance}</td>
                <td>
                  <DocumentLink path={`/api/v1/invoices/${encodeURIComponent(v.number)}.pdf`} label={`PDF ${v.number}`} filename={`${v.number}.pdf`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
