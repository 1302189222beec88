// The sales manager's dashboard (#/dashboard): orders and ordered value per day, week or month
// of a period against the same days a year earlier (two charts and a table), the top customers
// and items of the period, open orders by status, the holds waiting and DSO. Every table
// exports its rows as CSV. Figures come from GET /api/v1/reports/… (reports.read) and
// GET /api/v1/ar/dso; amounts are the API's exact decimal strings.
import { useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, FieldError } from "../api";
import { addDays, today, wholeUnits } from "./period";
import { ReportTable } from "./report_table";
import {
  Dso,
  Interval,
  loadDso,
  loadOpenOrders,
  loadSales,
  loadTopCustomers,
  loadTopItems,
  OpenOrders,
  Period,
  SalesReport,
  TopCustomers,
  TopItems,
} from "./reports";
import { SeriesChart } from "./series_chart";

// What the charts' legend calls a bucket.
const X_NAMES: Record<Interval, string> = { day: "Day", week: "Week of", month: "Month" };

const INTERVALS: { value: Interval; label: string }[] = [
  { value: "day", label: "Day" },
  { value: "week", label: "Week" },
  { value: "month", label: "Month" },
];

interface Figures {
  sales: SalesReport;
  customers: TopCustomers;
  items: TopItems;
  open: OpenOrders;
}

function words(s: string): string {
  return s.replace(/_/g, " ");
}

// The label of a bucket: its first day, or its month for month buckets.
function bucketLabel(start: string, interval: Interval): string {
  return interval === "month" ? start.slice(0, 7) : start;
}

function FieldMessage({ errors, field }: { errors: FieldError[]; field: string }) {
  const mine = errors.filter((e) => e.field === field);
  if (mine.length === 0) return null;
  return (
    <span id={`dash-${field}-error`} class="error field-error" role="alert">
      {mine.map((e) => e.message).join("; ")}
    </span>
  );
}

export function Dashboard() {
  // The last five weeks by day: the demo's 13 months of history cover their year-earlier days.
  const [period, setPeriod] = useState<Period>(() => ({ from: addDays(today(), -34), to: today() }));
  const [draft, setDraft] = useState<Period>(period);
  const [grouping, setGrouping] = useState<Interval>("day");
  const [figures, setFigures] = useState<Figures | null>(null);
  const [dso, setDso] = useState<Dso | null>(null);
  const [dsoError, setDsoError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    setFieldErrors([]);
    Promise.all([loadSales(period, grouping), loadTopCustomers(period), loadTopItems(period), loadOpenOrders()])
      .then(([sales, customers, items, open]) => {
        if (current) setFigures({ sales, customers, items, open });
      })
      .catch((e: ApiError) => {
        if (!current) return;
        setError(e.message);
        setFieldErrors(e.errors ?? []);
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [period, grouping]);

  useEffect(() => {
    loadDso()
      .then(setDso)
      .catch((e: ApiError) => setDsoError(e.message));
  }, []);

  const series = useMemo(() => {
    if (!figures) return null;
    const points = figures.sales.points;
    const unit = figures.sales.interval;
    return {
      labels: points.map((p) => bucketLabel(p.start, unit)),
      orders: points.map((p) => p.orders),
      priorOrders: points.map((p) => p.prior_orders),
      revenue: points.map((p) => wholeUnits(p.revenue)),
      priorRevenue: points.map((p) => wholeUnits(p.prior_revenue)),
    };
  }, [figures]);

  const s = figures?.sales;
  const fileSuffix = `${period.from}-to-${period.to}.csv`;
  const currency = s?.currency ?? "USD";

  return (
    <section class="dashboard" aria-labelledby="dashboard-title" aria-busy={loading}>
      <h1 id="dashboard-title">Dashboard</h1>
      <p class="muted">
        Revenue here is <strong>ordered value</strong>: each order's subtotal as placed (before tax and freight), on
        the UTC day it was placed; cancelled orders are left out. Each period is compared with the same days a year
        earlier (52 weeks earlier by day and week, 12 months earlier by month).
      </p>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod({ ...draft });
        }}
      >
        <label for="dash-from">From</label>
        <input
          id="dash-from"
          type="date"
          value={draft.from}
          required
          aria-invalid={fieldErrors.some((e) => e.field === "from")}
          aria-describedby={fieldErrors.some((e) => e.field === "from") ? "dash-from-error" : undefined}
          onInput={(e) => setDraft({ ...draft, from: (e.target as HTMLInputElement).value })}
        />
        <FieldMessage errors={fieldErrors} field="from" />
        <label for="dash-to">To</label>
        <input
          id="dash-to"
          type="date"
          value={draft.to}
          required
          aria-invalid={fieldErrors.some((e) => e.field === "to")}
          aria-describedby={fieldErrors.some((e) => e.field === "to") ? "dash-to-error" : undefined}
          onInput={(e) => setDraft({ ...draft, to: (e.target as HTMLInputElement).value })}
        />
        <FieldMessage errors={fieldErrors} field="to" />
        <button type="submit">Show</button>
        <fieldset class="interval">
          <legend>Group by</legend>
          {INTERVALS.map((i) => (
            <label>
              <input
                type="radio"
                name="dash-interval"
                value={i.value}
                checked={grouping === i.value}
                onChange={() => setGrouping(i.value)}
              />
              {i.label}
            </label>
          ))}
        </fieldset>
        <FieldMessage errors={fieldErrors} field="interval" />
      </form>
      {error && fieldErrors.length === 0 && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {loading && <p aria-live="polite">Loading…</p>}

      {figures && s && series && (
        <>
          <dl class="kpis">
            <div>
              <dt>Orders</dt>
              <dd>{s.totals.orders.toLocaleString("en-US")}</dd>
              <dd class="muted">a year earlier {s.totals.prior_orders.toLocaleString("en-US")}</dd>
            </div>
            <div>
              <dt>Ordered value ({currency})</dt>
              <dd>{s.totals.revenue}</dd>
              <dd class="muted">a year earlier {s.totals.prior_revenue}</dd>
            </div>
            <div>
              <dt>Open orders</dt>
              <dd>{figures.open.totals.orders.toLocaleString("en-US")}</dd>
              <dd class="muted">
                {figures.open.totals.value} {figures.open.currency}
              </dd>
            </div>
            <div>
              <dt>Holds waiting</dt>
              <dd>{figures.open.holds.reduce((n, h) => n + h.orders, 0).toLocaleString("en-US")}</dd>
              <dd class="muted">by kind below</dd>
            </div>
            <div>
              <dt>DSO (90 days)</dt>
              <dd>{dso ? (dso.dso === null ? "—" : `${dso.dso} days`) : dsoError ? "—" : "…"}</dd>
              <dd class={dsoError ? "error" : "muted"}>
                {dsoError ?? (dso ? `receivables ${dso.receivables} ${currency}` : "")}
              </dd>
            </div>
          </dl>

          <p class="muted">
            This period: {s.from} to {s.to}. A year earlier: {s.prior_from} to {s.prior_to}.
          </p>
          <div class="charts">
            <SeriesChart
              title={`Orders per ${s.interval}`}
              labels={series.labels}
              current={series.orders}
              prior={series.priorOrders}
              xName={X_NAMES[s.interval]}
              currentName="This period"
              priorName="A year earlier"
              summary={`${s.totals.orders} orders from ${s.from} to ${s.to}, ${s.totals.prior_orders} a year earlier`}
            />
            <SeriesChart
              title={`Ordered value per ${s.interval} (${currency}, whole units)`}
              labels={series.labels}
              current={series.revenue}
              prior={series.priorRevenue}
              xName={X_NAMES[s.interval]}
              currentName="This period"
              priorName="A year earlier"
              summary={`${s.totals.revenue} ${currency} from ${s.from} to ${s.to}, ${s.totals.prior_revenue} a year earlier`}
            />
          </div>

          <ReportTable
            id="dash-series"
            caption={`Orders and ordered value by ${s.interval}`}
            filename={`orders-by-${s.interval}-${fileSuffix}`}
            columns={[
              { heading: "From" },
              { heading: "To" },
              { heading: "Orders", numeric: true },
              { heading: `Ordered value (${currency})`, numeric: true },
              { heading: "Year earlier from" },
              { heading: "Year earlier to" },
              { heading: "Year earlier orders", numeric: true },
              { heading: `Year earlier value (${currency})`, numeric: true },
            ]}
            rows={s.points.map((p) => [
              p.start,
              p.end,
              String(p.orders),
              p.revenue,
              p.prior_start,
              p.prior_end,
              String(p.prior_orders),
              p.prior_revenue,
            ])}
          />

          <div class="columns">
            <ReportTable
              id="dash-top-customers"
              caption="Top customers"
              filename={`top-customers-${fileSuffix}`}
              columns={[
                { heading: "Rank", numeric: true },
                { heading: "Customer" },
                { heading: "Name" },
                { heading: "Orders", numeric: true },
                { heading: `Ordered value (${currency})`, numeric: true },
              ]}
              rows={figures.customers.customers.map((c) => [
                String(c.rank),
                c.customer,
                c.name,
                String(c.orders),
                c.revenue,
              ])}
            />
            <ReportTable
              id="dash-top-items"
              caption="Top items"
              filename={`top-items-${fileSuffix}`}
              columns={[
                { heading: "Rank", numeric: true },
                { heading: "SKU" },
                { heading: "Name" },
                { heading: "Orders", numeric: true },
                { heading: "Quantity (base units)", numeric: true },
                { heading: `Ordered value (${currency})`, numeric: true },
              ]}
              rows={figures.items.items.map((i) => [
                String(i.rank),
                i.sku,
                i.name,
                String(i.orders),
                String(i.quantity),
                i.revenue,
              ])}
            />
          </div>

          <div class="columns">
            <ReportTable
              id="dash-statuses"
              caption="Open orders by status (now)"
              filename="open-orders-by-status.csv"
              empty="No open orders."
              columns={[
                { heading: "Status" },
                { heading: "Orders", numeric: true },
                { heading: `Value (${figures.open.currency})`, numeric: true },
              ]}
              rows={figures.open.statuses.map((r) => [words(r.status), String(r.orders), r.value])}
            />
            <ReportTable
              id="dash-holds"
              caption="Holds waiting (now)"
              filename="holds-waiting.csv"
              empty="No order is waiting on a hold."
              columns={[
                { heading: "Hold kind" },
                { heading: "Orders", numeric: true },
                { heading: `Value (${figures.open.currency})`, numeric: true },
              ]}
              rows={figures.open.holds.map((h) => [h.kind, String(h.orders), h.value])}
            />
          </div>
        </>
      )}
    </section>
  );
}
