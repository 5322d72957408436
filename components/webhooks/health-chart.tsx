"use client";

// Deliveries per hour or day (stacked: delivered, failed) and the failure rate, drawn as plain SVG.
// It was a Recharts chart: its 120 kB of JavaScript and its render, one long task on the main
// thread right after the page loaded, cost /webhooks its Lighthouse budget (#16). The exact
// figures are in the table view under the chart; hovering a bar shows its bucket's.
import { bucketLabel, type HealthBucket } from "@/lib/webhooks/health";

const TICKS = [0, 1, 2, 3, 4] as const;
const LEGEND = [
  { label: "Delivered", color: "var(--chart-1)", line: false },
  { label: "Failed", color: "var(--chart-3)", line: false },
  { label: "Failure rate", color: "var(--danger)", line: true },
];
const pct = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

export default function HealthChart({ buckets, hourly }: { buckets: HealthBucket[]; hourly: boolean }) {
  const n = Math.max(buckets.length, 1);
  // The count axis: four equal whole steps above the busiest bucket.
  const top = Math.max(4, Math.ceil(Math.max(0, ...buckets.map((b) => b.deliveries)) / 4) * 4);
  const y = (count: number) => 100 - (count / top) * 100;
  const labelEvery = Math.ceil(n / 6);
  // Buckets without deliveries have no rate: the line joins the ones that have.
  const ratePoints = buckets.flatMap((b, i) => (b.failureRate === null ? [] : [`${i + 0.5},${100 - b.failureRate * 100}`])).join(" ");
  const total = buckets.reduce((s, b) => s + b.deliveries, 0);
  const failed = buckets.reduce((s, b) => s + b.failed, 0);
  return (
    <div
      className="flex h-64 w-full flex-col text-[11px] text-muted"
      data-testid="health-chart"
      role="img"
      aria-label={`${total} deliveries in ${buckets.length} ${hourly ? "hours" : "days"}, ${failed} failed; the table view lists each ${hourly ? "hour" : "day"}.`}
    >
      <div className="flex min-h-0 flex-1 pt-2">
        <div className="relative w-10 shrink-0">
          {TICKS.map((k) => (
            <span key={k} className="tabular absolute right-1.5 -translate-y-1/2" style={{ top: `${100 - k * 25}%` }}>
              {(top * k) / 4}
            </span>
          ))}
        </div>
        <svg className="h-full min-w-0 flex-1 overflow-visible" viewBox={`0 0 ${n} 100`} preserveAspectRatio="none" aria-hidden="true">
          {TICKS.map((k) => (
            <line key={k} x1={0} x2={n} y1={k * 25} y2={k * 25} stroke="var(--border)" vectorEffect="non-scaling-stroke" />
          ))}
          {buckets.map((b, i) => (
            <g key={b.start}>
              <title>{`${bucketLabel(b.start, hourly)}: ${b.deliveries - b.failed} delivered, ${b.failed} failed, failure rate ${pct(b.failureRate)}`}</title>
              <rect x={i} y={0} width={1} height={100} fill="transparent" />
              <rect x={i + 0.15} width={0.7} y={y(b.deliveries - b.failed)} height={((b.deliveries - b.failed) / top) * 100} fill="var(--chart-1)" />
              <rect x={i + 0.15} width={0.7} y={y(b.deliveries)} height={(b.failed / top) * 100} fill="var(--chart-3)" />
            </g>
          ))}
          <polyline points={ratePoints} fill="none" stroke="var(--danger)" strokeWidth={2} vectorEffect="non-scaling-stroke" />
        </svg>
        <div className="relative w-11 shrink-0">
          {TICKS.map((k) => (
            <span key={k} className="tabular absolute left-1.5 -translate-y-1/2" style={{ top: `${100 - k * 25}%` }}>
              {k * 25}%
            </span>
          ))}
        </div>
      </div>
      <div className="relative mr-11 ml-10 h-5" aria-hidden="true">
        {buckets.map((b, i) =>
          i % labelEvery === 0 ? (
            <span key={b.start} className="absolute top-1 -translate-x-1/2 whitespace-nowrap" style={{ left: `${((i + 0.5) / n) * 100}%` }}>
              {bucketLabel(b.start, hourly)}
            </span>
          ) : null,
        )}
      </div>
      <ul className="flex h-6 items-center justify-center gap-4 text-xs text-fg" aria-hidden="true">
        {LEGEND.map((item) => (
          <li key={item.label} className="flex items-center gap-1">
            <span className={item.line ? "h-0.5 w-3" : "h-2.5 w-2.5"} style={{ background: item.color }} />
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
