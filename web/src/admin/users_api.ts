// The users screens' view of the API (GET/POST /api/v1/users, PATCH /api/v1/users/{ref},
// POST /api/v1/users/{ref}/password), the roles with what each is for, and how a problem's
// field errors are placed at the screen's fields.
import { ApiError } from "../api";

export interface UserAccount {
  id: number;
  username: string;
  roles: string[];
  customer_id: number | null;
  customer: string | null;
  disabled: boolean;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

// Every role (auth/role.h) with the work it is for, in the order the screens show them.
export const ROLES: { name: string; title: string; purpose: string }[] = [
  { name: "admin", title: "Admin", purpose: "everything, including users and master data" },
  { name: "sales", title: "Sales", purpose: "order entry: customers, orders, prices" },
  { name: "sales_manager", title: "Sales manager", purpose: "order entry plus approvals and reports" },
  { name: "warehouse", title: "Warehouse", purpose: "stock, picking, shipping and receipts" },
  { name: "ar_clerk", title: "AR clerk", purpose: "invoices, payments and credit holds" },
  { name: "customer", title: "Customer portal", purpose: "one customer's own orders and invoices" },
  { name: "integration", title: "Integration", purpose: "machine clients (EDI, e-commerce) with API keys" },
];

export function roleTitle(name: string): string {
  return ROLES.find((r) => r.name === name)?.title ?? name;
}

// A problem split for a form: the message of each field the form shows ("roles/2" counts as
// "roles"), and the rest (the problem's own message when no field error is shown).
export interface FormProblem {
  fields: Record<string, string>;
  general: string | null;
}

export function formProblem(error: unknown, shown: string[]): FormProblem {
  const problem = error as ApiError;
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const e of problem.errors ?? []) {
    const field = e.field.split("/")[0];
    if (shown.includes(field)) fields[field] = fields[field] ? `${fields[field]}; ${e.message}` : e.message;
    else other.push(e.field ? `${e.field}: ${e.message}` : e.message);
  }
  const general = other.length > 0 ? other.join("; ") : Object.keys(fields).length === 0 ? problem.message : null;
  return { fields, general };
}

// A password of 20 characters from the browser's cryptographic random source, without
// look-alike characters, for an admin to hand over once.
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

// After a refused form: the keyboard moves to the first field marked with a problem.
export function focusFirstProblem(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.users [aria-invalid="true"]')?.focus());
}
