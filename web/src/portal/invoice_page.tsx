// One of the customer's invoices (#/invoices/IN-000042 for a portal user): dates and terms,
// lines, totals, what was paid, discounted and credited, the balance, and its PDF. Another
// customer's invoice answers 404 and the page shows only that there is no such invoice.
import { call } from "../api";
import { DocumentLink } from "../document_link";
import { Totals } from "../totals";
import { Invoice } from "./portal_types";
import { useDocument } from "./loaders";
import { chipClass, label } from "./shared";

export function InvoicePage(props: { number: string }) {
  const back = (
    <p>
      <a href="#/invoices">← Invoices</a>
    </p>
  );
  const { doc: invoice, pending } = useDocument(
    props.number,
    () => call<Invoice>("GET", `/api/v1/invoices/${encodeURIComponent(props.number)}`),
    `There is no invoice ${props.number}.`,
    back,
  );
  if (!invoice) return pending;
  return (
    <section aria-labelledby="invoice-title">
      {back}
      <h1 id="invoice-title">
        Invoice {invoice.number} <span class={chipClass(invoice.status)}>{label(invoice.status)}</span>
      </h1>
      <div class="actions">
        <DocumentLink
          path={`/api/v1/invoices/${encodeURIComponent(invoice.number)}.pdf`}
          label="Invoice PDF"
          filename={`${invoice.number}.pdf`}
        />
      </div>
      <dl class="facts">
        <dt>Order</dt>
        <dd>
          <a href={`#/orders/${encodeURIComponent(invoice.order)}`}>{invoice.order}</a>
        </dd>
        <dt>Shipment</dt>
        <dd>{invoice.shipment ?? "—"}</dd>
        <dt>Invoice date</dt>
        <dd>{invoice.invoice_date}</dd>
        <dt>Terms</dt>
        <dd>{invoice.payment_terms}</dd>
        {invoice.discount_date && (
          <>
            <dt>Discount</dt>
            <dd>
              {invoice.discount_percent}% if paid by {invoice.discount_date}
            </dd>
          </>
        )}
        <dt>Due</dt>
        <dd>{invoice.due_date}</dd>
      </dl>
      <h2>Lines</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">SKU</th>
            <th scope="col" class="number">Quantity</th>
            <th scope="col" class="number">Unit price</th>
            <th scope="col" class="number">Amount</th>
            <th scope="col" class="number">Tax</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((l) => (
            <tr key={l.line_no}>
              <td>{l.line_no}</td>
              <td>{l.sku}</td>
              <td class="number">{l.quantity}</td>
              <td class="number">{l.unit_price}</td>
              <td class="number">{l.extended_amount}</td>
              <td class="number">{l.tax}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Totals subtotal={invoice.subtotal} tax={invoice.tax} freight={invoice.freight} total={invoice.total}>
        <dt>Paid</dt>
        <dd>{invoice.amount_paid}</dd>
        <dt>Discount taken</dt>
        <dd>{invoice.discount_taken}</dd>
        <dt>Credited</dt>
        <dd>{invoice.amount_credited}</dd>
        <dt>Balance</dt>
        <dd>
          <strong>
            {invoice.balance} {invoice.currency}
          </strong>
        </dd>
      </Totals>
    </section>
  );
}
