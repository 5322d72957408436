"use client";

// The 12 months' charges, stacked by kind (credits below zero), drawn as plain SVG and HTML: it
// renders with the page (on the server too), at its final size, in a few milliseconds, with no
// chart library to load. Bars are placed in percentages, so the chart follows its box's width
// without measuring it. Geometry uses numbers; the tooltip shows the decimal strings.
import { useState } from "react";
import { CHARGE_KINDS, type MonthlyChargesPoint } from "@/lib/charges/monthly";
import { percentOf, valueScale } from "@/lib/charts/scale";
import { formatMonth } from "@/lib/format";
import { compactMoney, MoneyTooltip } from "./chart-tooltip";

const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];
const PLOT_HEIGHT = 232;
const BAR = 0.6; // of a month's band

export interface MonthlyChargesChartProps {
  points: MonthlyChargesPoint[];
  currency: string;
  selectedMonth?: string | null;
  onSelectMonth?: (month: string) => void;
}

/** Each kind's segment of a month's bar: positive amounts stack up from zero, negative ones down. */
function stack(p: MonthlyChargesPoint) {
  let up = 0;
  let down = 0;
  const segments = CHARGE_KINDS.map((k, i) => {
    const v = Number(p[k.key]);
    const from = v >= 0 ? up : down;
    if (v >= 0) up += v;
    else down += v;
    return { key: k.key, from, to: from + v, color: COLORS[i]! };
  });
  return { segments, up, down };
}

export function MonthlyChargesChart({ points, currency, selectedMonth, onSelectMonth }: MonthlyChargesChartProps) {
  const [hovered, setHovered] = useState<number | null>(null);
  const stacks = points.map(stack);
  const scale = valueScale(Math.min(0, ...stacks.map((s) => s.down)), Math.max(0, ...stacks.map((s) => s.up)));
  const top = (v: number) => 100 - percentOf(scale, v); // % from the top of the plot
  const band = 100 / Math.max(1, points.length);
  const shown = hovered === null ? null : points[hovered];
  return (
    <div className="w-full" data-testid="monthly-charges-chart">
      <div className="relative flex" style={{ height: PLOT_HEIGHT }}>
        <div aria-hidden className="relative w-16 shrink-0 text-xs text-muted">
          {scale.ticks.map((t) => (
            <span key={t} className="absolute right-2 -translate-y-1/2 tabular" style={{ top: `${top(t)}%` }}>
              {compactMoney(t, currency)}
            </span>
          ))}
        </div>
        <svg
          className="h-full min-w-0 flex-1 overflow-visible"
          role="img"
          aria-label="Charges of the last 12 months by kind (the figures are in the table below)"
          onMouseLeave={() => setHovered(null)}
        >
          {scale.ticks.map((t) => (
            <line key={t} x1="0" x2="100%" y1={`${top(t)}%`} y2={`${top(t)}%`} stroke={t === 0 ? "var(--muted)" : "var(--border)"} />
          ))}
          {stacks.map((s, i) => {
            const month = points[i]!.month;
            const faded = selectedMonth && month !== selectedMonth;
            return (
              <g key={month} data-month={month} fillOpacity={faded ? 0.4 : 1}>
                {hovered === i ? <rect x={`${band * i}%`} width={`${band}%`} y="0" height="100%" fill="var(--border)" opacity={0.4} /> : null}
                {s.segments
                  .filter((seg) => seg.to !== seg.from)
                  .map((seg) => (
                    <rect
                      key={seg.key}
                      data-bar={seg.key}
                      x={`${band * (i + (1 - BAR) / 2)}%`}
                      width={`${band * BAR}%`}
                      y={`${top(Math.max(seg.from, seg.to))}%`}
                      height={`${Math.abs(top(seg.from) - top(seg.to))}%`}
                      fill={seg.color}
                    />
                  ))}
                <rect
                  x={`${band * i}%`}
                  width={`${band}%`}
                  y="0"
                  height="100%"
                  fill="transparent"
                  className={onSelectMonth ? "cursor-pointer" : undefined}
                  onMouseEnter={() => setHovered(i)}
                  onClick={onSelectMonth ? () => onSelectMonth(month) : undefined}
                />
              </g>
            );
          })}
        </svg>
        {shown && hovered !== null ? (
          <div
            className="pointer-events-none absolute top-0 z-10"
            style={
              hovered < points.length / 2
                ? { left: `calc(4rem + (100% - 4rem) * ${(hovered + 1) / points.length})` }
                : { right: `calc((100% - 4rem) * ${(points.length - hovered) / points.length})` }
            }
          >
            <MoneyTooltip
              active
              currency={currency}
              title={formatMonth(`${shown.month}-01`)}
              rows={[...CHARGE_KINDS.map((k, i) => ({ label: k.label, amount: shown[k.key], color: COLORS[i] })), { label: "Total", amount: shown.total }]}
            />
          </div>
        ) : null}
      </div>
      <div aria-hidden className="ml-16 flex pt-1 text-xs text-muted">
        {points.map((p) => (
          <span key={p.month} className="min-w-0 flex-1 truncate text-center">
            {formatMonth(`${p.month}-01`, true)}
          </span>
        ))}
      </div>
      <ul aria-hidden className="mt-2 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs">
        {CHARGE_KINDS.map((k, i) => (
          <li key={k.key} className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: COLORS[i] }} />
            {k.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
