"use client";

import { displayPrefs } from "@/lib/display-prefs";
import { formatMoney } from "@/lib/format";

/** Tooltip content for money charts: exact amounts from the row's decimal strings, not the plotted floats. */
export function MoneyTooltip({
  active,
  title,
  rows,
  currency,
}: {
  active: boolean;
  title: string | undefined;
  rows: { label: string; amount: string; color?: string }[];
  currency: string;
}) {
  if (!active || !title) return null;
  return (
    <div className="rounded-md border border-border bg-surface p-2 text-xs shadow-md">
      <p className="mb-1 font-semibold">{title}</p>
      <ul className="space-y-0.5">
        {rows.map((r) => (
          <li key={r.label} className="flex items-center justify-between gap-4">
            <span className="flex items-center gap-1.5">
              {r.color ? <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ background: r.color }} /> : null}
              {r.label}
            </span>
            <span className="tabular">{formatMoney(r.amount, currency)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Axis ticks: compact money ("$1.2K"). Only for ticks; amounts shown as values are exact. */
export function compactMoney(value: number, currency: string): string {
  return new Intl.NumberFormat(displayPrefs().locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(value);
}
