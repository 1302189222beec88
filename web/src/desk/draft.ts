// The order desk's draft: what the user has entered so far (customer, ship-to, PO, lines),
// kept in sessionStorage so that a reload (or a sign-in again after the token expired) keeps
// it, and the Idempotency-Key made once per draft so that a double click or a retry after a
// lost answer places the order at most once (the server replays the first answer).
import { newIdempotencyKey } from "../api";

export interface ShipTo {
  code: string;
  name: string;
  city: string;
  region: string;
}

export interface CustomerChoice {
  code: string;
  name: string;
  price_tier: string | null;
  payment_terms: string;
  ship_to: ShipTo[];
}

// A configurable product's answers (the desk's configure panel) and their description.
export interface LineConfiguration {
  configurator: string;
  answers: Record<string, string | null>;
  description: string;
}

export interface DraftLine {
  key: number; // stable across edits, for rendering and focus
  sku: string;
  quantity: string; // as typed: checked by the server, never parsed into a float here
  uom: string; // "" = the item's base unit
  // The customer's own part number the line was pasted as: sent instead of the SKU, so the
  // order line keeps it and the customer's documents print it. Editing the SKU drops it.
  part?: string;
  // A configured line: sent as its configuration (the server maps the answers to the SKU and
  // adds their price adjustments). Editing the SKU drops it.
  configuration?: LineConfiguration;
}

export interface Draft {
  idempotencyKey: string;
  customer: CustomerChoice | null;
  shipTo: string;
  poNumber: string;
  channel: string;
  lines: DraftLine[];
  nextKey: number;
}

const STORAGE_KEY = "ordo.desk.draft";

export function emptyDraft(): Draft {
  return { idempotencyKey: newIdempotencyKey(), customer: null, shipTo: "", poNumber: "", channel: "phone", lines: [], nextKey: 1 };
}

export function loadDraft(): Draft {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (stored) {
      const draft = JSON.parse(stored) as Draft;
      if (draft.idempotencyKey && Array.isArray(draft.lines)) return draft;
    }
  } catch {
    // A damaged draft is dropped: a fresh one is better than a page that does not open.
  }
  return emptyDraft();
}

export function saveDraft(draft: Draft): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
}

export function discardDraft(): Draft {
  sessionStorage.removeItem(STORAGE_KEY);
  return emptyDraft();
}

// Lines that go to the server (those with a SKU), with their index there: the API names
// problems "lines/<index>/quantity" by that index.
export function sentLines(draft: Draft): DraftLine[] {
  return draft.lines.filter((l) => l.sku.trim() !== "");
}

export function addLines(
  draft: Draft,
  lines: { sku: string; quantity: string; uom: string; part?: string; configuration?: LineConfiguration }[],
): Draft {
  let next = draft.nextKey;
  const added = lines.map((l) => ({ key: next++, ...l }));
  return { ...draft, lines: [...draft.lines, ...added], nextKey: next };
}
