// A table of an order's shipments: status, carrier and tracking, when it shipped. The staff's
// view (the order page) adds the warehouse it ships from and its lines; the customer's (the
// portal's order page) the packing slip of a shipment that left.
import { DocumentLink } from "./document_link";
import { label } from "./orders";

export interface ShipmentRow {
  number: string;
  status: string;
  warehouse?: string;
  carrier: string | null;
  service: string | null;
  tracking_number: string | null;
  lines: { line_no: number; sku: string; quantity?: number; quantity_shipped: number }[];
  shipped_at: string | null;
}

export function ShipmentTable(props: { shipments: ShipmentRow[]; forCustomer?: boolean }) {
  const customer = props.forCustomer === true;
  const shipped = (at: string) => (customer ? new Date(at).toLocaleDateString() : new Date(at).toLocaleString());
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Shipment</th>
          <th scope="col">Status</th>
          {!customer && <th scope="col">From</th>}
          <th scope="col">Carrier</th>
          <th scope="col">Tracking</th>
          {!customer && <th scope="col">Lines</th>}
          <th scope="col">Shipped</th>
          {customer && <th scope="col">Packing slip</th>}
        </tr>
      </thead>
      <tbody>
        {props.shipments.map((s) => (
          <tr key={s.number} data-shipment={s.number}>
            <td>{s.number}</td>
            <td>
              <span class={`chip chip-${s.status}`}>{label(s.status)}</span>
            </td>
            {!customer && <td>{s.warehouse}</td>}
            <td>{[s.carrier, s.service].filter(Boolean).join(" ") || "—"}</td>
            <td>{s.tracking_number || "—"}</td>
            {!customer && (
              // A pick list not yet shipped lists what it picks; a shipment, what it shipped.
              <td>{s.lines.map((l) => `#${l.line_no} ${l.sku} × ${s.shipped_at ? l.quantity_shipped : l.quantity}`).join(", ")}</td>
            )}
            <td>{s.shipped_at ? shipped(s.shipped_at) : "—"}</td>
            {customer && (
              <td>
                {s.status === "shipped" ? (
                  <DocumentLink
                    path={`/api/v1/shipments/${encodeURIComponent(s.number)}/packing-slip.pdf`}
                    label={`Packing slip ${s.number}`}
                    filename={`${s.number}.pdf`}
                  />
                ) : (
                  "—"
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
