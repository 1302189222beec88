// Money in the receivables screens: the API's exact decimal strings ("1234.56") turned into
// integer cents to be checked and summed, and back. Never floating-point arithmetic on money:
// a typed amount is parsed digit by digit, and sums are of integers (exact below 2^53 cents).

// "12", "12.5", "12.50", "1,234.50" → cents; null for anything else (negative, more than two
// decimals, letters, too large to be exact).
export function toCents(text: string): number | null {
  const m = text.trim().replace(/,/g, "").match(/^(\d+)(?:\.(\d{0,2}))?$/);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

// An amount the API gave ("-12.30" for a negative balance too) in cents.
export function centsOf(amount: string): number {
  const negative = amount.startsWith("-");
  const cents = toCents(negative ? amount.slice(1) : amount);
  if (cents === null) throw new Error(`not an amount: ${amount}`);
  return negative ? -cents : cents;
}

// Cents → "1234.56" (the API's own format, accepted back by it).
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

// A percentage ("2", "1.5") in basis points; null when not one.
export function basisPoints(percent: string): number | null {
  const m = percent.trim().match(/^(\d+)(?:\.(\d{0,2}))?$/);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : null;
}

// cents × bp / 10000 rounded half to even, as the server rounds document amounts.
export function percentOf(cents: number, bp: number): number {
  const product = cents * bp;
  const whole = Math.floor(product / 10000);
  const rest = product - whole * 10000;
  if (rest > 5000 || (rest === 5000 && whole % 2 === 1)) return whole + 1;
  return whole;
}
