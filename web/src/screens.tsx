// Every screen of the application, in menu order: where it lives (the location's hash), its
// title, the action (auth/permissions.h) a user needs to see it in the menu, and who it is for
// (staff, or a customer's portal users). A screen renders from the rest of the hash after its
// path ("#/orders/SO-000042" gives the orders screen "/SO-000042"). The server refuses whatever
// a role may not do; the menu only leaves it out.
import { JSX } from "preact";
import { Approvals } from "./approvals/approvals";
import { Dashboard } from "./dashboard/dashboard";
import { Customers } from "./admin/customers";
import { Import } from "./admin/import";
import { Items } from "./admin/items";
import { PriceTiers } from "./admin/price_tiers";
import { ApprovalRules } from "./admin/approval_rules";
import { PriceLists } from "./admin/price_lists";
import { Contracts } from "./admin/contracts";
import { Promotions } from "./admin/promotions";
import { ProductLines } from "./admin/product_lines";
import { TaxRates } from "./admin/tax_rates";
import { Warehouses } from "./admin/warehouses";
import { OrderDesk } from "./desk/desk";
import { ReviseQuote } from "./desk/revise_quote";
import { OrderPage } from "./order_page";
import { Orders } from "./orders";
import { QuotePage, Quotes } from "./quotes/quotes";
import { UsersScreen } from "./admin/users";
import { portalInvoices, portalOrders, portalReturns } from "./portal/routes";
import { StatementScreen } from "./portal/statement";
import { PickList } from "./warehouse/pick_list";
import { PickQueue } from "./warehouse/pick_queue";
import { Receipts } from "./warehouse/receipts";
import { ReturnReceipt, ReturnsWaiting } from "./warehouse/return_receipts";
import { Aging } from "./receivables/aging";
import { CashReceipt } from "./receivables/cash_receipt";
import { CreditHolds } from "./receivables/credit_holds";
import { CreditMemos } from "./receivables/credit_memos";
import { OpenInvoices } from "./receivables/open_invoices";
import { Statement } from "./receivables/statement";

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
    audience: "staff",
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
    // "?quote=Q-000012": the desk revising that quote (desk/revise_quote.tsx).
    render: (rest) => {
      const quote = new URLSearchParams(rest.split("?")[1] ?? "").get("quote");
      return quote ? <ReviseQuote key={quote} number={quote} /> : <OrderDesk />;
    },
  },
  // Quotes (web/src/quotes/): sales' offers, revised in versions and accepted into orders.
  {
    path: "#/quotes",
    title: "Quotes",
    permission: "quotes.write",
    audience: "staff",
    render: (rest) => {
      const number = pathPart(rest);
      const v = Number(new URLSearchParams(rest.split("?")[1] ?? "").get("v"));
      return number ? <QuotePage number={number} version={v > 0 ? v : null} /> : <Quotes />;
    },
  },
  // The customer portal (web/src/portal/): its own view of the customer's orders at the same
  // address, so that "#/orders/SO-…" opens an order for staff and customers alike.
  { path: "#/orders", title: "Orders", permission: "orders.read", audience: "customer", render: portalOrders },
  { path: "#/invoices", title: "Invoices", permission: "invoices.read", audience: "customer", render: portalInvoices },
  {
    path: "#/quotes",
    title: "Quotes",
    permission: "quotes.read",
    audience: "customer",
    render: (rest) => {
      const number = pathPart(rest);
      const v = Number(new URLSearchParams(rest.split("?")[1] ?? "").get("v"));
      return number ? <QuotePage number={number} version={v > 0 ? v : null} portal /> : <Quotes portal />;
    },
  },
  { path: "#/statement", title: "Statement", permission: "statements.read", audience: "customer", render: () => <StatementScreen /> },
  { path: "#/returns", title: "Returns", permission: "returns.read", audience: "customer", render: portalReturns },
  {
    path: "#/picking",
    title: "Picking",
    permission: "shipments.write",
    audience: "staff",
    render: (rest) => {
      const number = pathPart(rest);
      return number ? <PickList number={number} /> : <PickQueue />;
    },
  },
  {
    path: "#/receipts",
    title: "Receipts",
    permission: "inventory.write",
    audience: "staff",
    render: () => <Receipts />,
  },
  {
    path: "#/return-receipts",
    title: "Return receipts",
    permission: "returns.receive",
    audience: "staff",
    render: (rest) => {
      const number = pathPart(rest);
      return number ? <ReturnReceipt number={number} /> : <ReturnsWaiting />;
    },
  },
  // Receivables (the AR clerk's day): open invoices, cash receipts, aging, statements, credit
  // holds, credit memos (web/src/receivables/).
  {
    path: "#/receivables",
    title: "Receivables",
    permission: "receivables.read",
    audience: "staff",
    render: (rest) => <OpenInvoices code={pathPart(rest)} />,
  },
  {
    path: "#/cash-receipts",
    title: "Cash receipts",
    permission: "payments.write",
    audience: "staff",
    render: (rest) => (
      <CashReceipt code={pathPart(rest)} payment={new URLSearchParams(rest.split("?")[1] ?? "").get("payment")} />
    ),
  },
  {
    path: "#/aging",
    title: "Aging",
    permission: "receivables.read",
    audience: "staff",
    render: (rest) => <Aging rest={rest} />,
  },
  {
    path: "#/statements",
    title: "Statements",
    permission: "statements.read",
    audience: "staff",
    render: (rest) => <Statement code={pathPart(rest)} />,
  },
  {
    path: "#/credit-holds",
    title: "Credit holds",
    permission: "orders.release_hold",
    audience: "staff",
    render: () => <CreditHolds />,
  },
  // Approvals (web/src/approvals/): what approval rules held at entry, for the role that decides
  // each kind (sales manager: approval and pricing; AR clerk: credit).
  {
    path: "#/approvals",
    title: "Approvals",
    permission: "approvals.read",
    audience: "staff",
    render: () => <Approvals />,
  },
  {
    path: "#/credit-memos",
    title: "Credit memos",
    permission: "credit_memos.read",
    audience: "staff",
    render: (rest) => <CreditMemos number={pathPart(rest)} />,
  },
  {
    path: "#/dashboard",
    title: "Dashboard",
    permission: "reports.read",
    audience: "staff",
    render: () => <Dashboard />,
  },
  {
    path: "#/users",
    title: "Users",
    permission: "users.write",
    audience: "staff",
    render: (rest) => <UsersScreen rest={rest} />,
  },
  // Admin: master data and CSV import, for those who may change them.
  { path: "#/admin/items", title: "Items", permission: "items.write", audience: "staff", render: () => <Items /> },
  { path: "#/admin/customers", title: "Customers", permission: "customers.write", audience: "staff", render: () => <Customers /> },
  { path: "#/admin/warehouses", title: "Warehouses", permission: "warehouses.write", audience: "staff", render: () => <Warehouses /> },
  { path: "#/admin/tax-rates", title: "Tax rates", permission: "tax_rates.write", audience: "staff", render: () => <TaxRates /> },
  { path: "#/admin/price-tiers", title: "Price tiers", permission: "price_tiers.write", audience: "staff", render: () => <PriceTiers /> },
  { path: "#/approval-rules", title: "Approval rules", permission: "approval_rules.write", audience: "staff", render: () => <ApprovalRules /> },
  { path: "#/pricing/price-lists", title: "Price lists", permission: "pricing.write", audience: "staff", render: () => <PriceLists /> },
  { path: "#/pricing/contracts", title: "Contracts", permission: "pricing.write", audience: "staff", render: () => <Contracts /> },
  { path: "#/pricing/promotions", title: "Promotions", permission: "pricing.write", audience: "staff", render: () => <Promotions /> },
  { path: "#/admin/product-lines", title: "Product lines", permission: "product_lines.write", audience: "staff", render: () => <ProductLines /> },
  { path: "#/import", title: "Import", permission: "items.write", audience: "staff", render: () => <Import /> },
];
