// What the receivables screens share: loading every page of a list, the customer picker (by
// code or name, customer_picker.tsx), a problem shown plainly (a 409 or 412 with a reload), and
// field errors found by their path.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, FieldError, Me, storedToken } from "../api";
import { ConflictNotice, isConflict } from "../conflict";
import { CustomerPicker } from "../customer_picker";
import { CustomerSummary, Page } from "./types";

// Every page of a list (limit 500 a page), up to `most` items.
export async function loadAll<T>(path: string, most = 5000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  const joiner = path.includes("?") ? "&" : "?";
  do {
    const page: Page<T> = await call<Page<T>>(
      "GET",
      `${path}${joiner}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && out.length < most);
  return out;
}

// The message of a field error at `field` ("applications/1/amount"), if the problem has one.
export function fieldMessage(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

// A message at its field: linked to the input by aria-describedby (id `${id}-error`).
export function FieldProblem({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span id={`${id}-error`} class="field-error error" role="alert">
      {message}
    </span>
  );
}

// A problem of a whole screen or action: for a 409 or 412 (someone changed the record
// meanwhile) conflict.tsx's notice with a button that reloads what the screen shows; else its
// message and the field errors no field shows.
export function Problem({ error, onReload }: { error: ApiError | null; onReload?: () => void }) {
  if (!error) return null;
  if (isConflict(error)) return <ConflictNotice error={error} onReload={onReload} />;
  return (
    <div class="problem error" role="alert">
      {error.message}
      {error.errors.length > 0 && error.status !== 400 && (
        <ul>
          {error.errors.map((e) => (
            <li>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, "internal", String(e));
}

// Finds a customer by what was typed: its code (or id) exactly, else the one customer whose code
// or name contains the text. Several matches or none answer a problem to show at the field.
export async function findCustomer(text: string): Promise<CustomerSummary> {
  const typed = text.trim();
  if (!typed) throw new ApiError(400, "required", "Type a customer's code or name.");
  try {
    return await call<CustomerSummary>("GET", `/api/v1/customers/${encodeURIComponent(typed)}`);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
  }
  const page = await call<Page<CustomerSummary>>(
    "GET",
    `/api/v1/customers?q=${encodeURIComponent(typed)}&limit=10`,
  );
  if (page.items.length === 1) return page.items[0];
  if (page.items.length === 0) throw new ApiError(404, "not_found", `No customer's code or name contains "${typed}".`);
  throw new ApiError(
    400,
    "ambiguous",
    `${page.items.length}${page.next_cursor ? "+" : ""} customers match "${typed}": ${page.items
      .slice(0, 5)
      .map((c) => c.code)
      .join(", ")}… type more, or pick one from the suggestions.`,
  );
}

// The customer of a receivables screen: the picker (customer_picker.tsx) in a form whose button
// (or Enter on a text no choice answers) finds the customer by what was typed (findCustomer).
export function CustomerFinder({
  id,
  initial,
  onChoose,
}: {
  id: string;
  initial: string;
  onChoose: (customer: CustomerSummary) => void;
}) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => setText(initial), [initial]);

  function chosen(customer: CustomerSummary) {
    setProblem(undefined);
    setText(customer.code);
    onChoose(customer);
  }

  async function find(typed: string) {
    setProblem(undefined);
    try {
      chosen(await findCustomer(typed));
    } catch (error) {
      setProblem(asApiError(error).message);
    }
  }

  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        void find(text);
      }}
    >
      <CustomerPicker<CustomerSummary>
        id={id}
        label="Customer (code or name)"
        text={text}
        onText={setText}
        onChoose={chosen}
        onEnterText={(typed) => void find(typed)}
        problem={problem}
      />
      <button type="submit">Show</button>
    </form>
  );
}

// The customer named by the screen's address, loaded; null while none is chosen.
export function useCustomer(code: string | null): {
  customer: CustomerSummary | null;
  error: ApiError | null;
} {
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setCustomer(null);
    setError(null);
    if (!code) return;
    call<CustomerSummary>("GET", `/api/v1/customers/${encodeURIComponent(code)}`)
      .then(setCustomer)
      .catch((e) => setError(asApiError(e)));
  }, [code]);
  return { customer, error };
}

// The actions the signed-in user may do (GET /api/v1/me), asked once per sign-in (the answer is
// kept with the token it was asked with): a screen leaves out what the user's roles may not do
// (the server still refuses it). Empty until known.
let permissionsAsked: { token: string | null; answer: Promise<string[]> } | null = null;
export function usePermissions(): string[] {
  const [permissions, setPermissions] = useState<string[]>([]);
  useEffect(() => {
    const token = storedToken();
    if (permissionsAsked?.token !== token) {
      permissionsAsked = { token, answer: call<Me>("GET", "/api/v1/me").then((me) => me.permissions) };
    }
    permissionsAsked.answer.then(setPermissions).catch(() => {
      permissionsAsked = null;
    });
  }, []);
  return permissions;
}
