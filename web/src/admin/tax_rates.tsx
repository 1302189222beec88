// Admin: sales tax rates, one per ship-to region and item tax class (GET/POST
// /api/v1/tax-rates). Saving a region and class that has a rate replaces it; invoices created
// afterwards use the new rate.
import { KeyedForm } from "./keyed_form";
import { Page } from "./page";

interface TaxRate {
  region: string;
  tax_class: string;
  rate_percent: string;
}

const keyOf = (t: TaxRate) => `${t.region}/${t.tax_class}`;

export function TaxRates() {
  return (
    <Page<TaxRate>
      title="Tax rates"
      noun="tax rate"
      searchLabel="Search region or tax class"
      listPath={() => "/api/v1/tax-rates"}
      matches={(t, q) => t.region.toLowerCase().includes(q) || t.tax_class.toLowerCase().includes(q)}
      keyOf={keyOf}
      columns={[
        { title: "Region", cell: (t) => t.region },
        { title: "Tax class", cell: (t) => t.tax_class },
        { title: "Rate %", cell: (t) => t.rate_percent, number: true },
      ]}
      form={(t, done, cancel) => (
        <KeyedForm<TaxRate>
          title={t ? `Edit tax rate ${keyOf(t)}` : "New tax rate"}
          path="/api/v1/tax-rates"
          record={t}
          fields={[
            { name: "region", label: "Region", key: true, hint: "The ship-to address's region" },
            { name: "tax_class", label: "Tax class", key: true, hint: "The item's tax class" },
            { name: "rate_percent", label: "Rate (percent)", decimal: true, hint: "0 to 100, up to four decimals" },
          ]}
          onSaved={done}
          onCancel={cancel}
        />
      )}
    />
  );
}
