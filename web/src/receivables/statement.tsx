// A customer's statement (#/statements/C-1001): the opening balance, every charge and credit
// between two dates with the running balance, the closing balance and its aging on the end date
// (GET /api/v1/customers/{ref}/statement), and the same statement as a PDF to send
// (…/statement.pdf, through DocumentLink) or the page printed as it is.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { DocumentLink } from "../document_link";
import { StatementOfAccount, StatementTable } from "../statement_table";
import { asApiError, CustomerFinder, FieldProblem, fieldMessage, Problem } from "./common";
import { BUCKETS, today } from "./dates";
import { AgingAmounts } from "./types";

interface StatementDocument extends StatementOfAccount {
  aging: AgingAmounts;
}

function monthStart(date: string): string {
  return `${date.slice(0, 8)}01`;
}

export function Statement({ code }: { code: string | null }) {
  const [from, setFrom] = useState(monthStart(today()));
  const [to, setTo] = useState(today());
  const [statement, setStatement] = useState<StatementDocument | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function load() {
    if (!code) return;
    setError(null);
    try {
      setStatement(
        await call<StatementDocument>(
          "GET",
          `/api/v1/customers/${encodeURIComponent(code)}/statement?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        ),
      );
    } catch (e) {
      setStatement(null);
      setError(asApiError(e));
    }
  }

  useEffect(() => {
    void load();
  }, [code]);

  const at = (field: string) => (error ? fieldMessage(error.errors, field) : undefined);
  return (
    <section aria-labelledby="statement-title" class="receivables statement">
      <h1 id="statement-title">Statement{statement ? ` of ${statement.customer}` : ""}</h1>
      <div class="no-print">
        <CustomerFinder id="statement-customer" initial={code ?? ""} onChoose={(c) => (location.hash = `#/statements/${encodeURIComponent(c.code)}`)} />
        {code && (
          <form
            class="filters"
            onSubmit={(e) => {
              e.preventDefault();
              void load();
            }}
          >
            <label for="statement-from">From</label>
            <input id="statement-from" type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} aria-invalid={at("from") ? "true" : undefined} aria-describedby={at("from") ? "statement-from-error" : undefined} />
            <FieldProblem id="statement-from" message={at("from")} />
            <label for="statement-to">To</label>
            <input id="statement-to" type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} aria-invalid={at("to") ? "true" : undefined} aria-describedby={at("to") ? "statement-to-error" : undefined} />
            <FieldProblem id="statement-to" message={at("to")} />
            <button type="submit">Show</button>
            {statement && (
              <>
                <DocumentLink
                  path={`/api/v1/customers/${encodeURIComponent(statement.customer)}/statement.pdf?from=${statement.from}&to=${statement.to}`}
                  label="Statement PDF"
                  filename={`${statement.customer}-${statement.to}.pdf`}
                />
                <button type="button" class="secondary" onClick={() => print()}>
                  Print
                </button>
              </>
            )}
          </form>
        )}
      </div>
      <Problem error={error && error.errors.length === 0 ? error : null} />
      {statement && (
        <>
          <p class="lead">
            <strong>{statement.name}</strong> · {statement.from} to {statement.to} · {statement.currency}
          </p>
          <StatementTable statement={statement} />
          <h2>Aging on {statement.to}</h2>
          <dl class="facts">
            {BUCKETS.map((b) => (
              <>
                <dt>{b.label}</dt>
                <dd class="money">{statement.aging[b.key]}</dd>
              </>
            ))}
            <dt>Total open</dt>
            <dd class="money">{statement.aging.total}</dd>
            <dt>Unapplied cash</dt>
            <dd class="money">{statement.aging.unapplied}</dd>
            <dt>Open credits</dt>
            <dd class="money">{statement.aging.open_credits}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
