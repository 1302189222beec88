// Approvals waiting (#/approvals): the orders that approval rules held at entry, oldest first,
// each with its reason and the figures of every rule it matched; approve or reject with a note.
// The list shows what waits for the user's role by default (approval and pricing holds for a
// sales manager, credit for an AR clerk: the server chooses), or one kind, or what was decided.
// Approving releases the hold (the order is allocated when no other hold is left); rejecting
// cancels the order with the note. Nobody decides on an order they entered: the server answers
// 403 with the error own_order at `order`, said here at the approval.
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, call, newIdempotencyKey } from "../api";
import { debounce, useLiveEvents } from "../live";
import { DecisionForm } from "../decision_form";
import { asApiError, loadAll, Problem } from "../receivables/common";

interface RuleMatch {
  rule: string;
  kind: string;
  hold_kind: string;
  threshold: string | null;
  figure: string;
  reason: string;
}

interface Approval {
  id: number;
  order: string;
  customer: string;
  kind: string;
  status: string;
  reason: string;
  rules: RuleMatch[];
  order_total: string;
  entered_by: string;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
}

const KINDS = ["approval", "pricing", "credit"];
const STATUSES = ["pending", "approved", "rejected", "withdrawn"];
const RULE_KINDS: Record<string, string> = {
  discount_over: "Discount",
  margin_under: "Margin",
  order_total_over: "Order total",
  first_order: "First order",
  below_floor: "Below floor",
  credit_limit: "Credit",
};

function who(actor: string | null): string {
  return actor?.replace(/^user:/, "") ?? "";
}

export function Approvals() {
  const [kind, setKind] = useState("");
  const [status, setStatus] = useState("pending");
  const [rows, setRows] = useState<Approval[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [chosen, setChosen] = useState<{ id: number; approve: boolean } | null>(null);
  // What was decided here, by approval id: it stays in place, marked, until the filters change
  // (a live refresh keeps it, though it no longer matches them, so the outcome does not vanish
  // as the decision's own events arrive).
  const [decided, setDecided] = useState<Record<number, string>>({});
  const decidedRef = useRef(decided);
  decidedRef.current = decided;
  const filters = useRef({ kind, status });
  filters.current = { kind, status };

  // Answers may come back in any order: only the last read's is shown, so a refresh asked
  // before the filters changed never shows the old filters' rows.
  const asked = useRef(0);

  async function load() {
    const mine = ++asked.current;
    setError(null);
    try {
      const query = new URLSearchParams();
      if (filters.current.kind) query.set("kind", filters.current.kind);
      if (filters.current.status) query.set("status", filters.current.status);
      const all = await loadAll<Approval>(`/api/v1/approvals?${query}`);
      if (mine !== asked.current) return;
      setRows((shown) => {
        const kept = (shown ?? []).filter((r) => decidedRef.current[r.id] && !all.some((a) => a.id === r.id));
        // Oldest first, as the API lists them (by id).
        return [...all, ...kept].sort((a, b) => a.id - b.id);
      });
    } catch (e) {
      if (mine === asked.current) setError(asApiError(e));
    }
  }

  useEffect(() => {
    setRows(null);
    setDecided({});
    void load();
  }, [kind, status]);

  // Another desk places, releases or cancels orders meanwhile: read again (not while a form is
  // open, which would lose what is typed).
  const refresh = useRef(debounce(() => void load())).current;
  useEffect(() => () => refresh.cancel(), [refresh]);
  useLiveEvents((m) => {
    if (chosen) return;
    if (m.kind === "ready" || m.event.entity === "approval" || m.event.type.startsWith("order.")) refresh();
  });

  return (
    <section aria-labelledby="approvals-title" class="receivables approvals">
      <h1 id="approvals-title">Approvals</h1>
      <div class="filters">
        <label for="approvals-kind">Kind</label>
        <select id="approvals-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
          <option value="">What waits for me</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k} holds
            </option>
          ))}
        </select>
        <label for="approvals-status">Status</label>
        <select id="approvals-status" value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
          <option value="">any</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <Problem error={error} onReload={() => void load()} />
      {rows === null && !error && <p aria-live="polite">Loading…</p>}
      {rows && rows.length === 0 && <p>Nothing {status === "pending" ? "waits for a decision" : `is ${status || "here"}`}.</p>}
      {rows && rows.length > 0 && (
        <div class="table-scroll">
          <table class="approvals-table">
            <caption>
              {rows.length} approval{rows.length === 1 ? "" : "s"}, oldest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Customer</th>
                <th scope="col">Hold</th>
                <th scope="col">Why</th>
                <th scope="col" class="number">Order total</th>
                <th scope="col">Entered by</th>
                <th scope="col">{status === "pending" ? "Decision" : "Decided"}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => [
                <tr key={a.id} class={chosen?.id === a.id ? "chosen" : undefined}>
                  <td class="nowrap">
                    <a href={`#/orders/${encodeURIComponent(a.order)}`}>{a.order}</a>
                    <div class="muted">{new Date(a.created_at).toLocaleString()}</div>
                  </td>
                  <td>{a.customer}</td>
                  <td>
                    <span class={`chip chip-${a.status === "pending" ? "on_hold" : a.status}`}>{a.kind}</span>
                  </td>
                  <td class="reason">
                    <ul class="rule-matches">
                      {a.rules.map((r) => (
                        <li key={r.rule}>
                          <strong>
                            {RULE_KINDS[r.kind] ?? r.kind} {r.figure}
                          </strong>
                          {r.threshold !== null && <> (threshold {r.threshold})</>} · rule {r.rule}
                          <div class="muted">{r.reason}</div>
                        </li>
                      ))}
                      {a.rules.length === 0 && <li>{a.reason}</li>}
                    </ul>
                  </td>
                  <td class="number">{a.order_total}</td>
                  <td>{who(a.entered_by)}</td>
                  <td>
                    {decided[a.id] ? (
                      <span class="success" role="status">
                        {decided[a.id]}
                      </span>
                    ) : a.status === "pending" ? (
                      <span class="actions">
                        <button type="button" class="nowrap" onClick={() => setChosen({ id: a.id, approve: true })}>
                          Approve {a.order}…
                        </button>
                        <button type="button" class="secondary nowrap" onClick={() => setChosen({ id: a.id, approve: false })}>
                          Reject {a.order}…
                        </button>
                      </span>
                    ) : (
                      <span>
                        {a.status} by {who(a.decided_by)}
                        {a.note && <div class="muted">{a.note}</div>}
                      </span>
                    )}
                  </td>
                </tr>,
                chosen?.id === a.id && (
                  <tr key={`${a.id}-decide`} class="chosen">
                    <td colSpan={7}>
                      <Decision
                        approval={a}
                        approve={chosen.approve}
                        onClose={() => setChosen(null)}
                        onDecided={(message) => {
                          setChosen(null);
                          setDecided((all) => ({ ...all, [a.id]: message }));
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
          </table>
        </div>
      )}
    </section>
  );
}

function Decision({
  approval,
  approve,
  onClose,
  onDecided,
  onReload,
}: {
  approval: Approval;
  approve: boolean;
  onClose: () => void;
  onDecided: (message: string) => void;
  onReload: () => void;
}) {
  // One key per form: a retry after a lost answer decides once.
  const key = useRef(newIdempotencyKey()).current;
  const verb = approve ? "approve" : "reject";
  return (
    <DecisionForm
      id={`decision-${approval.id}`}
      noteId={`decision-note-${approval.id}`}
      title={`${approve ? "Approve" : "Reject"} ${approval.order}`}
      noteLabel={approve ? "Note (optional)" : "Note (why it is rejected)"}
      submitLabel={approve ? "Approve" : "Reject and cancel the order"}
      danger={!approve}
      ownOrder={`You entered ${approval.order} yourself, and nobody may decide on an order they entered: another manager must.`}
      decide={async (note) => {
        await call<Approval>("POST", `/api/v1/approvals/${approval.id}/${verb}`, { note }, { headers: { "Idempotency-Key": key } });
        const order = await call<{ status: string }>("GET", `/api/v1/orders/${encodeURIComponent(approval.order)}`);
        return `${approval.order} ${approve ? "approved" : "rejected"}; the order is now ${order.status.replace(/_/g, " ")}.`;
      }}
      onClose={onClose}
      onDecided={onDecided}
      onReload={onReload}
    >
      {approval.customer}, order total {approval.order_total}, entered by {who(approval.entered_by)}.{" "}
      {approve
        ? "Approving releases its " + approval.kind + " hold; the order is allocated when no other hold is left."
        : "Rejecting cancels the order, with your note as the reason."}
    </DecisionForm>
  );
}
