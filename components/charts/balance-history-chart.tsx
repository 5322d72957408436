"use client";

// Loaded lazily (components/charts/lazy.tsx) so recharts stays out of the first-load JS.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BalanceChartRow } from "@/lib/history/series";
import { formatDate, formatDateTime } from "@/lib/format";
import { compactMoney, MoneyTooltip } from "./chart-tooltip";

export interface BalanceHistoryChartProps {
  rows: BalanceChartRow[];
  currency: string;
}

// Steps (stepAfter): a balance holds until the next point, so a top-up shows as a jump. The
// reconstructed part is dashed and named in the legend and tooltip.
export default function BalanceHistoryChart({ rows, currency }: BalanceHistoryChartProps) {
  return (
    <div className="h-64 w-full" data-testid="balance-history-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={(t: number) => formatDate(new Date(t).toISOString())}
            tick={{ fill: "var(--muted)", fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: "var(--border)" }}
          />
          <YAxis tickFormatter={(v: number) => compactMoney(v, currency)} tick={{ fill: "var(--muted)", fontSize: 12 }} tickLine={false} axisLine={false} width={64} />
          <Tooltip
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as BalanceChartRow | undefined;
              return (
                <MoneyTooltip
                  active={active}
                  currency={currency}
                  title={row ? `${row.source === "reconstructed" ? formatDate(row.at) : formatDateTime(row.at)}${row.source === "reconstructed" ? " (reconstructed)" : ""}` : undefined}
                  rows={row ? [{ label: "Balance", amount: row.balance }] : []}
                />
              );
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: "var(--fg)" }} />
          <Line dataKey="reconstructed" name="Reconstructed from spend and top-ups" type="stepAfter" stroke="var(--chart-3)" strokeDasharray="5 4" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
          <Line dataKey="snapshot" name="Balance (snapshots)" type="stepAfter" stroke="var(--chart-1)" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
