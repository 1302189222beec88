// What the customer portal's screens share: the signed-in user's customer, cursor pages, status
// labels, field errors of a list's lines, money in integer minor units, and POSTs that carry an
// Idempotency-Key. Every read goes through the API, which answers a portal user with its own
// customer's documents only (404 for anyone else's): the screens never filter by customer.
import { ApiError, call, FieldError, Me, storedToken } from "../api";

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

// The customer the signed-in portal user acts for (its code, from GET /api/v1/me), asked once
// per token: a different user signing in on the same page asks again.
let known: { token: string | null; customer: Promise<string> } | null = null;
export function customerCode(): Promise<string> {
  const token = storedToken();
  if (known === null || known.token !== token) {
    const customer = call<Me>("GET", "/api/v1/me").then((me) => {
      if (me.customer === null) throw new ApiError(403, "forbidden", "These screens are for a customer's users.");
      return me.customer;
    });
    customer.catch(() => (known = null));
    known = { token, customer };
  }
  return known.customer;
}

// "partially_shipped" → "partially shipped".
export function label(status: string): string {
  return status.replace(/_/g, " ");
}

export function chipClass(status: string): string {
  return `chip chip-${status}`;
}

// A refusal as the user should read it: a 404 names what is not there (another customer's
// document is "not there" too, and shows nothing of it), anything else is the API's message.
export function problemText(e: unknown, missing: string): string {
  const problem = e as ApiError;
  return problem.status === 404 ? missing : problem.message ?? String(e);
}

// The field errors of line `index` of a request's `lines` ("lines/3/quantity"), by field name.
export function lineErrors(errors: FieldError[], index: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const m = e.field.match(/^lines\/(\d+)\/(\w+)$/);
    if (m && Number(m[1]) === index) out[m[2]] = e.message;
  }
  return out;
}

// The field errors that belong to no line ("po_number", "ship_to", "lines").
export function otherErrors(errors: FieldError[]): FieldError[] {
  return errors.filter((e) => !/^lines\/\d+\//.test(e.field));
}

// Money as the API writes it ("1234.50", "-6.2", two decimals for USD) in integer cents, so that
// the browser adds amounts exactly; and back.
export function toCents(amount: string): number {
  const m = amount.match(/^(-?)(\d+)(?:\.(\d{1,2}))?$/);
  if (!m) throw new Error(`not an amount: ${amount}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -cents : cents;
}

export function fromCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export { newIdempotencyKey } from "../api";

// POST with an Idempotency-Key: a retried request (a double click, a lost answer) is applied once.
export function postOnce<T>(path: string, body: unknown, key: string): Promise<T> {
  return call<T>("POST", path, body, { headers: { "Idempotency-Key": key } });
}

// The value of the input or select an event came from.
export function valueOf(e: Event): string {
  return (e.target as HTMLInputElement | HTMLSelectElement).value;
}

// A quantity as typed, for the API: a whole number as a JSON integer, anything else as the text
// (which the server refuses at its field, as it would any bad quantity).
export function quantityOf(text: string): number | string {
  const t = text.trim();
  return /^\d+$/.test(t) ? Number(t) : t;
}
