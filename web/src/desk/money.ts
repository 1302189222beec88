// Money on the desk: the API's decimal strings added in integer minor units (cents), never in
// floating point, and written back as decimal strings.

// "1234.5" / "-0.25" / "12" → cents; null when the text is not a decimal with at most two
// decimals (the API's extended amounts and subtotals have exactly two).
export function toCents(text: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -cents : cents;
}

// 123456 → "1,234.56": grouped for reading.
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${whole}.${String(abs % 100).padStart(2, "0")}`;
}

// "2.3750" → "2.375"; "2.5000" → "2.50": a unit price without trailing zeros past the cents.
export function formatUnitPrice(text: string): string {
  const m = /^(-?\d+)\.(\d\d)(\d*?)0*$/.exec(text);
  return m ? `${m[1]}.${m[2]}${m[3]}` : text;
}
