// A dashboard table with its caption and an "Export CSV" button that downloads exactly the
// rows shown (csv.ts). Cells are text as the API gave them; `numeric` columns align right.
import { downloadCsv, toCsv } from "./csv";

export interface Column {
  heading: string;
  numeric?: boolean;
}

interface Props {
  id: string; // names the table for its caption and the CSV file
  caption: string;
  columns: Column[];
  rows: string[][];
  filename: string;
  empty?: string;
}

export function ReportTable({ id, caption, columns, rows, filename, empty }: Props) {
  const headings = columns.map((c) => c.heading);
  return (
    <div class="report-table">
      <div class="report-table-head">
        <h2 id={`${id}-caption`}>{caption}</h2>
        <button
          type="button"
          class="secondary"
          aria-describedby={`${id}-caption`}
          onClick={() => downloadCsv(filename, toCsv(headings, rows))}
        >
          Export CSV
        </button>
      </div>
      <table id={id} aria-labelledby={`${id}-caption`}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" class={c.numeric ? "number" : undefined}>
                {c.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {row.map((cell, i) => (
                <td class={columns[i].numeric ? "number" : undefined}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p class="muted">{empty ?? "Nothing in this period."}</p>}
    </div>
  );
}
