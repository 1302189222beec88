// A customer's statement of account as a table (GET /api/v1/customers/{code}/statement): the
// opening balance, every invoice, payment, discount, credit memo and refund with the running
// balance, and the closing balance at its foot. The receivables statement and the portal's show
// it; the portal's opens an invoice from its reference.
import { ComponentChildren } from "preact";
import { label } from "./orders";

export interface StatementLine {
  date: string;
  kind: string;
  reference: string;
  memo: string;
  charge: string;
  credit: string;
  balance: string;
}

// The statement as the API answers it, but for its aging (which each screen shows its own way).
export interface StatementOfAccount {
  customer: string;
  name: string;
  currency: string;
  from: string;
  to: string;
  opening_balance: string;
  lines: StatementLine[];
  closing_balance: string;
}

// An amount that is zero is left blank, so that each line reads as a charge or a credit.
const amount = (a: string) => (a === "0.00" ? "" : a);

export function StatementTable(props: { statement: StatementOfAccount; reference?: (line: StatementLine) => ComponentChildren }) {
  const s = props.statement;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Kind</th>
          <th scope="col">Reference</th>
          <th scope="col">Memo</th>
          <th scope="col" class="number">Charge</th>
          <th scope="col" class="number">Credit</th>
          <th scope="col" class="number">Balance</th>
        </tr>
      </thead>
      <tbody>
        <tr class="carried">
          <td>{s.from}</td>
          <td colSpan={5}>Opening balance</td>
          <td class="number">{s.opening_balance}</td>
        </tr>
        {s.lines.map((l, i) => (
          <tr key={i}>
            <td>{l.date}</td>
            <td>{label(l.kind)}</td>
            <td>{props.reference ? props.reference(l) : l.reference}</td>
            <td>{l.memo}</td>
            <td class="number">{amount(l.charge)}</td>
            <td class="number">{amount(l.credit)}</td>
            <td class="number">{l.balance}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr class="carried">
          <th scope="row" colSpan={6}>
            Closing balance on {s.to}
          </th>
          <td class="number">
            <strong>{s.closing_balance}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
