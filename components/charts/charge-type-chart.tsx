"use client";

// Cost per charge type as horizontal bars in plain HTML: renders with the page, at its final
// size, with no chart library to load. Widths use numbers; the figures beside the chart
// (components/charges/breakdown-card.tsx) and the title show the decimal strings.
import type { ChargeTypeCost } from "@/lib/charges/breakdown";
import { percentOf, valueScale } from "@/lib/charts/scale";
import { formatMoney } from "@/lib/format";
import { chargeTypeLabel } from "./charge-type-label";
import { compactMoney } from "./chart-tooltip";

export function ChargeTypeChart({ costs, currency }: { costs: ChargeTypeCost[]; currency: string }) {
  const values = costs.map((c) => Number(c.cost));
  const scale = valueScale(Math.min(0, ...values), Math.max(0, ...values));
  const zero = percentOf(scale, 0);
  return (
    <div className="w-full text-xs" data-testid="charge-type-chart" role="img" aria-label="Cost by charge type (the figures are listed below)">
      <ul className="space-y-1.5">
        {costs.map((c, i) => {
          const at = percentOf(scale, values[i]!);
          const label = chargeTypeLabel(c.charge_type);
          return (
            <li key={c.charge_type} className="flex items-center gap-2" title={`${label}: ${formatMoney(c.cost, currency)} (${c.numbers} numbers)`}>
              <span className="w-24 shrink-0 truncate text-right">{label}</span>
              <span className="relative h-7 min-w-0 flex-1 border-l border-border">
                <span
                  data-bar={c.charge_type}
                  className="absolute inset-y-0.5 rounded-sm"
                  style={{ left: `${Math.min(zero, at)}%`, width: `${Math.abs(at - zero)}%`, background: "var(--chart-2)" }}
                />
              </span>
            </li>
          );
        })}
      </ul>
      <div className="relative ml-26 mt-1 h-4 text-muted">
        {scale.ticks.map((t) => (
          <span key={t} className="absolute -translate-x-1/2 tabular" style={{ left: `${percentOf(scale, t)}%` }}>
            {compactMoney(t, currency)}
          </span>
        ))}
      </div>
    </div>
  );
}
