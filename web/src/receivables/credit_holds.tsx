// Credit holds waiting (#/credit-holds): the orders on credit hold, oldest first, each with its
// customer's credit position (limit, exposure, what is available), and a release with a note.
// The server refuses the release of a hold on an order the user entered (403, error own_order
// at `order`): the screen says so at the order, as it does any other refusal.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call } from "../api";
import { DecisionForm } from "../decision_form";
import { asApiError, loadAll, Problem } from "./common";
import { CreditPosition } from "./types";

interface HeldSummary {
  id: number;
  number: string;
  customer: string;
  total: string;
  created_at: string;
}

interface HeldOrder extends HeldSummary {
  po_number: string;
  channel: string;
  status: string;
  holds: { kind: string; reason: string }[];
  created_by?: string;
  version: number;
}

// Runs `work` over the items, a few at a time (the browser keeps six connections a host).
async function eachLimited<T, R>(items: T[], work: (item: T) => Promise<R>, width = 6): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

// The held orders grouped by customer, the customers in the order of their oldest held order.
function byCustomer(orders: HeldOrder[]): [string, HeldOrder[]][] {
  const groups = new Map<string, HeldOrder[]>();
  for (const o of orders) groups.set(o.customer, [...(groups.get(o.customer) ?? []), o]);
  return [...groups.entries()];
}

export function CreditHolds() {
  const [orders, setOrders] = useState<HeldOrder[] | null>(null);
  const [credit, setCredit] = useState<Record<string, CreditPosition>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [chosen, setChosen] = useState<HeldOrder | null>(null);
  // Orders released here, with what became of them: they stay in place, marked, until a reload.
  const [released, setReleased] = useState<Record<string, string>>({});

  async function load() {
    setError(null);
    setOrders(null);
    setReleased({});
    try {
      const held = await loadAll<HeldSummary>("/api/v1/orders?status=on_hold");
      const full = await eachLimited(held, (o) => call<HeldOrder>("GET", `/api/v1/orders/${encodeURIComponent(o.number)}`));
      const waiting = full.filter((o) => o.holds.some((h) => h.kind === "credit")).sort((a, b) => a.id - b.id);
      const customers = [...new Set(waiting.map((o) => o.customer))];
      const positions = await eachLimited(customers, (c) =>
        call<CreditPosition>("GET", `/api/v1/customers/${encodeURIComponent(c)}/credit`),
      );
      setCredit(Object.fromEntries(positions.map((p) => [p.customer, p])));
      setOrders(waiting);
    } catch (e) {
      setError(asApiError(e));
    }
  }

  useEffect(() => {
    void load();
  }, []);

  return (
    <section aria-labelledby="holds-title" class="receivables">
      <h1 id="holds-title">Credit holds waiting</h1>
      <Problem error={error} />
      {orders === null && !error && <p aria-live="polite">Loading…</p>}
      {orders && orders.length === 0 && <p>No order waits on a credit hold.</p>}
      {orders && orders.length > 0 && (
        <div class="table-scroll">
          <table class="holds-table">
            <caption>
              {orders.length} order{orders.length === 1 ? "" : "s"} on credit hold, by customer, oldest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Entered</th>
                <th scope="col">By</th>
                <th scope="col">Reason</th>
                <th scope="col" class="number">Order total</th>
                <th scope="col">
                  <span class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            {byCustomer(orders).map(([customer, held]) => {
              const c = credit[customer];
              const over = c && c.available_credit.startsWith("-");
              return (
                <tbody key={customer}>
                  <tr class="group">
                    <th scope="colgroup" colSpan={6}>
                      <a href={`#/receivables/${encodeURIComponent(customer)}`}>{customer}</a>
                      {c && (
                        <span class="credit">
                          limit {c.credit_limit} · open orders {c.open_orders} · open receivables {c.open_receivables} ·
                          exposure <strong>{c.exposure}</strong> · available{" "}
                          <strong class={over ? "error" : undefined}>{c.available_credit}</strong>
                        </span>
                      )}
                      {c?.on_hold && <span class="chip chip-on_hold">account on hold</span>}
                    </th>
                  </tr>
                  {held.map((o) => [
                    <tr key={o.id} class={chosen?.number === o.number ? "chosen" : undefined}>
                      <td class="nowrap">
                        <a href={`#/orders/${encodeURIComponent(o.number)}`}>{o.number}</a>
                      </td>
                      <td class="nowrap">{new Date(o.created_at).toLocaleString()}</td>
                      <td>{o.created_by?.replace(/^user:/, "") ?? ""}</td>
                      <td class="reason">{o.holds.find((h) => h.kind === "credit")?.reason}</td>
                      <td class="number">{o.total}</td>
                      <td>
                        {released[o.number] ? (
                          <span class="success" role="status">
                            {released[o.number]}
                          </span>
                        ) : (
                          <button type="button" class="secondary nowrap" onClick={() => setChosen(o)}>
                            Release {o.number}…
                          </button>
                        )}
                      </td>
                    </tr>,
                    chosen?.number === o.number && (
                      <tr key={`${o.id}-release`} class="chosen">
                        <td colSpan={6}>
                          <ReleaseForm
                            order={o}
                            credit={c}
                            onClose={() => setChosen(null)}
                            onReleased={(message) => {
                              setChosen(null);
                              setReleased((all) => ({ ...all, [o.number]: message }));
                            }}
                            onReload={() => {
                              setChosen(null);
                              void load();
                            }}
                          />
                        </td>
                      </tr>
                    ),
                  ])}
                </tbody>
              );
            })}
          </table>
        </div>
      )}
    </section>
  );
}

function ReleaseForm({
  order,
  credit,
  onClose,
  onReleased,
  onReload,
}: {
  order: HeldOrder;
  credit?: CreditPosition;
  onClose: () => void;
  onReleased: (message: string) => void;
  onReload: () => void;
}) {
  return (
    <DecisionForm
      id="release"
      noteId="release-note"
      title={`Release the credit hold on ${order.number}`}
      noteLabel="Note (why it may go ahead)"
      submitLabel="Release hold"
      ownOrder={`You entered ${order.number} yourself, and nobody may release a hold on an order they entered: another clerk or a sales manager must release it.`}
      decide={async (note) => {
        const after = await call<HeldOrder>("POST", `/api/v1/orders/${encodeURIComponent(order.number)}/holds/credit/release`, { note });
        return `${order.number}: credit hold released; the order is now ${after.status.replace(/_/g, " ")}.`;
      }}
      onClose={onClose}
      onDecided={onReleased}
      onReload={onReload}
    >
      {order.customer}, order total {order.total}
      {credit && (
        <>
          ; exposure {credit.exposure} against a limit of {credit.credit_limit} (available {credit.available_credit})
        </>
      )}
      .
    </DecisionForm>
  );
}
