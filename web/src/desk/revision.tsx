// Revising a quote on the order desk: the quote's current version loaded as a draft (its
// customer and ship-to; each line by its SKU, the customer's part number or its configuration,
// with its quantity and unit, and a manual price with its reason where it has one), priced live
// like any draft, and saved as the next version by PUT /api/v1/quotes/{number} with If-Match of
// the version loaded, so that a revision made meanwhile (412) is never overwritten.
import { call } from "../api";
import { lineBody } from "./desk_api";
import { CustomerChoice, Draft, DraftLine, LineConfiguration } from "./draft";
import { emptyDraft } from "./draft";

// A quote as GET /api/v1/quotes/{number} gives it to staff: what a revision starts from.
interface StoredQuote {
  number: string;
  customer: string;
  ship_to: string;
  status: string;
  expires_on: string;
  current_version: number;
  notes: string;
  lines: {
    sku: string;
    entered_quantity: number;
    uom: string;
    unit_price: string;
    override_reason?: string;
    customer_part_number?: string;
    configuration?: LineConfiguration;
  }[];
}

// Only an open or expired quote is revised (the API refuses an accepted or cancelled one).
export function revisable(status: string): boolean {
  return status === "open" || status === "expired";
}

// The current version of quote `number` as a draft that revises it.
export async function revisionDraft(number: string): Promise<Draft> {
  const q = await call<StoredQuote>("GET", `/api/v1/quotes/${encodeURIComponent(number)}`);
  if (!revisable(q.status)) throw new Error(`Quote ${q.number} is ${q.status}: only an open or expired quote can be revised.`);
  const customer = await call<CustomerChoice>("GET", `/api/v1/customers/${encodeURIComponent(q.customer)}`);
  const lines: DraftLine[] = q.lines.map((l, i) => {
    const quantity = String(l.entered_quantity);
    return {
      key: i + 1,
      sku: l.sku,
      quantity,
      uom: l.uom,
      ...(l.customer_part_number ? { part: l.customer_part_number } : {}),
      ...(l.configuration ? { configuration: l.configuration } : {}),
      ...(l.override_reason !== undefined ? { price: { unitPrice: l.unit_price, reason: l.override_reason } } : {}),
    };
  });
  return {
    ...emptyDraft(),
    customer,
    shipTo: q.ship_to,
    lines,
    nextKey: lines.length + 1,
    revision: {
      number: q.number,
      version: q.current_version,
      expiresOn: q.expires_on,
      expired: q.status === "expired",
      validUntil: "",
      notes: q.notes,
    },
  };
}

export interface RevisedQuote {
  number: string;
  version: number;
}

// The draft saved as the quote's next version. The draft's key makes a retry after a lost
// answer harmless; If-Match refuses it (412) once anyone else revised the quote.
export function reviseQuote(draft: Draft, customer: string, lines: DraftLine[]): Promise<RevisedQuote> {
  const r = draft.revision!;
  const body = {
    customer,
    ...(draft.shipTo ? { ship_to: draft.shipTo } : {}),
    ...(r.validUntil ? { expires_on: r.validUntil } : {}),
    notes: r.notes,
    lines: lines.map(lineBody),
  };
  return call<RevisedQuote>("PUT", `/api/v1/quotes/${encodeURIComponent(r.number)}`, body, {
    headers: { "If-Match": `"${r.version}"`, "Idempotency-Key": draft.idempotencyKey },
  });
}

export function RevisionBanner({ draft }: { draft: Draft }) {
  const r = draft.revision;
  if (!r) return null;
  return (
    <p class="desk-revision" role="note">
      Revising quote <a href={`#/quotes/${encodeURIComponent(r.number)}`}>{r.number}</a> (version {r.version}
      {r.expired ? `, expired ${r.expiresOn}` : `, valid until ${r.expiresOn}`}). Saving makes version {r.version + 1}, priced as of today; the
      quote's page accepts it into an order.
    </p>
  );
}
