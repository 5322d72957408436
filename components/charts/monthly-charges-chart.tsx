"use client";

// Loaded lazily (components/charts/lazy.tsx) so recharts stays out of the first-load JS.
import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHARGE_KINDS, type MonthlyChargesPoint } from "@/lib/charges/monthly";
import { formatMonth } from "@/lib/format";
import { compactMoney, MoneyTooltip } from "./chart-tooltip";

const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];

export interface MonthlyChargesChartProps {
  points: MonthlyChargesPoint[];
  currency: string;
  selectedMonth?: string | null;
  onSelectMonth?: (month: string) => void;
}

export default function MonthlyChargesChart({ points, currency, selectedMonth, onSelectMonth }: MonthlyChargesChartProps) {
  // Recharts plots numbers; the decimal strings stay in the row for the tooltip.
  const data = points.map((p) => ({
    ...p,
    label: formatMonth(`${p.month}-01`, true),
    ...Object.fromEntries(CHARGE_KINDS.map((k) => [`${k.key}_n`, Number(p[k.key])])),
  }));
  return (
    <div className="h-72 w-full" data-testid="monthly-charges-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} stackOffset="sign" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tick={{ fill: "var(--muted)", fontSize: 12 }} tickLine={false} axisLine={{ stroke: "var(--border)" }} />
          <YAxis tickFormatter={(v: number) => compactMoney(v, currency)} tick={{ fill: "var(--muted)", fontSize: 12 }} tickLine={false} axisLine={false} width={64} />
          <ReferenceLine y={0} stroke="var(--muted)" />
          <Tooltip
            cursor={{ fill: "var(--border)", opacity: 0.4 }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
              return (
                <MoneyTooltip
                  active={active}
                  currency={currency}
                  title={row ? formatMonth(`${row.month}-01`) : undefined}
                  rows={
                    row
                      ? [...CHARGE_KINDS.map((k, i) => ({ label: k.label, amount: row[k.key], color: COLORS[i] })), { label: "Total", amount: row.total }]
                      : []
                  }
                />
              );
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12, color: "var(--fg)" }} />
          {CHARGE_KINDS.map((k, i) => (
            <Bar
              key={k.key}
              dataKey={`${k.key}_n`}
              name={k.label}
              stackId="charges"
              fill={COLORS[i]}
              isAnimationActive={false}
              cursor={onSelectMonth ? "pointer" : undefined}
              onClick={onSelectMonth ? (item) => onSelectMonth((item.payload as MonthlyChargesPoint).month) : undefined}
              activeBar={false}
            >
              {/* The selected month stands out; the others fade. */}
              {data.map((p) => (
                <Cell key={p.month} fillOpacity={!selectedMonth || p.month === selectedMonth ? 1 : 0.4} />
              ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
