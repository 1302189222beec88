// The customer's return requests (#/returns for a portal user): newest first with their status
// (authorized: goods awaited; received: everything arrived and was credited), and the way to a
// new request (GET /api/v1/returns answers a portal user with its own customer's RMAs only).
import { ListFooter, ListProblem, usePagedList } from "../paged_list";
import { Return } from "./portal_types";
import { chipClass, label } from "./shared";

export function Returns() {
  const list = usePagedList<Return>("/api/v1/returns");
  const returns = list.items;

  return (
    <section aria-labelledby="returns-title">
      <h1 id="returns-title">Returns</h1>
      <p class="lead">
        An authorized return awaits the goods: send them with the return number on the package. It is received once
        everything arrived, and credited to your account.
      </p>
      <div class="actions">
        <a class="button" href="#/returns/new">
          Request a return
        </a>
      </div>
      <ListProblem list={list} />
      {returns.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Return</th>
              <th scope="col">Order</th>
              <th scope="col">Requested</th>
              <th scope="col">Lines</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {returns.map((r) => (
              <tr key={r.number}>
                <td>
                  <a href={`#/returns/${encodeURIComponent(r.number)}`}>{r.number}</a>
                </td>
                <td>
                  <a href={`#/orders/${encodeURIComponent(r.order)}`}>{r.order}</a>
                </td>
                <td>{new Date(r.created_at).toLocaleDateString()}</td>
                <td>{r.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ")}</td>
                <td>
                  <span class={chipClass(r.status)}>{label(r.status)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListFooter list={list} empty="No returns requested yet." more="Load more returns" />
    </section>
  );
}
