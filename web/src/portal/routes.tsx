// The portal screens' own addresses below their paths in screens.tsx (the rest of the hash
// after the screen's path):
//   #/orders                 the customer's orders       #/orders/SO-1           one order
//   #/orders/SO-1?placed     one order, just placed      #/orders/SO-1/reorder   order it again
//   #/invoices               balance and invoices        #/invoices/IN-1         one invoice
//   #/returns                return requests             #/returns/RA-1          one return
//   #/returns/new            a new return request        #/returns/new/SO-1      … of that order
import { InvoicePage } from "./invoice_page";
import { Invoices } from "./invoices";
import { PortalOrder } from "./portal_order";
import { PortalOrders } from "./portal_orders";
import { Reorder } from "./reorder";
import { ReturnPage } from "./return_page";
import { ReturnRequest } from "./return_request";
import { Returns } from "./returns";

// "/SO-1/reorder?x" → { parts: ["SO-1", "reorder"], flags: "x" }.
function parse(rest: string): { parts: string[]; flags: string } {
  const [path, flags = ""] = rest.split("?", 2);
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), flags };
}

export function portalOrders(rest: string) {
  const { parts, flags } = parse(rest);
  if (parts.length === 0) return <PortalOrders />;
  if (parts[1] === "reorder") return <Reorder number={parts[0]} />;
  return <PortalOrder number={parts[0]} placed={flags === "placed"} />;
}

export function portalInvoices(rest: string) {
  const { parts } = parse(rest);
  return parts.length === 0 ? <Invoices /> : <InvoicePage number={parts[0]} />;
}

export function portalReturns(rest: string) {
  const { parts, flags } = parse(rest);
  if (parts.length === 0) return <Returns />;
  if (parts[0] === "new") return <ReturnRequest order={parts[1] ?? null} />;
  return <ReturnPage number={parts[0]} requested={flags === "requested"} />;
}
