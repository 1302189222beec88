// An order's lines: what was ordered, and of it what is backordered, shipped, invoiced and
// returned, at what price. The staff's view (the order page) shows a line as entered (in its
// unit), where it is allocated and why it has its price (a manual price with its reason); the
// customer's (the portal's order page) the base quantity, with what was entered beside it where
// the unit differs. Both show the customer's part number a line was entered with and a
// configured line's answers.
import { LineNoted, LineNotes } from "./line_notes";

export interface OrderLineRow extends LineNoted {
  line_no: number;
  sku: string;
  quantity: number;
  entered_quantity: number;
  uom: string;
  quantity_backordered: number;
  quantity_shipped: number;
  quantity_invoiced: number;
  quantity_returned: number;
  unit_price: string;
  extended_amount: string;
  price_source?: string;
  price_explanation?: string;
  override_reason?: string; // a manual price's reason (staff only)
  allocations?: { warehouse: string; quantity: number }[];
}

export function OrderLinesTable(props: { lines: OrderLineRow[]; forCustomer?: boolean }) {
  const staff = props.forCustomer !== true;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">SKU</th>
          <th scope="col" class="number">Ordered</th>
          {staff && <th scope="col">Allocated</th>}
          <th scope="col" class="number">Backordered</th>
          <th scope="col" class="number">Shipped</th>
          <th scope="col" class="number">Invoiced</th>
          <th scope="col" class="number">Returned</th>
          <th scope="col" class="number">Unit price</th>
          {staff && <th scope="col">Price from</th>}
          <th scope="col" class="number">Amount</th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map((l) => (
          <tr key={l.line_no}>
            <td>{l.line_no}</td>
            <td>
              {l.sku}
              <LineNotes line={l} forCustomer={!staff} />
            </td>
            {staff ? (
              <td class="number">
                {l.entered_quantity} {l.uom}
              </td>
            ) : (
              <td class="number">
                {l.quantity}
                {l.quantity !== l.entered_quantity && <span class="entered"> ({l.entered_quantity} {l.uom})</span>}
              </td>
            )}
            {staff && <td>{(l.allocations ?? []).map((a) => `${a.quantity} in ${a.warehouse}`).join(", ") || "—"}</td>}
            <td class="number">{l.quantity_backordered}</td>
            <td class="number">{l.quantity_shipped}</td>
            <td class="number">{l.quantity_invoiced}</td>
            <td class="number">{l.quantity_returned}</td>
            <td class="number">{l.unit_price}</td>
            {staff && (
              <td title={l.price_source}>
                {l.price_explanation || l.price_source}
                {l.override_reason ? `: ${l.override_reason}` : ""}
              </td>
            )}
            <td class="number">{l.extended_amount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
