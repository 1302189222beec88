// What a line says beside its SKU wherever it is shown (the order page, a quote's page, the
// change form): the customer's part number it was entered with ("your part" to the customer
// itself, "customer part" to the staff) and a configured line's answers under it.
export interface LineNoted {
  customer_part_number?: string;
  configuration?: { description: string };
}

export function LineNotes({ line, forCustomer = false }: { line: LineNoted; forCustomer?: boolean }) {
  return (
    <>
      {line.customer_part_number && (
        <span class="muted">
          {" "}
          ({forCustomer ? "your part" : "customer part"} {line.customer_part_number})
        </span>
      )}
      {line.configuration && <div class="muted configuration">{line.configuration.description}</div>}
    </>
  );
}
