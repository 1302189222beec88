// A refused draft's problems, each where the desk shows it: "lines/<i>/<field>" at the i-th
// line sent (its SKU, quantity or unit, else the line as a whole), a header field at that
// field, anything else in the alert with a summary in words the user acts on.
import { ApiError } from "../api";
import { LineProblems } from "./line_row";

export const HEADER_FIELDS = ["customer", "ship_to", "po_number", "channel", "expires_on", "notes"] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

export interface Refusal {
  lines: Map<number, LineProblems>; // by the draft line's key
  header: Partial<Record<HeaderField, string>>;
  alert: string[];
}

// What the draft was to become, in words: { what: "order", done: "placed", again: "place" }.
export interface Sent {
  what: string;
  done: string;
  again: string;
}

// `keys` are the draft lines' keys in the order they were sent.
export function refusalOf(e: ApiError, keys: number[], { what, done, again }: Sent): Refusal {
  const lines = new Map<number, LineProblems>();
  const header: Partial<Record<HeaderField, string>> = {};
  const rest: string[] = [];
  for (const fe of e.errors) {
    const m = /^lines\/(\d+)(?:\/(\w+))?/.exec(fe.field);
    if (m && keys[Number(m[1])] !== undefined) {
      const key = keys[Number(m[1])];
      const name = (["sku", "quantity", "uom"].includes(m[2] ?? "") ? m[2] : "line") as keyof LineProblems;
      lines.set(key, { ...(lines.get(key) ?? {}), [name]: fe.message });
    } else if ((HEADER_FIELDS as readonly string[]).includes(fe.field)) {
      header[fe.field as HeaderField] = fe.message;
    } else {
      rest.push(fe.field ? `${fe.field}: ${fe.message}` : fe.message);
    }
  }
  let summary = e.message;
  if (e.status === 0) {
    summary += ` The ${what} may or may not have been ${done}: ${again} it again; this draft is sent with the same key, so it is ${done} only once.`;
  } else if (e.code === "idempotency_key_reused") {
    summary = `This draft was sent before with other lines, and that ${what} may have been ${done}: check the customer's ${what}s; Clear starts a new draft.`;
  } else if (e.errors.length > 0) {
    const n = e.errors.length;
    summary = `The ${what} was not ${done}: ${n} problem${n > 1 ? "s" : ""} to fix (shown at ${n > 1 ? "their fields" : "its field"}).`;
  }
  return { lines, header, alert: [summary, ...rest] };
}
