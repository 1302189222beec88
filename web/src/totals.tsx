// A document's totals, right-aligned under its lines: subtotal, tax, freight and total (with
// the currency where given), then any rows the document adds (an invoice's payments and balance).
import { ComponentChildren } from "preact";

export function Totals(props: {
  subtotal: string;
  tax: string;
  freight: string;
  total: string;
  currency?: string;
  children?: ComponentChildren;
}) {
  return (
    <dl class="totals">
      <dt>Subtotal</dt>
      <dd>{props.subtotal}</dd>
      <dt>Tax</dt>
      <dd>{props.tax}</dd>
      <dt>Freight</dt>
      <dd>{props.freight}</dd>
      <dt>Total</dt>
      <dd>{props.currency ? `${props.total} ${props.currency}` : props.total}</dd>
      {props.children}
    </dl>
  );
}
