// A cash receipt (#/cash-receipts/C-1001): one payment applied to several open invoices at
// once, each with the early-pay discount its terms allow while the window is open; what is not
// applied stays on the payment as unapplied cash. The same screen applies a payment's unapplied
// cash later (#/cash-receipts/C-1001?payment=PM-000042). Amounts are typed as decimals and
// checked and summed in integer cents before anything is sent; the server checks them again
// and its problems are shown at their fields.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, FieldError, newIdempotencyKey } from "../api";
import { asApiError, CustomerFinder, FieldProblem, fieldMessage, loadAll, Problem, useCustomer } from "./common";
import { daysPastDue, today } from "./dates";
import { basisPoints, centsOf, formatCents, percentOf, toCents } from "./money";
import { Invoice, Payment } from "./types";

interface Entry {
  amount: string;
  discount: string;
}

const METHODS = ["check", "ach", "wire", "card"];

// The discount the invoice's terms allow for a payment received on `received`, in cents: its
// percent of what is billed (less credits) while the window is open, less what was taken.
export function discountAllowed(v: Invoice, received: string): number {
  const bp = basisPoints(v.discount_percent) ?? 0;
  if (bp === 0 || !v.discount_date || received > v.discount_date) return 0;
  const base = centsOf(v.total) - centsOf(v.amount_credited);
  const allowed = percentOf(base, bp) - centsOf(v.discount_taken);
  return Math.max(0, Math.min(allowed, centsOf(v.balance)));
}

export function CashReceipt({ code, payment: paymentNumber }: { code: string | null; payment: string | null }) {
  const { customer, error: customerError } = useCustomer(code);
  const [invoices, setInvoices] = useState<Invoice[]>([]);
  const [unappliedPayments, setUnappliedPayments] = useState<Payment[]>([]);
  const [existing, setExisting] = useState<Payment | null>(null);
  const [amount, setAmount] = useState("");
  // One key per receipt: a retry after a lost answer records the payment once.
  const [key, setKey] = useState(newIdempotencyKey);
  const [method, setMethod] = useState("check");
  const [reference, setReference] = useState("");
  const [received, setReceived] = useState(today());
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Payment | null>(null);
  const [busy, setBusy] = useState(false);
  // While the customer's invoices load the form cannot be sent: what it would apply is not
  // known yet, and the load resets the entries and their problems when it ends.
  const [loading, setLoading] = useState(false);

  async function load() {
    if (!customer) return;
    setProblem(null);
    setLoading(true);
    try {
      const ref = encodeURIComponent(customer.code);
      const [open, payments, chosen] = await Promise.all([
        loadAll<Invoice>(`/api/v1/invoices?status=open&customer=${ref}`),
        loadAll<Payment>(`/api/v1/payments?customer=${ref}`, 500),
        paymentNumber ? call<Payment>("GET", `/api/v1/payments/${encodeURIComponent(paymentNumber)}`) : null,
      ]);
      setInvoices(open.sort((a, b) => a.due_date.localeCompare(b.due_date) || a.id - b.id));
      setUnappliedPayments(payments.filter((p) => centsOf(p.unapplied) > 0));
      setExisting(chosen);
      if (chosen) setReceived(chosen.received_date);
      setEntries({});
      setErrors([]);
    } catch (e) {
      setProblem(asApiError(e));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    setDone(null);
    void load();
  }, [customer?.code, paymentNumber]);

  const receivedCents = existing ? centsOf(existing.unapplied) : toCents(amount);

  // Each entered application in cents, with the problems the browser can see already.
  const rows = invoices.map((v) => {
    const e = entries[v.number] ?? { amount: "", discount: "" };
    const cash = e.amount.trim() ? toCents(e.amount) : 0;
    const discount = e.discount.trim() ? toCents(e.discount) : 0;
    let rowProblem: string | undefined;
    if (cash === null) rowProblem = "Type an amount such as 125.50.";
    else if (discount === null) rowProblem = "Type a discount such as 2.51.";
    else if (cash + discount > centsOf(v.balance)) rowProblem = `More than the balance of ${v.balance}.`;
    return { v, e, cash: cash ?? 0, discount: discount ?? 0, rowProblem };
  });
  const applied = rows.reduce((s, r) => s + r.cash, 0);
  const discounts = rows.reduce((s, r) => s + r.discount, 0);
  const unapplied = receivedCents === null ? null : receivedCents - applied;

  // A problem stays at its field until the field is edited.
  function edited(field: string) {
    setErrors((all) => all.filter((e) => e.field !== field && e.field !== "applications"));
  }

  function setEntry(number: string, change: Partial<Entry>) {
    const i = sentIndex.get(number);
    if (i !== undefined) setErrors((all) => all.filter((e) => !e.field.startsWith(`applications/${i}/`) && e.field !== "applications"));
    setEntries((all) => ({ ...all, [number]: { ...(all[number] ?? { amount: "", discount: "" }), ...change } }));
    setDone(null);
  }

  // Settles the invoice in full: its balance less the discount allowed on the received date.
  function payInFull(v: Invoice) {
    const discount = discountAllowed(v, received);
    setEntry(v.number, {
      amount: formatCents(centsOf(v.balance) - discount),
      discount: discount > 0 ? formatCents(discount) : "",
    });
  }

  // Spreads what was received over the invoices, oldest due first, each settled in full (with
  // its discount) while the cash lasts; the last one gets what is left.
  function applyOldestFirst() {
    if (receivedCents === null) return;
    let left = receivedCents;
    const next: Record<string, Entry> = {};
    for (const v of invoices) {
      if (left <= 0) break;
      const discount = discountAllowed(v, received);
      const full = centsOf(v.balance) - discount;
      if (left >= full) {
        next[v.number] = { amount: formatCents(full), discount: discount > 0 ? formatCents(discount) : "" };
        left -= full;
      } else {
        next[v.number] = { amount: formatCents(left), discount: "" };
        left = 0;
      }
    }
    setEntries(next);
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!customer || busy || loading) return;
    const mine: FieldError[] = [];
    if (!existing && receivedCents === null) {
      mine.push({ field: "amount", code: "invalid", message: "Type the amount received, such as 1250.00." });
    } else if (!existing && receivedCents === 0) {
      mine.push({ field: "amount", code: "invalid", message: "The amount received is above 0." });
    }
    const sent = rows.filter((r) => r.cash > 0 || r.discount > 0 || r.rowProblem);
    sent.forEach((r, i) => {
      if (r.rowProblem) mine.push({ field: `applications/${i}/amount`, code: "invalid", message: r.rowProblem });
    });
    if (unapplied !== null && unapplied < 0) {
      mine.push({
        field: "applications",
        code: "exceeds_payment",
        message: `The applications (${formatCents(applied)}) exceed the ${existing ? "unapplied cash" : "payment"} by ${formatCents(-unapplied)}.`,
      });
    }
    if (existing && sent.length === 0) {
      mine.push({ field: "applications", code: "required", message: "Enter an amount on at least one invoice." });
    }
    setErrors(mine);
    setProblem(null);
    if (mine.length > 0) return;
    const applications = sent.map((r) => ({
      invoice: r.v.number,
      amount: formatCents(r.cash),
      ...(r.discount > 0 ? { discount: formatCents(r.discount) } : {}),
    }));
    setBusy(true);
    try {
      const result = existing
        ? await call<Payment>("POST", `/api/v1/payments/${encodeURIComponent(existing.number)}/apply`, { applications })
        : await call<Payment>(
            "POST",
            "/api/v1/payments",
            {
              customer: customer.code,
              amount: formatCents(receivedCents ?? 0),
              method,
              reference,
              received_date: received,
              applications,
            },
            { headers: { "Idempotency-Key": key } },
          );
      setKey(newIdempotencyKey());
      setAmount("");
      setReference("");
      await load();
      setDone(result);
    } catch (error) {
      const problem = asApiError(error);
      if (problem.status === 400 && problem.errors.length > 0) setErrors(problem.errors);
      setProblem(problem);
    } finally {
      setBusy(false);
    }
  }

  // The rows sent are numbered in order from 0, as the server names them in its errors.
  const sentIndex = new Map<string, number>();
  rows.filter((r) => r.cash > 0 || r.discount > 0 || r.rowProblem).forEach((r, i) => sentIndex.set(r.v.number, i));
  const rowError = (number: string, key: "amount" | "discount" | "invoice") => {
    const i = sentIndex.get(number);
    return i === undefined ? undefined : fieldMessage(errors, `applications/${i}/${key}`);
  };
  const at = (field: string) => fieldMessage(errors, field);
  const described = (id: string, message?: string) =>
    message ? { "aria-invalid": "true" as const, "aria-describedby": `${id}-error` } : {};

  return (
    <section aria-labelledby="cash-receipt-title" class="receivables">
      <h1 id="cash-receipt-title">Cash receipt{customer ? ` from ${customer.code}` : ""}</h1>
      <CustomerFinder
        id="cash-receipt-customer"
        initial={code ?? ""}
        onChoose={(c) => (location.hash = `#/cash-receipts/${encodeURIComponent(c.code)}`)}
      />
      <Problem error={customerError} />
      {customer && (
        <form class="receipt" onSubmit={(e) => void submit(e)} noValidate>
          <p class="lead">
            <strong>{customer.name}</strong> · terms {customer.payment_terms}
          </p>
          {existing ? (
            <p>
              Applying the unapplied {existing.unapplied} of payment <strong>{existing.number}</strong> ({existing.method}{" "}
              {existing.reference}, received {existing.received_date}).{" "}
              <a href={`#/cash-receipts/${encodeURIComponent(customer.code)}`}>Record a new payment instead</a>
            </p>
          ) : (
            <div class="form-grid">
              <label for="receipt-amount">Amount received</label>
              <span>
                <input
                  id="receipt-amount"
                  inputMode="decimal"
                  value={amount}
                  autoFocus
                  onInput={(e) => {
                    setAmount((e.target as HTMLInputElement).value);
                    edited("amount");
                  }}
                  {...described("receipt-amount", at("amount"))}
                />
                <FieldProblem id="receipt-amount" message={at("amount")} />
              </span>
              <label for="receipt-method">Method</label>
              <span>
                <select id="receipt-method" value={method} onChange={(e) => setMethod((e.target as HTMLSelectElement).value)} {...described("receipt-method", at("method"))}>
                  {METHODS.map((m) => (
                    <option value={m}>{m}</option>
                  ))}
                </select>
                <FieldProblem id="receipt-method" message={at("method")} />
              </span>
              <label for="receipt-reference">Reference (check or transfer no.)</label>
              <span>
                <input id="receipt-reference" value={reference} maxLength={200} onInput={(e) => {
                  setReference((e.target as HTMLInputElement).value);
                  edited("reference");
                }} {...described("receipt-reference", at("reference"))} />
                <FieldProblem id="receipt-reference" message={at("reference")} />
              </span>
              <label for="receipt-date">Received on</label>
              <span>
                <input id="receipt-date" type="date" value={received} max={today()} onInput={(e) => {
                  setReceived((e.target as HTMLInputElement).value);
                  edited("received_date");
                }} {...described("receipt-date", at("received_date"))} />
                <FieldProblem id="receipt-date" message={at("received_date")} />
              </span>
            </div>
          )}
          <h2>Apply to open invoices</h2>
          {invoices.length === 0 ? (
            <p>{customer.code} has no open invoices; the payment stays unapplied until one is due.</p>
          ) : (
            <>
              <p>
                <button type="button" class="secondary" onClick={applyOldestFirst} disabled={receivedCents === null || receivedCents === 0}>
                  Apply oldest first
                </button>{" "}
                <button type="button" class="secondary" onClick={() => setEntries({})}>
                  Clear
                </button>
              </p>
              <div class="table-scroll">
                <table class="applications">
                  <thead>
                    <tr>
                      <th scope="col">Invoice</th>
                      <th scope="col">Due</th>
                      <th scope="col" class="number">Days past due</th>
                      <th scope="col" class="number">Balance</th>
                      <th scope="col">Discount terms</th>
                      <th scope="col">Apply</th>
                      <th scope="col">Discount</th>
                      <th scope="col">
                        <span class="visually-hidden">Shortcut</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ v, e, rowProblem }) => {
                      const days = daysPastDue(v.due_date, received);
                      const allowed = discountAllowed(v, received);
                      const amountId = `apply-${v.number}`;
                      const discountId = `discount-${v.number}`;
                      const amountProblem = rowProblem ?? rowError(v.number, "amount") ?? rowError(v.number, "invoice");
                      const discountProblem = rowError(v.number, "discount");
                      return (
                        <tr key={v.id}>
                          <td>{v.number}</td>
                          <td>{v.due_date}</td>
                          <td class="number">{days > 0 ? days : "—"}</td>
                          <td class="number">{v.balance}</td>
                          <td>{allowed > 0 ? `${formatCents(allowed)} (${v.discount_percent}%) until ${v.discount_date}` : "—"}</td>
                          <td>
                            <label for={amountId} class="visually-hidden">
                              Apply to {v.number}
                            </label>
                            <input id={amountId} class="money-input" inputMode="decimal" value={e.amount} onInput={(ev) => setEntry(v.number, { amount: (ev.target as HTMLInputElement).value })} {...described(amountId, amountProblem)} />
                            <FieldProblem id={amountId} message={amountProblem} />
                          </td>
                          <td>
                            <label for={discountId} class="visually-hidden">
                              Discount on {v.number}
                            </label>
                            <input id={discountId} class="money-input" inputMode="decimal" value={e.discount} onInput={(ev) => setEntry(v.number, { discount: (ev.target as HTMLInputElement).value })} {...described(discountId, discountProblem)} />
                            <FieldProblem id={discountId} message={discountProblem} />
                          </td>
                          <td>
                            <button type="button" class="secondary" onClick={() => payInFull(v)}>
                              Pay {v.number} in full
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <div class="receipt-footer">
            <dl class="totals" aria-live="polite">
              <dt>{existing ? "Unapplied cash" : "Received"}</dt>
              <dd>{receivedCents === null ? "—" : formatCents(receivedCents)}</dd>
              <dt>Applied</dt>
              <dd>{formatCents(applied)}</dd>
              <dt>Discounts</dt>
              <dd>{formatCents(discounts)}</dd>
              <dt>Left unapplied</dt>
              <dd class={unapplied !== null && unapplied < 0 ? "error" : undefined}>{unapplied === null ? "—" : formatCents(unapplied)}</dd>
            </dl>
            <button type="submit" disabled={busy || loading}>
              {existing ? `Apply ${existing.number}` : "Record payment"}
            </button>
            <FieldProblem id="applications" message={at("applications")} />
          </div>
          <Problem error={problem && (problem.status !== 400 || problem.errors.length === 0) ? problem : null} onReload={() => void load()} />
          {problem && problem.status === 400 && problem.errors.length > 0 && (
            <div class="error" role="alert">
              {problem.message}: see the fields marked.
              {/* A problem of a field this form does not show (the customer) is listed here. */}
              <ul>
                {problem.errors
                  .filter((e) => !/^(amount|method|reference|received_date|applications)/.test(e.field))
                  .map((e) => (
                    <li>{e.message}</li>
                  ))}
              </ul>
            </div>
          )}
          {done && (
            <p class="success" role="status">
              {done.number} {existing ? "applied" : "recorded"}: {done.applied} applied
              {done.applications.length > 0 && ` (${done.applications.map((a) => a.invoice).join(", ")})`}, {done.unapplied} unapplied.
            </p>
          )}
        </form>
      )}
      {customer && unappliedPayments.length > 0 && (
        <>
          <h2>Cash not yet applied</h2>
          <ul>
            {unappliedPayments.map((p) => (
              <li key={p.id}>
                <a href={`#/cash-receipts/${encodeURIComponent(customer.code)}?payment=${encodeURIComponent(p.number)}`}>
                  Apply {p.number}
                </a>{" "}
                — {p.unapplied} of {p.amount} received {p.received_date} ({p.method} {p.reference})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
