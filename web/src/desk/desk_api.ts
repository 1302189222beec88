// What the order desk reads and writes: the API's answers it uses, and placing the order with
// the draft's Idempotency-Key.
import { call } from "../api";

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface ItemChoice {
  sku: string;
  name: string;
  uom: string;
  pack_sizes: { uom: string; quantity: number }[];
  list_price: string;
}

export interface Credit {
  credit_limit: string;
  exposure: string;
  available_credit: string;
  open_orders: string;
  open_receivables: string;
  on_hold: boolean;
}

export interface HeldOrder {
  number: string;
  total: string;
  created_at: string;
}

export interface QuoteLine {
  sku: string;
  name: string | null;
  quantity: string;
  uom: string | null;
  base_uom: string | null;
  base_quantity: number | null;
  pack_sizes: { uom: string; quantity: number }[];
  unit_price: string | null;
  price_source: string | null;
  price_explanation: string | null;
  extended_amount: string | null;
  tax_rate_percent: string | null;
  tax_amount: string | null;
  availability: { warehouses: { warehouse: string; available: number }[]; total_available: number } | null;
  errors: { field: string; code: string; message: string }[];
}

export interface Quote {
  customer: string;
  date: string;
  price_tier: string | null;
  price_list: string | null;
  subtotal: string;
  tax: string;
  tax_exemption: string | null;
  total: string;
  lines: QuoteLine[];
}

export interface PlacedOrder {
  number: string;
  status: string;
  total: string;
  currency: string;
  holds: { kind: string; reason: string }[];
}

export function searchItems(text: string, signal?: AbortSignal): Promise<Page<ItemChoice>> {
  return get(`/api/v1/items?${new URLSearchParams({ q: text, active: "true", limit: "8" })}`, signal);
}

export interface LineInput {
  sku: string;
  quantity: string;
  uom: string;
  part?: string;
  configuration?: { configurator: string; answers: Record<string, string | null> };
  price?: { unitPrice: string; reason: string };
}

// A draft line as the quote and the order take it: by its configuration when it was configured,
// by the customer's part number when it was pasted as one (the server maps either to the SKU),
// else by SKU; the unit only when not the base; a manual price with its reason.
export function lineBody(l: LineInput): Record<string, unknown> {
  const item = l.configuration
    ? { configuration: { configurator: l.configuration.configurator, answers: l.configuration.answers } }
    : l.part
      ? { customer_part_number: l.part }
      : { sku: l.sku };
  return {
    ...item,
    quantity: l.quantity,
    ...(l.uom ? { uom: l.uom } : {}),
    ...(l.price ? { unit_price: l.price.unitPrice, override_reason: l.price.reason } : {}),
  };
}

// Priced and taxed for the ship-to's region (the customer's first when none is chosen).
export function quote(customer: string, shipTo: string, lines: LineInput[]): Promise<Quote> {
  return call<Quote>("POST", "/api/v1/pricing/quote", {
    customer,
    ...(shipTo ? { ship_to: shipTo } : {}),
    lines: lines.map(lineBody),
  });
}

// The customer's own part numbers (GET /api/v1/customers/{code}/part-numbers: all of them), by
// part number; empty when the user may not read them.
export async function partNumbers(customer: string): Promise<Map<string, { sku: string; uom: string }>> {
  try {
    const page = await call<Page<{ part_number: string; sku: string; uom: string }>>(
      "GET",
      `/api/v1/customers/${encodeURIComponent(customer)}/part-numbers`,
    );
    return new Map(page.items.map((p) => [p.part_number, { sku: p.sku, uom: p.uom }]));
  } catch {
    return new Map();
  }
}

// A typeahead's GET, abortable so that an answer to an older keystroke never replaces a newer
// one; problems as call() makes them.
async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return request<T>("GET", path, undefined, {}, signal);
}

export function placeOrder(body: unknown, idempotencyKey: string): Promise<PlacedOrder> {
  return request<PlacedOrder>("POST", "/api/v1/orders", body, { "Idempotency-Key": idempotencyKey });
}

export interface SavedQuote {
  number: string;
  total: string;
  currency: string;
  expires_on: string;
}

// The draft kept as a quote (POST /api/v1/quotes) instead of placed: priced as the order would be.
export function saveQuote(body: unknown, idempotencyKey: string): Promise<SavedQuote> {
  return request<SavedQuote>("POST", "/api/v1/quotes", body, { "Idempotency-Key": idempotencyKey });
}

function request<T>(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<T> {
  return call<T>(method, path, body, { headers, signal });
}
