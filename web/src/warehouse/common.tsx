// What the warehouse screens share: the warehouse being worked (chosen once, remembered in the
// browser), problems shown at their fields, and the "someone else changed it" notice (conflict.tsx).
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, FieldError } from "../api";
import { ConflictNotice, isConflict } from "../conflict";

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Warehouse {
  id: number;
  code: string;
  name: string;
}

const WAREHOUSE_KEY = "ordo.warehouse";

// The warehouses (GET /api/v1/warehouses) and the one this browser works in: the last chosen,
// else the first. A warehouse has few sites, so one page of 500 holds them all.
export function useWarehouse(): {
  warehouses: Warehouse[];
  warehouse: string;
  choose: (code: string) => void;
  error: string | null;
} {
  const [warehouses, setWarehouses] = useState<Warehouse[]>([]);
  const [warehouse, setWarehouse] = useState(localStorage.getItem(WAREHOUSE_KEY) ?? "");
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call<Page<Warehouse>>("GET", "/api/v1/warehouses?limit=500")
      .then((page) => {
        setWarehouses(page.items);
        setWarehouse((chosen) => (page.items.some((w) => w.code === chosen) ? chosen : (page.items[0]?.code ?? "")));
      })
      .catch((e) => setError((e as ApiError).message));
  }, []);
  function choose(code: string) {
    localStorage.setItem(WAREHOUSE_KEY, code);
    setWarehouse(code);
  }
  return { warehouses, warehouse, choose, error };
}

export function WarehouseSelect({
  id,
  warehouses,
  value,
  onChange,
  error,
}: {
  id: string;
  warehouses: Warehouse[];
  value: string;
  onChange: (code: string) => void;
  error?: string | null;
}) {
  return (
    <span class="field">
      <label for={id}>Warehouse</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {warehouses.map((w) => (
          <option value={w.code}>
            {w.code} — {w.name}
          </option>
        ))}
      </select>
      <FieldMessage id={`${id}-error`} message={error} />
    </span>
  );
}

// The message of the field error at `field` ("lines/2/quantity"), if the problem names it.
export function errorAt(problem: ApiError | null, field: string): string | null {
  return problem?.errors.find((e: FieldError) => e.field === field)?.message ?? null;
}

// The problem's field errors that no field on the screen shows (so none goes unseen).
export function unplaced(problem: ApiError | null, shown: (field: string) => boolean): FieldError[] {
  return problem ? problem.errors.filter((e) => !shown(e.field)) : [];
}

export function FieldMessage({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <span id={id} class="field-error error">
      {message}
    </span>
  );
}

// A problem of a screen: a 409 or 412 (someone else changed the record) as conflict.tsx says
// it, with the reload; anything else as the API said it, with its unplaced fields.
export function ProblemBanner({
  problem,
  what,
  onReload,
  reloads = what,
  extra = [],
}: {
  problem: ApiError | null;
  what: string;
  onReload: () => void;
  reloads?: string;
  extra?: FieldError[];
}) {
  if (!problem) return null;
  if (isConflict(problem)) return <ConflictNotice error={problem} what={what} reloads={reloads} onReload={onReload} />;
  return (
    <div class="error" role="alert">
      <p>{problem.message}</p>
      {extra.length > 0 && (
        <ul>
          {extra.map((e) => (
            <li>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function problemOf(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, "unknown", String(e));
}

// The element id of the input for an API field path ("lines/0/quantity" → "f-lines-0-quantity"),
// so that a problem's field can be focused and described.
export function fieldId(field: string): string {
  return "f-" + field.replace(/\//g, "-");
}

export function focusField(field: string) {
  setTimeout(() => document.getElementById(fieldId(field))?.focus(), 0);
}

// A labelled input with its problem shown beneath it (and announced as its description).
export function TextField({
  id,
  label,
  value,
  onInput,
  message,
  list,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  message: string | null;
  list?: string;
  inputMode?: "decimal" | "numeric";
}) {
  const element = fieldId(id);
  return (
    <span class="field">
      <label for={element}>{label}</label>
      <input
        id={element}
        value={value}
        list={list}
        inputMode={inputMode}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${element}-error` : undefined}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      <FieldMessage id={`${element}-error`} message={message} />
    </span>
  );
}
