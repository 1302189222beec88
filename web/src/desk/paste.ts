// A stocking order pasted from a spreadsheet or an e-mail: one line per row, "SKU quantity
// [unit]", the fields separated by tabs, commas, semicolons or spaces. Rows are taken as they
// are (an unknown SKU or a bad quantity is checked by the price quote and marked at its line),
// except blank rows and a heading row ("SKU, Qty, Unit") which are left out.

export interface PastedLine {
  sku: string;
  quantity: string;
  uom: string;
}

const HEADING = /^(sku|item|part|article|product)/i;

export function parsePaste(text: string): PastedLine[] {
  const lines: PastedLine[] = [];
  const rows = text.split(/\r\n|\n|\r/);
  rows.forEach((row, index) => {
    const fields = row
      .trim()
      .split(/[\t,;\s]+/)
      .map((f) => f.trim())
      .filter((f) => f !== "");
    if (fields.length === 0) return;
    if (index === 0 && HEADING.test(fields[0]) && !/^\d/.test(fields[1] ?? "")) return;
    lines.push({ sku: fields[0], quantity: fields[1] ?? "", uom: (fields[2] ?? "").toUpperCase() });
  });
  return lines;
}

// Whether pasted text is a list of lines rather than one SKU typed from the clipboard.
export function isMultiLine(text: string): boolean {
  return /\S[^\n]*\n\s*\S/.test(text.trim()) || /^\S+[\t,;\s]+\d/.test(text.trim());
}
