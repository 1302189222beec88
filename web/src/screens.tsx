// Every screen of the application, in menu order: where it lives (the location's hash), its
// title, the action (auth/permissions.h) a user needs to see it in the menu, and who it is for
// (staff, or a customer's portal users). A screen renders from the rest of the hash after its
// path ("#/orders/SO-000042" gives the orders screen "/SO-000042"). The server refuses whatever
// a role may not do; the menu only leaves it out.
import { JSX } from "preact";
import { OrderDesk } from "./desk/desk";
import { OrderPage } from "./order_page";
import { Orders } from "./orders";

export interface Screen {
  path: string;
  title: string;
  permission: string;
  audience: "staff" | "customer" | "both";
  render: (rest: string) => JSX.Element;
}

// "/SO-000042" → "SO-000042"; "" → null.
export function pathPart(rest: string): string | null {
  const m = rest.match(/^\/([^/?]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export const SCREENS: Screen[] = [
  {
    path: "#/orders",
    title: "Orders",
    permission: "orders.read",
    audience: "both",
    render: (rest) => {
      const number = pathPart(rest);
      return number ? <OrderPage number={number} /> : <Orders />;
    },
  },
  {
    path: "#/desk",
    title: "Order desk",
    permission: "orders.place",
    audience: "staff",
    render: () => <OrderDesk />,
  },
];
