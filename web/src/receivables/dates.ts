// Business dates in the receivables screens: the API's "YYYY-MM-DD" strings, compared as whole
// days in UTC (the server's business date is UTC too).

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

// Days from `due` to `asOf`: positive once the invoice is past due, as the aging counts them.
export function daysPastDue(due: string, asOf: string): number {
  return dayNumber(asOf) - dayNumber(due);
}

// The aging's buckets, in the API's names and its boundaries (receivables/aging.cpp).
export const BUCKETS = [
  { key: "current", label: "Current" },
  { key: "d1_30", label: "1–30 days" },
  { key: "d31_60", label: "31–60 days" },
  { key: "d61_90", label: "61–90 days" },
  { key: "d90_plus", label: "Over 90 days" },
] as const;
export type BucketKey = (typeof BUCKETS)[number]["key"];

export function bucketOf(days: number): BucketKey {
  if (days <= 0) return "current";
  if (days <= 30) return "d1_30";
  if (days <= 60) return "d31_60";
  if (days <= 90) return "d61_90";
  return "d90_plus";
}
