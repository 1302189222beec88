// CSV export of a table, made in the browser from the very strings the table shows (the API's
// exact decimal strings, never numbers re-formatted), RFC 4180: comma separated, CRLF line
// ends, a field quoted when it holds a comma, a quote or a line break.

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(headings: string[], rows: string[][]): string {
  return [headings, ...rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

// Saves `text` as a file named `filename` through an object URL (no request leaves the page).
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
