// The customer's balance: what is open, what of it is past due, and the credit left. Open and
// overdue come from today's statement aging (GET /api/v1/customers/{code}/statement: open
// invoice balances by days past due), the credit from GET /api/v1/customers/{code}/credit.
// Overdue is the sum of the past-due buckets, added in integer cents.
import { useEffect, useState } from "preact/hooks";
import { call } from "../api";
import { customerCode, fromCents, problemText, toCents } from "./shared";

export interface AgingTotals {
  current: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90_plus: string;
  total: string;
  unapplied: string;
  open_credits: string;
}

interface Credit {
  credit_limit: string;
  open_orders: string;
  available_credit: string;
  on_hold: boolean;
}

interface Loaded {
  aging: AgingTotals;
  closing: string;
  currency: string;
  credit: Credit;
}

interface StatementTotals {
  aging: AgingTotals;
  closing_balance: string;
  currency: string;
}

export function overdue(aging: AgingTotals): string {
  return fromCents([aging.d1_30, aging.d31_60, aging.d61_90, aging.d90_plus].reduce((sum, a) => sum + toCents(a), 0));
}

export function Balance() {
  const [state, setState] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    customerCode()
      .then(async (code) => {
        const ref = encodeURIComponent(code);
        const [statement, credit] = await Promise.all([
          call<StatementTotals>("GET", `/api/v1/customers/${ref}/statement`),
          call<Credit>("GET", `/api/v1/customers/${ref}/credit`),
        ]);
        setState({ aging: statement.aging, closing: statement.closing_balance, currency: statement.currency, credit });
      })
      .catch((e) => setError(problemText(e, "Your account was not found.")));
  }, []);

  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    );
  if (!state) return <p aria-live="polite">Loading your balance…</p>;
  const { aging, closing, currency, credit } = state;
  const late = overdue(aging);
  return (
    <section class="balance" aria-labelledby="balance-title">
      <h2 id="balance-title">Balance</h2>
      <dl class="tiles">
        <div>
          <dt>Balance due</dt>
          <dd>
            {closing} {currency}
          </dd>
        </div>
        <div class={toCents(late) > 0 ? "overdue" : undefined}>
          <dt>Overdue</dt>
          <dd>
            {late} {currency}
          </dd>
        </div>
        <div>
          <dt>Credit available</dt>
          <dd>
            {credit.available_credit} {currency}
          </dd>
        </div>
        <div>
          <dt>Credit limit</dt>
          <dd>
            {credit.credit_limit} {currency}
          </dd>
        </div>
      </dl>
      {toCents(aging.unapplied) > 0 && (
        <p>
          Payments received and not yet applied to an invoice: {aging.unapplied} {currency}.
        </p>
      )}
      {credit.on_hold && (
        <p class="holds" role="status">
          Your account is on credit hold: new orders wait for review.
        </p>
      )}
    </section>
  );
}
