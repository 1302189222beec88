// Business dates as the API reads them: YYYY-MM-DD, UTC days (the report endpoints bucket
// orders by the UTC day they were placed).

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

// `date` moved by `days` (negative: earlier).
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// The whole currency units of an exact decimal string ("12345.67" → 12345), for charts only:
// the integer part is read as an integer, so no float arithmetic touches the amount.
export function wholeUnits(amount: string): number {
  return parseInt(amount.split(".")[0], 10);
}
