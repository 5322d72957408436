"use client";

// Loaded lazily (components/charts/lazy.tsx) so recharts stays out of the first-load JS.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayTotal } from "@/lib/history/series";
import { formatDate } from "@/lib/format";
import { compactMoney, MoneyTooltip } from "./chart-tooltip";

export interface DailySpendChartProps {
  days: DayTotal[];
  currency: string;
}

export default function DailySpendChart({ days, currency }: DailySpendChartProps) {
  const data = days.map((d) => ({ ...d, label: formatDate(d.date), cost_n: Number(d.cost) }));
  return (
    <div className="h-56 w-full" data-testid="daily-spend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 12 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} minTickGap={16} />
          <YAxis tickFormatter={(v: number) => compactMoney(v, currency)} tick={{ fill: "var(--muted)", fontSize: 12 }} tickLine={false} axisLine={false} width={64} />
          <Tooltip
            cursor={{ fill: "var(--border)", opacity: 0.4 }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
              return <MoneyTooltip active={active} currency={currency} title={row ? `${formatDate(row.date)} (UTC)` : undefined} rows={row ? [{ label: "Usage", amount: row.cost }] : []} />;
            }}
          />
          <Bar dataKey="cost_n" name="Usage cost" fill="var(--chart-2)" isAnimationActive={false} activeBar={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
