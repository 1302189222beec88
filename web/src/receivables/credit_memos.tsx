// Credit memos (#/credit-memos): the list, open ones first by default; a memo's page
// (#/credit-memos/CM-000001) with its lines, applications, refunds and PDF, where its balance is
// applied to the customer's open invoices or refunded (POST …/apply, …/refund). Amounts are
// checked and summed in integer cents; the server's problems are shown at their fields.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, FieldError } from "../api";
import { DocumentLink } from "../document_link";
import { asApiError, FieldProblem, fieldMessage, loadAll, Problem, usePermissions } from "./common";
import { centsOf, formatCents, toCents } from "./money";
import { CreditMemo, Invoice, Page } from "./types";

const STATUSES = ["open", "applied", "refunded"];

export function CreditMemos({ number }: { number: string | null }) {
  return number ? <CreditMemoPage number={number} /> : <CreditMemoList />;
}

function CreditMemoList() {
  const [status, setStatus] = useState("open");
  const [customer, setCustomer] = useState("");
  const [memos, setMemos] = useState<CreditMemo[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function load(cursor: string | null) {
    setError(null);
    const params = new URLSearchParams({ limit: "100" });
    if (status) params.set("status", status);
    if (customer.trim()) params.set("customer", customer.trim());
    if (cursor) params.set("cursor", cursor);
    try {
      const page = await call<Page<CreditMemo>>("GET", `/api/v1/credit-memos?${params}`);
      setMemos((shown) => (cursor && shown ? [...shown, ...page.items] : page.items));
      setNext(page.next_cursor);
    } catch (e) {
      setError(asApiError(e));
    }
  }

  useEffect(() => {
    void load(null);
  }, [status]);

  return (
    <section aria-labelledby="memos-title" class="receivables">
      <h1 id="memos-title">Credit memos</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(null);
        }}
      >
        <label for="memo-status">Status</label>
        <select id="memo-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="">Any</option>
          {STATUSES.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
        <label for="memo-customer">Customer code</label>
        <input id="memo-customer" value={customer} onInput={(e) => setCustomer((e.target as HTMLInputElement).value)} />
        <button type="submit">Filter</button>
      </form>
      <Problem error={error} />
      {memos === null && !error && <p aria-live="polite">Loading…</p>}
      {memos && memos.length === 0 && <p>No credit memo matches.</p>}
      {memos && memos.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Memo</th>
              <th scope="col">Customer</th>
              <th scope="col">Dated</th>
              <th scope="col">Return</th>
              <th scope="col">Invoice</th>
              <th scope="col" class="number">Total</th>
              <th scope="col" class="number">Applied</th>
              <th scope="col" class="number">Refunded</th>
              <th scope="col" class="number">Balance</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {memos.map((m) => (
              <tr key={m.id}>
                <td>
                  <a href={`#/credit-memos/${encodeURIComponent(m.number)}`}>{m.number}</a>
                </td>
                <td>{m.customer}</td>
                <td>{m.memo_date}</td>
                <td>{m.return ?? ""}</td>
                <td>{m.invoice ?? ""}</td>
                <td class="number">{m.total}</td>
                <td class="number">{m.amount_applied}</td>
                <td class="number">{m.amount_refunded}</td>
                <td class="number">{m.balance}</td>
                <td>
                  <span class={`chip chip-memo-${m.status}`}>{m.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          Load more
        </button>
      )}
    </section>
  );
}

function CreditMemoPage({ number }: { number: string }) {
  const [memo, setMemo] = useState<CreditMemo | null>(null);
  const [invoices, setInvoices] = useState<Invoice[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mayWrite = usePermissions().includes("credit_memos.write");

  async function load() {
    setError(null);
    try {
      const m = await call<CreditMemo>("GET", `/api/v1/credit-memos/${encodeURIComponent(number)}`);
      setMemo(m);
      const open = await loadAll<Invoice>(`/api/v1/invoices?status=open&customer=${encodeURIComponent(m.customer)}`);
      // The memo's own invoice first, then oldest due first.
      setInvoices(
        open.sort((a, b) => Number(b.number === m.invoice) - Number(a.number === m.invoice) || a.due_date.localeCompare(b.due_date)),
      );
    } catch (e) {
      setError(asApiError(e));
    }
  }

  useEffect(() => {
    setDone(null);
    void load();
  }, [number]);

  async function changed(message: string) {
    await load();
    setDone(message);
  }

  return (
    <section aria-labelledby="memo-title" class="receivables">
      <p>
        <a href="#/credit-memos">← Credit memos</a>
      </p>
      <h1 id="memo-title">Credit memo {number}</h1>
      <Problem error={error} onReload={() => void load()} />
      {memo && (
        <>
          <dl class="facts">
            <dt>Customer</dt>
            <dd>
              <a href={`#/receivables/${encodeURIComponent(memo.customer)}`}>{memo.customer}</a>
            </dd>
            <dt>Dated</dt>
            <dd>{memo.memo_date}</dd>
            <dt>Return / order / invoice</dt>
            <dd>
              {memo.return ?? "—"} / {memo.order ?? "—"} / {memo.invoice ?? "—"}
            </dd>
            <dt>Total</dt>
            <dd class="money">{memo.total}</dd>
            <dt>Applied</dt>
            <dd class="money">{memo.amount_applied}</dd>
            <dt>Refunded</dt>
            <dd class="money">{memo.amount_refunded}</dd>
            <dt>Balance</dt>
            <dd class="money">
              <strong>{memo.balance}</strong> <span class={`chip chip-memo-${memo.status}`}>{memo.status}</span>
            </dd>
          </dl>
          <p>
            <DocumentLink path={`/api/v1/credit-memos/${encodeURIComponent(memo.number)}.pdf`} label="Credit memo PDF" filename={`${memo.number}.pdf`} />
          </p>
          {done && (
            <p class="success" role="status">
              {done}
            </p>
          )}
          {(memo.lines ?? []).length > 0 && (
            <table>
              <caption>Lines</caption>
              <thead>
                <tr>
                  <th scope="col">SKU</th>
                  <th scope="col">Invoice</th>
                  <th scope="col" class="number">Quantity</th>
                  <th scope="col" class="number">Unit price</th>
                  <th scope="col" class="number">Amount</th>
                  <th scope="col" class="number">Tax</th>
                </tr>
              </thead>
              <tbody>
                {memo.lines!.map((l) => (
                  <tr key={l.line_no}>
                    <td>{l.sku}</td>
                    <td>{l.invoice}</td>
                    <td class="number">{l.quantity}</td>
                    <td class="number">{l.unit_price}</td>
                    <td class="number">{l.extended_amount}</td>
                    <td class="number">{l.tax}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {((memo.applications ?? []).length > 0 || (memo.refunds ?? []).length > 0) && (
            <>
              <h2>Settled so far</h2>
              <ul>
                {(memo.applications ?? []).map((a) => (
                  <li>
                    {a.amount} applied to {a.invoice} on {new Date(a.at).toLocaleDateString()}
                  </li>
                ))}
                {(memo.refunds ?? []).map((r) => (
                  <li>
                    {r.amount} refunded by {r.method} {r.reference} on {new Date(r.at).toLocaleDateString()}
                  </li>
                ))}
              </ul>
            </>
          )}
          {centsOf(memo.balance) > 0 && mayWrite && (
            <>
              <ApplyMemo memo={memo} invoices={invoices} onDone={changed} onReload={() => void load()} />
              <RefundMemo memo={memo} onDone={changed} onReload={() => void load()} />
            </>
          )}
        </>
      )}
    </section>
  );
}

// The memo's balance applied to open invoices of its customer: an amount per invoice.
function ApplyMemo({
  memo,
  invoices,
  onDone,
  onReload,
}: {
  memo: CreditMemo;
  invoices: Invoice[];
  onDone: (message: string) => Promise<void>;
  onReload: () => void;
}) {
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const balance = centsOf(memo.balance);
  const rows = invoices.map((v) => {
    const text = amounts[v.number] ?? "";
    const cents = text.trim() ? toCents(text) : 0;
    let rowProblem: string | undefined;
    if (cents === null) rowProblem = "Type an amount such as 25.00.";
    else if (cents > centsOf(v.balance)) rowProblem = `More than the balance of ${v.balance}.`;
    return { v, text, cents: cents ?? 0, rowProblem };
  });
  const total = rows.reduce((s, r) => s + r.cents, 0);
  const sent = rows.filter((r) => r.cents > 0 || r.rowProblem);

  async function submit(e: Event) {
    e.preventDefault();
    const mine: FieldError[] = [];
    sent.forEach((r, i) => r.rowProblem && mine.push({ field: `applications/${i}/amount`, code: "invalid", message: r.rowProblem }));
    if (sent.length === 0) mine.push({ field: "applications", code: "required", message: "Enter an amount on at least one invoice." });
    if (total > balance) mine.push({ field: "applications", code: "exceeds", message: `${formatCents(total)} is more than the memo's balance of ${memo.balance}.` });
    setErrors(mine);
    setProblem(null);
    if (mine.length > 0) return;
    setBusy(true);
    try {
      const applications = sent.map((r) => ({ invoice: r.v.number, amount: formatCents(r.cents) }));
      await call<CreditMemo>("POST", `/api/v1/credit-memos/${encodeURIComponent(memo.number)}/apply`, { applications });
      setAmounts({});
      await onDone(`${formatCents(total)} of ${memo.number} applied to ${applications.map((a) => a.invoice).join(", ")}.`);
    } catch (error) {
      const p = asApiError(error);
      if (p.status === 400 && p.errors.length > 0) setErrors(p.errors);
      else setProblem(p);
    } finally {
      setBusy(false);
    }
  }

  const index = new Map(sent.map((r, i) => [r.v.number, i]));
  return (
    <form class="panel" aria-labelledby="apply-memo-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="apply-memo-title">Apply to open invoices</h2>
      {invoices.length === 0 ? (
        <p>{memo.customer} has no open invoices: refund the balance instead.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Due</th>
              <th scope="col" class="number">Balance</th>
              <th scope="col">Apply</th>
              <th scope="col">
                <span class="visually-hidden">Shortcut</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ v, text, rowProblem }) => {
              const id = `memo-apply-${v.number}`;
              const i = index.get(v.number);
              const message = rowProblem ?? (i === undefined ? undefined : fieldMessage(errors, `applications/${i}/amount`) ?? fieldMessage(errors, `applications/${i}/invoice`));
              return (
                <tr key={v.id}>
                  <td>{v.number}</td>
                  <td>{v.due_date}</td>
                  <td class="number">{v.balance}</td>
                  <td>
                    <label for={id} class="visually-hidden">
                      Apply to {v.number}
                    </label>
                    <input id={id} class="money-input" inputMode="decimal" value={text} onInput={(e) => setAmounts((all) => ({ ...all, [v.number]: (e.target as HTMLInputElement).value }))} aria-invalid={message ? "true" : undefined} aria-describedby={message ? `${id}-error` : undefined} />
                    <FieldProblem id={id} message={message} />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => {
                        // What is left of the memo after the other rows, up to the invoice's balance.
                        const others = total - (toCents(text) ?? 0);
                        const fill = Math.max(0, Math.min(centsOf(v.balance), balance - others));
                        setAmounts((all) => ({ ...all, [v.number]: formatCents(fill) }));
                      }}
                    >
                      Fill {v.number}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p aria-live="polite">
        Applying {formatCents(total)} of the balance {memo.balance}.
      </p>
      <FieldProblem id="memo-applications" message={fieldMessage(errors, "applications")} />
      <Problem error={problem} onReload={onReload} />
      {invoices.length > 0 && (
        <button type="submit" disabled={busy}>
          Apply credit
        </button>
      )}
    </form>
  );
}

// The memo's balance (or part of it) paid back to the customer.
function RefundMemo({ memo, onDone, onReload }: { memo: CreditMemo; onDone: (message: string) => Promise<void>; onReload: () => void }) {
  const [amount, setAmount] = useState(memo.balance);
  const [method, setMethod] = useState("check");
  const [reference, setReference] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const cents = toCents(amount);
    const mine: FieldError[] = [];
    if (cents === null || cents === 0) mine.push({ field: "amount", code: "invalid", message: "Type the amount to refund, such as 25.00." });
    else if (cents > centsOf(memo.balance)) mine.push({ field: "amount", code: "exceeds", message: `At most the balance of ${memo.balance}.` });
    setErrors(mine);
    setProblem(null);
    if (mine.length > 0) return;
    setBusy(true);
    try {
      await call<CreditMemo>("POST", `/api/v1/credit-memos/${encodeURIComponent(memo.number)}/refund`, {
        amount: formatCents(cents!),
        method,
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      await onDone(`${formatCents(cents!)} of ${memo.number} refunded by ${method}.`);
    } catch (error) {
      const p = asApiError(error);
      if (p.status === 400 && p.errors.length > 0) setErrors(p.errors);
      else setProblem(p);
    } finally {
      setBusy(false);
    }
  }

  const at = (field: string) => fieldMessage(errors, field);
  return (
    <form class="panel" aria-labelledby="refund-memo-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="refund-memo-title">Refund</h2>
      <div class="form-grid">
        <label for="refund-amount">Amount</label>
        <span>
          <input id="refund-amount" inputMode="decimal" value={amount} onInput={(e) => setAmount((e.target as HTMLInputElement).value)} aria-invalid={at("amount") ? "true" : undefined} aria-describedby={at("amount") ? "refund-amount-error" : undefined} />
          <FieldProblem id="refund-amount" message={at("amount")} />
        </span>
        <label for="refund-method">Method</label>
        <span>
          <select id="refund-method" value={method} onChange={(e) => setMethod((e.target as HTMLSelectElement).value)}>
            {["check", "ach", "wire", "card"].map((m) => (
              <option value={m}>{m}</option>
            ))}
          </select>
          <FieldProblem id="refund-method" message={at("method")} />
        </span>
        <label for="refund-reference">Reference</label>
        <span>
          <input id="refund-reference" value={reference} maxLength={200} onInput={(e) => setReference((e.target as HTMLInputElement).value)} aria-invalid={at("reference") ? "true" : undefined} aria-describedby={at("reference") ? "refund-reference-error" : undefined} />
          <FieldProblem id="refund-reference" message={at("reference")} />
        </span>
      </div>
      <Problem error={problem} onReload={onReload} />
      <button type="submit" disabled={busy}>
        Refund
      </button>
    </form>
  );
}
