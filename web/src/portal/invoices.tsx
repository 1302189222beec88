// The customer's invoices (#/invoices for a portal user): the balance (balance.tsx) above the
// invoices, newest first, open ones or all, each with its PDF (GET /api/v1/invoices answers a
// portal user with its own customer's invoices only).
import { useState } from "preact/hooks";
import { InvoiceTable } from "../invoice_table";
import { ListFooter, ListProblem, usePagedList } from "../paged_list";
import { Balance } from "./balance";
import { InvoiceSummary } from "./portal_types";
import { valueOf } from "./shared";

export function Invoices() {
  const [status, setStatus] = useState("open");
  const list = usePagedList<InvoiceSummary>("/api/v1/invoices", { status });
  const invoices = list.items;

  return (
    <section aria-labelledby="invoices-title">
      <h1 id="invoices-title">Invoices</h1>
      <Balance />
      <h2>Your invoices</h2>
      <div class="filters">
        <label for="invoice-status-filter">Show</label>
        <select id="invoice-status-filter" value={status} onChange={(e) => setStatus(valueOf(e))}>
          <option value="open">Open</option>
          <option value="paid">Paid</option>
          <option value="">All</option>
        </select>
        <a href="#/statement">Statement of account</a>
      </div>
      <ListProblem list={list} />
      {invoices.length > 0 && <InvoiceTable invoices={invoices} forCustomer />}
      <ListFooter list={list} empty={`No ${status} invoices.`} more="Load more invoices" />
    </section>
  );
}
