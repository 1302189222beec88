// One of the customer's return requests (#/returns/RA-000001 for a portal user): its status,
// order and invoice, per line what was authorized, why, and what arrived so far, and what
// arrived with the credit memo (PDF) that credited it. Another
// customer's return answers 404 and the page shows only that there is no such return.
import { call } from "../api";
import { DocumentLink } from "../document_link";
import { reasonLabel, Return } from "./portal_types";
import { useDocument } from "./loaders";
import { chipClass, label } from "./shared";

export function ReturnPage(props: { number: string; requested?: boolean }) {
  const back = (
    <p>
      <a href="#/returns">← Returns</a>
    </p>
  );
  const { doc: rma, pending } = useDocument(
    props.number,
    () => call<Return>("GET", `/api/v1/returns/${encodeURIComponent(props.number)}`),
    `There is no return ${props.number}.`,
    back,
  );
  if (!rma) return pending;
  return (
    <section aria-labelledby="return-title">
      {back}
      <h1 id="return-title">
        Return {rma.number} <span class={chipClass(rma.status)}>{label(rma.status)}</span>
      </h1>
      {props.requested && (
        <p class="notice" role="status">
          Return {rma.number} is authorized. Send the goods with the return number on the package; they are credited
          once received.
        </p>
      )}
      <dl class="facts">
        <dt>Order</dt>
        <dd>
          <a href={`#/orders/${encodeURIComponent(rma.order)}`}>{rma.order}</a>
        </dd>
        <dt>Invoice</dt>
        <dd>{rma.invoice ? <a href={`#/invoices/${encodeURIComponent(rma.invoice)}`}>{rma.invoice}</a> : "—"}</dd>
        <dt>Requested</dt>
        <dd>{new Date(rma.created_at).toLocaleString()}</dd>
      </dl>
      <h2>Lines</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Order line</th>
            <th scope="col">SKU</th>
            <th scope="col" class="number">Authorized</th>
            <th scope="col" class="number">Received</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rma.lines.map((l) => (
            <tr key={l.line_no}>
              <td>{l.line_no}</td>
              <td>{l.sku}</td>
              <td class="number">{l.quantity}</td>
              <td class="number">{l.quantity_received}</td>
              <td>{reasonLabel(l.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Receipts rma={rma} />
    </section>
  );
}

function Receipts({ rma }: { rma: Return }) {
  const receipts = rma.receipts ?? [];
  if (receipts.length === 0) return <p>Nothing has arrived yet.</p>;
  const sku = (lineNo: number) => rma.lines.find((l) => l.line_no === lineNo)?.sku ?? "";
  const memos = [...new Set(receipts.map((r) => r.credit_memo))];
  return (
    <>
      <h2>Received and credited</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">SKU</th>
            <th scope="col" class="number">Quantity</th>
            <th scope="col">Credit memo</th>
          </tr>
        </thead>
        <tbody>
          {receipts.map((r) => (
            <tr>
              <td>{new Date(r.received_at).toLocaleDateString()}</td>
              <td>{sku(r.line_no)}</td>
              <td class="number">{r.quantity}</td>
              <td>{r.credit_memo}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        {memos.map((m) => (
          <DocumentLink
            path={`/api/v1/credit-memos/${encodeURIComponent(m)}.pdf`}
            label={`Credit memo PDF ${m}`}
            filename={`${m}.pdf`}
          />
        ))}
      </div>
    </>
  );
}
