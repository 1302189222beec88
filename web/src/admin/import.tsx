// Admin: import a CSV file (POST /api/v1/imports/{kind}). The file is sent with a progress bar
// and imported whole or not at all; the answer is the count imported, or every bad row's
// problem at its line and column, in a table.
import { useEffect, useState } from "preact/hooks";
import { ApiError, call, Me } from "../api";
import { ImportResult, RowError, uploadCsv } from "./admin_api";

interface Kind {
  name: string;
  title: string;
  nouns: [string, string]; // what a record is: one, several
  permission: string;
  columns: string; // the header the file needs (* required), as `ordo import` documents it
  list?: string; // the screen that lists what it made
}

const KINDS: Kind[] = [
  {
    name: "items",
    title: "Items",
    nouns: ["item", "items"],
    permission: "items.write",
    columns: "sku*, name*, uom, list_price*, cost, tax_class, active, reorder_point, pack_sizes (CS=12;PL=480), product_line",
    list: "#/admin/items",
  },
  {
    name: "customers",
    title: "Customers and ship-tos",
    nouns: ["customer", "customers"],
    permission: "customers.write",
    columns:
      "code*, name*, bill_line1, bill_city, bill_region, bill_postal_code, bill_country, payment_terms, credit_limit, price_tier, tax_exempt, salesperson, on_hold, ship_to_code*, ship_to_name, ship_line1, ship_city, ship_region, ship_postal_code, ship_country, preferred_warehouse (a row per ship-to)",
    list: "#/admin/customers",
  },
  {
    name: "stock",
    title: "Stock receipts",
    nouns: ["stock receipt", "stock receipts"],
    permission: "inventory.write",
    columns: "warehouse*, sku*, quantity*, reference (a receipt per row)",
  },
];

type Outcome = { kind: Kind; result: ImportResult } | { kind: Kind; rows: RowError[]; message: string } | { error: string };

export function Import() {
  const [kinds, setKinds] = useState<Kind[]>([]);
  const [kind, setKind] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    // Only the kinds this user may import (the server refuses the others anyway).
    void call<Me>("GET", "/api/v1/me").then(
      (me) => {
        const mine = KINDS.filter((k) => me.permissions.includes(k.permission));
        setKinds(mine);
        if (mine.length > 0) setKind(mine[0].name);
      },
      (e) => setOutcome({ error: (e as ApiError).message }),
    );
  }, []);

  const chosen = kinds.find((k) => k.name === kind);

  async function upload(event: Event) {
    event.preventDefault();
    if (!chosen || !file) return;
    setOutcome(null);
    setProgress(0);
    try {
      const result = await uploadCsv(chosen.name, file, setProgress);
      setOutcome({ kind: chosen, result });
    } catch (e) {
      const problem = e as ApiError;
      if (problem.code === "invalid_rows") {
        setOutcome({ kind: chosen, rows: problem.errors as RowError[], message: problem.message });
      } else {
        setOutcome({ error: problem.message });
      }
    } finally {
      setProgress(null);
    }
  }

  return (
    <section aria-labelledby="import-title" class="admin">
      <h1 id="import-title">Import a CSV file</h1>
      <form class="record-form" onSubmit={upload}>
        <div class="grid">
          <div class="field">
            <label for="import-kind">What the file holds</label>
            <select id="import-kind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value)}>
              {kinds.map((k) => (
                <option value={k.name}>{k.title}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="import-file">CSV file</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              required
              onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)}
            />
          </div>
        </div>
        {chosen && (
          <p class="hint" id="import-columns">
            Columns (header row first, any order; * required): {chosen.columns}. The whole file is imported, or nothing
            is.
          </p>
        )}
        <div class="form-buttons">
          <button type="submit" disabled={progress !== null || !chosen || !file}>
            {progress !== null ? "Uploading…" : "Upload and import"}
          </button>
        </div>
        {progress !== null && (
          <div class="field">
            <label for="import-progress">Upload progress</label>
            <progress id="import-progress" max={1} value={progress}>
              {Math.round(progress * 100)}%
            </progress>
          </div>
        )}
      </form>
      <ImportOutcome outcome={outcome} />
    </section>
  );
}

function ImportOutcome(props: { outcome: Outcome | null }) {
  const o = props.outcome;
  if (!o) return null;
  if ("error" in o) {
    return (
      <p class="error" role="alert">
        {o.error}
      </p>
    );
  }
  if ("result" in o) {
    const n = o.result.imported;
    return (
      <p class="notice" role="status">
        Imported {n} {o.kind.nouns[n === 1 ? 0 : 1]}.{" "}
        {o.kind.list && <a href={o.kind.list}>See them in the list</a>}
      </p>
    );
  }
  return (
    <div role="alert">
      <p class="error">{o.message}</p>
      <table aria-label="Problems in the file">
        <thead>
          <tr>
            <th scope="col" class="number">
              Line
            </th>
            <th scope="col" class="number">
              Column
            </th>
            <th scope="col">Field</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {o.rows.map((r) => (
            <tr>
              <td class="number">{r.line || "—"}</td>
              <td class="number">{r.column || "—"}</td>
              <td>{r.field}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
