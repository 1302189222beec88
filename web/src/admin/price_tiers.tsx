// Admin: price tiers, the discounts off list price that customers of a tier get (GET/POST
// /api/v1/price-tiers). Saving a code that exists replaces its name and discount; orders
// priced afterwards use it.
import { KeyedForm } from "./keyed_form";
import { Page } from "./page";

interface PriceTier {
  code: string;
  name: string;
  discount_percent: string;
}

export function PriceTiers() {
  return (
    <Page<PriceTier>
      title="Price tiers"
      noun="price tier"
      searchLabel="Search code or name"
      listPath={() => "/api/v1/price-tiers"}
      matches={(t, q) => t.code.toLowerCase().includes(q) || t.name.toLowerCase().includes(q)}
      keyOf={(t) => t.code}
      columns={[
        { title: "Code", cell: (t) => t.code },
        { title: "Name", cell: (t) => t.name },
        { title: "Discount %", cell: (t) => t.discount_percent, number: true },
      ]}
      form={(t, done, cancel) => (
        <KeyedForm<PriceTier>
          title={t ? `Edit price tier ${t.code}` : "New price tier"}
          path="/api/v1/price-tiers"
          record={t}
          fields={[
            { name: "code", label: "Code", key: true },
            { name: "name", label: "Name" },
            { name: "discount_percent", label: "Discount (percent)", decimal: true, hint: "0 to 100, up to two decimals" },
          ]}
          onSaved={done}
          onCancel={cancel}
        />
      )}
    />
  );
}
