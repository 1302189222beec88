// The API's documents as the portal screens read them (the fields they show; see the OpenAPI
// document for the rest).
import { OrderLineRow } from "../order_lines_table";

export interface OrderLine extends OrderLineRow {
  quantity_cancelled: number;
}

export interface Order {
  number: string;
  customer: string;
  ship_to: string;
  po_number: string;
  requested_date: string | null;
  status: string;
  holds: { kind: string }[];
  currency: string;
  lines: OrderLine[];
  subtotal: string;
  tax: string;
  freight: string;
  total: string;
  created_at: string;
}

export interface Shipment {
  number: string;
  status: string;
  carrier: string | null;
  service: string | null;
  tracking_number: string | null;
  shipped_at: string | null;
  invoice: string | null;
  lines: { line_no: number; sku: string; quantity_shipped: number }[];
}

export interface InvoiceSummary {
  number: string;
  order: string;
  shipment: string | null;
  invoice_date: string;
  due_date: string;
  discount_date: string | null;
  discount_percent: string;
  payment_terms: string;
  currency: string;
  subtotal: string;
  tax: string;
  freight: string;
  total: string;
  amount_paid: string;
  discount_taken: string;
  amount_credited: string;
  balance: string;
  status: string;
}

export interface Invoice extends InvoiceSummary {
  lines: { line_no: number; sku: string; quantity: number; unit_price: string; extended_amount: string; tax: string }[];
}

export interface ReturnLine {
  line_no: number;
  sku: string;
  quantity: number;
  quantity_received: number;
  reason: string;
}

// What arrived of a return line, and the credit memo that credited it.
export interface ReturnReceipt {
  line_no: number;
  quantity: number;
  credit_memo: string;
  received_at: string;
}

export interface Return {
  number: string;
  status: string;
  order: string;
  invoice: string | null;
  lines: ReturnLine[];
  receipts?: ReturnReceipt[]; // absent in lists
  created_at: string;
}

export const RETURN_REASONS: [string, string][] = [
  ["damaged", "Damaged"],
  ["defective", "Defective"],
  ["wrong_item", "Wrong item"],
  ["not_needed", "Not needed"],
  ["other", "Other"],
];

export function reasonLabel(reason: string): string {
  return RETURN_REASONS.find(([code]) => code === reason)?.[1] ?? reason;
}
