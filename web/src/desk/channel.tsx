// How an order came in, as inside sales chooses it ("Taken by"): on the desk for a draft, and
// on a quote's page for the order its acceptance places. The API takes any of an order's
// channels (orders::IsValidChannel); people take orders by phone or e-mail.
import { JSX } from "preact";

export const TAKEN_BY: { value: string; label: string }[] = [
  { value: "phone", label: "Phone" },
  { value: "email", label: "E-mail" },
];

export function ChannelSelect({
  id,
  value,
  onChange,
  invalid = {},
}: {
  id: string;
  value: string;
  onChange: (channel: string) => void;
  invalid?: JSX.HTMLAttributes<HTMLSelectElement>;
}) {
  return (
    <>
      <label for={id}>Taken by</label>
      <select id={id} value={value} {...invalid} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {TAKEN_BY.map((c) => (
          <option value={c.value}>{c.label}</option>
        ))}
      </select>
    </>
  );
}
