// Approval rules (GET/POST /api/v1/approval-rules, PATCH /api/v1/approval-rules/{code} with
// If-Match), for the sales manager: what holds an order at entry for a decision in the
// approvals inbox. A rule's kind is fixed once created; its threshold (a percentage or an
// amount, for the kinds that have one), the hold it puts the order on and whether it is active
// may change, and apply to orders placed after.
import { CheckField, errorAt, FormButtons, Problem, TextField } from "./fields";
import { Page } from "./page";
import { useRecordForm } from "./record_form";

export interface ApprovalRule {
  code: string;
  name: string;
  kind: string;
  threshold: string | null;
  hold_kind: string;
  active: boolean;
  version: number;
}

interface Draft {
  code: string;
  name: string;
  kind: string;
  threshold: string;
  hold_kind: string;
  active: boolean;
}

// Each kind, what its threshold is, and the hold it puts an order on unless told otherwise.
const KINDS: { code: string; name: string; threshold: string | null; hold: string }[] = [
  { code: "discount_over", name: "Manual price below the rules' price by more than", threshold: "percent", hold: "approval" },
  { code: "margin_under", name: "Order margin under", threshold: "percent", hold: "approval" },
  { code: "order_total_over", name: "Order total over", threshold: "amount", hold: "approval" },
  { code: "first_order", name: "A customer's first order", threshold: null, hold: "approval" },
  { code: "below_floor", name: "A price below the item's floor", threshold: null, hold: "pricing" },
  { code: "credit_limit", name: "Customer on hold or over its credit limit", threshold: null, hold: "credit" },
];
const HOLDS = ["approval", "pricing", "credit"];

function kindOf(code: string) {
  return KINDS.find((k) => k.code === code);
}

function ruleText(r: ApprovalRule): string {
  const kind = kindOf(r.kind);
  if (!kind) return r.kind;
  if (r.threshold === null) return kind.name;
  return `${kind.name} ${r.threshold}${kind.threshold === "percent" ? "%" : ""}`;
}

function RuleForm(props: { rule: ApprovalRule | null; onSaved: (rule: ApprovalRule) => void; onCancel: () => void }) {
  const form = useRecordForm<ApprovalRule, Draft>({
    record: props.rule,
    draftOf: (r) =>
      r
        ? { code: r.code, name: r.name, kind: r.kind, threshold: r.threshold ?? "", hold_kind: r.hold_kind, active: r.active }
        : { code: "", name: "", kind: "discount_over", threshold: "", hold_kind: "approval", active: true },
    path: "/api/v1/approval-rules",
    keyOf: (r) => r.code,
    onSaved: props.onSaved,
  });
  const { draft, errors, record: rule } = form;
  const kind = kindOf(draft.kind);

  function save(event: Event) {
    event.preventDefault();
    const threshold = kind?.threshold ? { threshold: draft.threshold } : {};
    const body = { name: draft.name, hold_kind: draft.hold_kind, active: draft.active, ...threshold };
    void form.save(body, { ...body, code: draft.code, kind: draft.kind });
  }

  return (
    <form class="record-form" onSubmit={save} aria-labelledby="rule-form-title">
      <h2 id="rule-form-title">{rule ? `Edit approval rule ${rule.code}` : "New approval rule"}</h2>
      <div class="grid">
        <TextField id="rule-code" label="Code" value={draft.code} onInput={form.set("code")} readOnly={rule !== null} required error={errorAt(errors, "code")} />
        <TextField id="rule-name" label="Name" value={draft.name} onInput={form.set("name")} required error={errorAt(errors, "name")} />
        <div class="field">
          <label for="rule-kind">Holds an order when</label>
          <select
            id="rule-kind"
            value={draft.kind}
            disabled={rule !== null}
            onChange={(e) => {
              const next = (e.target as HTMLSelectElement).value;
              form.setDraft({ ...draft, kind: next, hold_kind: kindOf(next)?.hold ?? draft.hold_kind, threshold: "" });
            }}
          >
            {KINDS.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
                {k.threshold ? " …" : ""}
              </option>
            ))}
          </select>
        </div>
        {kind?.threshold && (
          <TextField
            id="rule-threshold"
            label={kind.threshold === "percent" ? "Threshold (percent)" : "Threshold (amount)"}
            hint={kind.threshold === "percent" ? "0 to 100, at most two decimals" : "An order total, e.g. 25000"}
            inputMode="decimal"
            value={draft.threshold}
            onInput={form.set("threshold")}
            required
            error={errorAt(errors, "threshold")}
          />
        )}
        <div class="field">
          <label for="rule-hold">Hold</label>
          <select id="rule-hold" value={draft.hold_kind} onChange={(e) => form.setDraft({ ...draft, hold_kind: (e.target as HTMLSelectElement).value })}>
            {HOLDS.map((h) => (
              <option key={h} value={h}>
                {h} (decided by {h === "credit" ? "accounts receivable" : "the sales manager"})
              </option>
            ))}
          </select>
        </div>
        <CheckField id="rule-active" label="Active" checked={draft.active} onChange={(active) => form.setDraft({ ...draft, active })} />
      </div>
      <Problem error={form.error} shown={["code", "name", "kind", "threshold", "hold_kind"]} onReload={form.onReload} />
      <FormButtons busy={form.busy} saveLabel={rule ? "Save rule" : "Create rule"} onCancel={props.onCancel} />
    </form>
  );
}

export function ApprovalRules() {
  return (
    <Page<ApprovalRule>
      title="Approval rules"
      noun="approval rule"
      searchLabel="Search code or name"
      listPath={() => "/api/v1/approval-rules?limit=200"}
      matches={(r, q) => r.code.toLowerCase().includes(q) || r.name.toLowerCase().includes(q)}
      keyOf={(r) => r.code}
      columns={[
        { title: "Code", cell: (r) => r.code },
        { title: "Name", cell: (r) => r.name },
        { title: "Holds an order when", cell: (r) => ruleText(r) },
        { title: "Hold", cell: (r) => r.hold_kind },
        { title: "Active", cell: (r) => (r.active ? "yes" : "no") },
      ]}
      form={(r, done, cancel) => <RuleForm rule={r} onSaved={done} onCancel={cancel} />}
    />
  );
}
