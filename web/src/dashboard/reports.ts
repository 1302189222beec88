// The dashboard's answers (GET /api/v1/reports/…, GET /api/v1/ar/dso), as the OpenAPI document
// describes them. Money is an exact decimal string throughout.
import { call } from "../api";

export type Interval = "day" | "week" | "month";

export interface Period {
  from: string;
  to: string;
}

interface Basis {
  from: string;
  to: string;
  basis: "ordered";
  currency: string;
}

export interface SalesPoint {
  start: string;
  end: string;
  orders: number;
  revenue: string;
  prior_start: string;
  prior_end: string;
  prior_orders: number;
  prior_revenue: string;
}

export interface SalesReport extends Basis {
  interval: Interval;
  prior_from: string;
  prior_to: string;
  points: SalesPoint[];
  totals: { orders: number; revenue: string; prior_orders: number; prior_revenue: string };
}

export interface TopCustomers extends Basis {
  customers: { rank: number; customer: string; name: string; orders: number; revenue: string }[];
}

export interface TopItems extends Basis {
  items: { rank: number; sku: string; name: string; orders: number; quantity: number; revenue: string }[];
}

interface OrderCount {
  orders: number;
  value: string;
}

export interface OpenOrders {
  currency: string;
  statuses: (OrderCount & { status: string })[];
  holds: (OrderCount & { kind: string })[];
  totals: OrderCount;
}

export interface Dso {
  as_of: string;
  days: number;
  receivables: string;
  credit_sales: string;
  dso: string | null;
}

function q(period: Period, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ from: period.from, to: period.to, ...extra }).toString();
}

export const loadSales = (p: Period, interval: Interval) =>
  call<SalesReport>("GET", `/api/v1/reports/sales?${q(p, { interval })}`);
export const loadTopCustomers = (p: Period) =>
  call<TopCustomers>("GET", `/api/v1/reports/top-customers?${q(p, { limit: "10" })}`);
export const loadTopItems = (p: Period) => call<TopItems>("GET", `/api/v1/reports/top-items?${q(p, { limit: "10" })}`);
export const loadOpenOrders = () => call<OpenOrders>("GET", "/api/v1/reports/open-orders");
export const loadDso = () => call<Dso>("GET", "/api/v1/ar/dso?days=90");
