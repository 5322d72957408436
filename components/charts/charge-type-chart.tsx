"use client";

// Loaded lazily (components/charts/lazy.tsx) so recharts stays out of the first-load JS.
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChargeTypeCost } from "@/lib/charges/breakdown";
import { chargeTypeLabel } from "./charge-type-label";
import { compactMoney, MoneyTooltip } from "./chart-tooltip";


export default function ChargeTypeChart({ costs, currency }: { costs: ChargeTypeCost[]; currency: string }) {
  const data = costs.map((c) => ({ ...c, label: chargeTypeLabel(c.charge_type), value: Number(c.cost) }));
  return (
    <div className="w-full" style={{ height: Math.max(120, data.length * 44 + 40) }} data-testid="charge-type-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" tickFormatter={(v: number) => compactMoney(v, currency)} tick={{ fill: "var(--muted)", fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={100} tick={{ fill: "var(--fg)", fontSize: 12 }} tickLine={false} />
          <Tooltip
            cursor={{ fill: "var(--border)", opacity: 0.4 }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as (typeof data)[number] | undefined;
              return (
                <MoneyTooltip
                  active={active}
                  currency={currency}
                  title={row ? `${row.label} (${row.numbers} numbers)` : undefined}
                  rows={row ? [{ label: "Cost", amount: row.cost, color: "var(--chart-2)" }] : []}
                />
              );
            }}
          />
          <Bar dataKey="value" name="Cost" fill="var(--chart-2)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
