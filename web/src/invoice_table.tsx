// A table of invoices, each with its PDF; an open invoice past its due date shows as overdue.
// The customer's view (the portal's order page and invoices screen): the number opens the
// invoice and the order is named. The staff's (the order page): the shipment each invoices,
// the total in its currency.
import { DocumentLink } from "./document_link";
import { label } from "./orders";

export interface InvoiceRow {
  number: string;
  order?: string;
  shipment: string | null;
  invoice_date: string;
  due_date: string;
  status: string;
  currency: string;
  total: string;
  balance: string;
}

// Dates compared in UTC, as the server's aging does.
function shownStatus(invoice: InvoiceRow, today: string): string {
  return invoice.status === "open" && invoice.due_date < today ? "overdue" : invoice.status;
}

export function InvoiceTable(props: { invoices: InvoiceRow[]; forCustomer?: boolean }) {
  const customer = props.forCustomer === true;
  const today = new Date().toISOString().slice(0, 10);
  const ref = encodeURIComponent;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Invoice</th>
          <th scope="col">{customer ? "Order" : "Shipment"}</th>
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
          <tr key={i.number} data-invoice={i.number}>
            <td>{customer ? <a href={`#/invoices/${ref(i.number)}`}>{i.number}</a> : i.number}</td>
            <td>{customer && i.order ? <a href={`#/orders/${ref(i.order)}`}>{i.order}</a> : (i.shipment ?? "—")}</td>
            <td>{i.invoice_date}</td>
            <td>{i.due_date}</td>
            <td class="number">{customer ? i.total : `${i.total} ${i.currency}`}</td>
            <td class="number">{i.balance}</td>
            <td>
              <span class={`chip chip-${shownStatus(i, today)}`}>{label(shownStatus(i, today))}</span>
            </td>
            <td>
              <DocumentLink
                path={`/api/v1/invoices/${ref(i.number)}.pdf`}
                label={customer ? `Invoice PDF ${i.number}` : `Invoice ${i.number} PDF`}
                filename={`${i.number}.pdf`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
