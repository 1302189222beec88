// A line chart of one figure per bucket, this period's beside a year earlier's, drawn by uPlot
// (canvas). The x axis is the bucket's position, labelled with its first day, so the two series
// line up bucket for bucket. The figures are integers (orders, or whole currency units of an
// exact decimal string): nothing here does arithmetic on money. The table beside the chart
// holds the exact figures; the chart is an image of them for screen readers (role="img").
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

interface Props {
  title: string;
  labels: string[]; // one per bucket, e.g. its first day
  xName: string; // what a bucket is called in the legend ("Day", "Week of")
  current: number[];
  prior: number[];
  currentName: string;
  priorName: string;
  summary: string; // what the chart shows, in words, for screen readers (the exact totals)
}

const HEIGHT = 240;

function chartWidth(el: HTMLElement): number {
  return Math.max(280, Math.floor(el.clientWidth));
}

export function SeriesChart({ title, labels, xName, current, prior, currentName, priorName, summary }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const label = (i: number | null) => (i == null ? "" : labels[Math.round(i)] ?? "");
    const count = (v: number | null) => (v == null ? "" : v.toLocaleString("en-US"));
    const opts: uPlot.Options = {
      width: chartWidth(el),
      height: HEIGHT,
      scales: { x: { time: false } },
      axes: [
        {
          incrs: [1, 2, 5, 7, 10, 14, 20, 30, 50, 100, 200],
          values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? label(i) : "")),
          size: 36,
        },
        { values: (_u, splits) => splits.map((v) => count(v)), size: 70 },
      ],
      series: [
        { label: xName, value: (_u, v) => label(v) },
        { label: currentName, stroke: "#1f5fbf", width: 2, value: (_u, v) => count(v) },
        { label: priorName, stroke: "#6b7280", width: 2, dash: [6, 4], value: (_u, v) => count(v) },
      ],
    };
    const data: uPlot.AlignedData = [labels.map((_, i) => i), current, prior];
    const chart = new uPlot(opts, data, el);
    const resized = new ResizeObserver(() => chart.setSize({ width: chartWidth(el), height: HEIGHT }));
    resized.observe(el);
    return () => {
      resized.disconnect();
      chart.destroy();
    };
  }, [labels, xName, current, prior, currentName, priorName]);

  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <div
        ref={box}
        role="img"
        aria-label={`${title}: ${summary}`}
      />
    </figure>
  );
}
