// The customer's statement of account (#/statement for a portal user): from a date to a date
// (this month to today unless chosen), the opening balance, every invoice, payment, discount,
// credit memo and refund with the running balance, the closing balance and its aging
// (GET /api/v1/customers/{code}/statement, which answers a portal user for its own customer only).
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, FieldError } from "../api";
import { DocumentLink } from "../document_link";
import { StatementLine, StatementOfAccount, StatementTable } from "../statement_table";
import { AgingTotals } from "./balance";
import { customerCode, valueOf } from "./shared";

interface Statement extends StatementOfAccount {
  aging: AgingTotals;
}

// An invoice's reference opens the invoice; payments and memos have no portal page of their own.
function reference(line: StatementLine) {
  if (line.kind !== "invoice") return line.reference;
  return <a href={`#/invoices/${encodeURIComponent(line.reference)}`}>{line.reference}</a>;
}

export function StatementScreen() {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [statement, setStatement] = useState<Statement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [loading, setLoading] = useState(true);

  async function load() {
    setLoading(true);
    setError(null);
    setErrors([]);
    const params = new URLSearchParams();
    if (from) params.set("from", from);
    if (to) params.set("to", to);
    try {
      const code = await customerCode();
      const s = await call<Statement>("GET", `/api/v1/customers/${encodeURIComponent(code)}/statement?${params}`);
      setStatement(s);
      setFrom(s.from);
      setTo(s.to);
    } catch (e) {
      setError((e as ApiError).message);
      setErrors((e as ApiError).errors ?? []);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <section aria-labelledby="statement-title">
      <h1 id="statement-title">Statement of account</h1>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label for="statement-from">From</label>
        <input id="statement-from" type="date" value={from} onInput={(e) => setFrom(valueOf(e))} />
        {fieldError("from") && <span class="error">{fieldError("from")}</span>}
        <label for="statement-to">To</label>
        <input id="statement-to" type="date" value={to} onInput={(e) => setTo(valueOf(e))} />
        {fieldError("to") && <span class="error">{fieldError("to")}</span>}
        <button type="submit" disabled={loading}>
          Show statement
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {loading && <p aria-live="polite">Loading…</p>}
      {statement && (
        <>
          <p class="lead">
            {statement.name} ({statement.customer}), {statement.from} to {statement.to}, in {statement.currency}.
          </p>
          <p class="actions">
            <DocumentLink
              path={`/api/v1/customers/${encodeURIComponent(statement.customer)}/statement.pdf?from=${statement.from}&to=${statement.to}`}
              label="Statement PDF"
              filename={`${statement.customer}-${statement.to}.pdf`}
            />
          </p>
          <StatementTable statement={statement} reference={reference} />
          <h2>Aging on {statement.to}</h2>
          <table class="aging">
            <thead>
              <tr>
                <th scope="col" class="number">Not yet due</th>
                <th scope="col" class="number">1–30 days late</th>
                <th scope="col" class="number">31–60</th>
                <th scope="col" class="number">61–90</th>
                <th scope="col" class="number">Over 90</th>
                <th scope="col" class="number">Open invoices</th>
                <th scope="col" class="number">Unapplied payments</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td class="number">{statement.aging.current}</td>
                <td class="number">{statement.aging.d1_30}</td>
                <td class="number">{statement.aging.d31_60}</td>
                <td class="number">{statement.aging.d61_90}</td>
                <td class="number">{statement.aging.d90_plus}</td>
                <td class="number">{statement.aging.total}</td>
                <td class="number">{statement.aging.unapplied}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
