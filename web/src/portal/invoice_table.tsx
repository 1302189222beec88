// A table of invoices: number (opens the invoice), order, dates, total, balance, status chip
// and the PDF; the order page and the invoices screen show their invoices with it.
import { DocumentLink } from "../document_link";
import { InvoiceSummary } from "./portal_types";
import { chipClass, label } from "./shared";

// An open invoice past its due date (dates compared in UTC, as the server's aging does) shows
// as overdue.
function shownStatus(invoice: InvoiceSummary, today: string): string {
  return invoice.status === "open" && invoice.due_date < today ? "overdue" : invoice.status;
}

export function InvoiceTable(props: { invoices: InvoiceSummary[] }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Invoice</th>
          <th scope="col">Order</th>
          <th scope="col">Date</th>
          <th scope="col">Due</th>
          <th scope="col" class="number">Total</th>
          <th scope="col" class="number">Balance</th>
          <th scope="col">Status</th>
          <th scope="col">PDF</th>
        </tr>
      </thead>
      <tbody>
        {props.invoices.map((i) => (
          <tr key={i.number}>
            <td>
              <a href={`#/invoices/${encodeURIComponent(i.number)}`}>{i.number}</a>
            </td>
            <td>
              <a href={`#/orders/${encodeURIComponent(i.order)}`}>{i.order}</a>
            </td>
            <td>{i.invoice_date}</td>
            <td>{i.due_date}</td>
            <td class="number">{i.total}</td>
            <td class="number">{i.balance}</td>
            <td>
              <span class={chipClass(shownStatus(i, today))}>{label(shownStatus(i, today))}</span>
            </td>
            <td>
              <DocumentLink
                path={`/api/v1/invoices/${encodeURIComponent(i.number)}.pdf`}
                label={`Invoice PDF ${i.number}`}
                filename={`${i.number}.pdf`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
