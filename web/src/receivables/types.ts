// The API's documents as the receivables screens read them (src/api/openapi/openapi.json).

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface CustomerSummary {
  id: number;
  code: string;
  name: string;
  payment_terms: string;
  credit_limit: string;
  on_hold: boolean;
}

export interface Invoice {
  id: number;
  number: string;
  customer: string;
  order: string;
  invoice_date: string;
  due_date: string;
  discount_date: string | null;
  discount_percent: string;
  payment_terms: string;
  currency: string;
  total: string;
  amount_paid: string;
  discount_taken: string;
  amount_credited: string;
  balance: string;
  status: string;
  version: number;
}

export interface Payment {
  id: number;
  number: string;
  customer: string;
  amount: string;
  applied: string;
  unapplied: string;
  method: string;
  reference: string;
  received_date: string;
  currency: string;
  applications: { invoice: string; amount: string; discount: string; applied_date: string }[];
  version: number;
}

export interface CreditPosition {
  customer: string;
  credit_limit: string;
  open_orders: string;
  open_receivables: string;
  exposure: string;
  available_credit: string;
  on_hold: boolean;
}

export interface AgingAmounts {
  current: string;
  d1_30: string;
  d31_60: string;
  d61_90: string;
  d90_plus: string;
  total: string;
  unapplied: string;
  open_credits: string;
}

export interface AgingRow extends AgingAmounts {
  customer: string;
  name: string;
}

export interface Aging {
  as_of: string;
  currency: string;
  customers: AgingRow[];
  totals: AgingAmounts;
}

export interface CreditMemo {
  id: number;
  number: string;
  customer: string;
  return: string | null;
  order: string | null;
  invoice: string | null;
  memo_date: string;
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  amount_applied: string;
  amount_refunded: string;
  balance: string;
  status: string;
  version: number;
  lines?: { line_no: number; sku: string; quantity: number; unit_price: string; extended_amount: string; tax: string; invoice: string }[];
  applications?: { invoice: string; amount: string; at: string }[];
  refunds?: { amount: string; method: string; reference: string; at: string }[];
}
