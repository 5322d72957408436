"use client";

// Loaded lazily by the health panel so recharts stays out of the page's first-load JS.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketLabel, type HealthBucket } from "@/lib/webhooks/health";

export default function HealthChart({ buckets, hourly }: { buckets: HealthBucket[]; hourly: boolean }) {
  const data = buckets.map((b) => ({
    label: bucketLabel(b.start, hourly),
    delivered: b.deliveries - b.failed,
    failed: b.failed,
    rate: b.failureRate === null ? null : Math.round(b.failureRate * 1000) / 10,
  }));
  return (
    <div className="h-64 w-full" data-testid="health-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 11 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} minTickGap={16} />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fill: "var(--muted)", fontSize: 11 }} tickLine={false} axisLine={false} width={40} />
          <YAxis
            yAxisId="rate"
            orientation="right"
            domain={[0, 100]}
            tickFormatter={(v: number) => `${v}%`}
            tick={{ fill: "var(--muted)", fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            width={44}
          />
          <Tooltip
            contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--fg)", fontSize: 12 }}
            formatter={(value, name) => (name === "Failure rate" ? [value === null ? "—" : `${value}%`, name] : [value, name])}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: "var(--fg)" }} />
          <Bar yAxisId="count" dataKey="delivered" name="Delivered" stackId="d" fill="var(--chart-1)" isAnimationActive={false} />
          <Bar yAxisId="count" dataKey="failed" name="Failed" stackId="d" fill="var(--chart-3)" isAnimationActive={false} />
          <Line yAxisId="rate" dataKey="rate" name="Failure rate" stroke="var(--danger)" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
