"use client";

import { controlClass, labelClass } from "./control-styles";

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether [from, to) is a valid range of UTC days. */
export function isDayRange(from: string, to: string): boolean {
  return DAY_PATTERN.test(from) && DAY_PATTERN.test(to) && from < to;
}

/** "From (UTC, included)" and "Until (UTC, not included)" date inputs of a range of UTC days. */
export function DayRangeInputs({ from, to, onChange }: { from: string; to: string; onChange: (change: { from?: string; to?: string }) => void }) {
  return (
    <>
      <label className={labelClass}>
        From (UTC, included)
        <input type="date" className={controlClass} value={from} max={to} onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className={labelClass}>
        Until (UTC, not included)
        <input type="date" className={controlClass} value={to} min={from} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
    </>
  );
}

/** What a view shows instead of its data while the range is not valid. */
export function InvalidDayRange() {
  return (
    <p role="alert" className="text-sm text-danger">
      Choose a first day before the last one.
    </p>
  );
}
