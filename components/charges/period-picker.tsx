"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control-styles";
import { addMonths, lastMonths, MONTH_KEY_PATTERN, monthOf, type MonthKey } from "@/lib/charges/months";
import type { SelectedPeriod } from "@/lib/charges/period";
import { formatMonth } from "@/lib/format";
import type { ChargesRange } from "@/lib/telnyx/schemas/charges";
import { cn } from "@/lib/utils/cn";

// The form (react-hook-form) loads only when someone opens it: most visits pick a month.
const CustomRangeForm = dynamic(() => import("./custom-range-form").then((m) => m.CustomRangeForm));


/** The month select with previous/next, and a custom range form validated with the server's own schema. */
export function PeriodPicker({
  period,
  now,
  onMonth,
  onRange,
}: {
  period: SelectedPeriod;
  now: Date;
  onMonth: (month: MonthKey) => void;
  onRange: (range: ChargesRange) => void;
}) {
  const current = monthOf(now);
  const selected = period.kind === "month" ? period.month : null;
  const months = lastMonths(24, now).reverse();
  if (selected && !months.includes(selected)) months.push(selected);
  const [customOpen, setCustomOpen] = useState(period.kind !== "month");
  const id = useId();

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-month`} className="text-xs font-medium text-muted">
            Month
          </label>
          <div className="flex items-center gap-1">
            <Button
              variant="secondary"
              size="icon"
              className="h-10 w-10"
              aria-label="Previous month"
              onClick={() => onMonth(addMonths(selected ?? current, -1))}
            >
              <ChevronLeft aria-hidden className="h-4 w-4" />
            </Button>
            <select
              id={`${id}-month`}
              className={cn(controlClass, "h-10 min-w-44")}
              value={selected ?? ""}
              onChange={(e) => MONTH_KEY_PATTERN.test(e.target.value) && onMonth(e.target.value)}
            >
              {selected ? null : <option value="">Custom range</option>}
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(`${m}-01`)}
                  {m === current ? " (so far)" : ""}
                </option>
              ))}
            </select>
            <Button
              variant="secondary"
              size="icon"
              className="h-10 w-10"
              aria-label="Next month"
              disabled={(selected ?? current) >= current}
              onClick={() => onMonth(addMonths(selected ?? current, 1))}
            >
              <ChevronRight aria-hidden className="h-4 w-4" />
            </Button>
          </div>
        </div>
        <Button variant="ghost" aria-expanded={customOpen} aria-controls={`${id}-custom`} onClick={() => setCustomOpen((o) => !o)}>
          {customOpen ? "Hide custom range" : "Custom range"}
        </Button>
      </div>
      {customOpen ? (
        <CustomRangeForm
          id={`${id}-custom`}
          initial={period.kind === "custom" ? period.range : period.kind === "invalid" ? { start_date: period.start, end_date: period.end } : null}
          onRange={onRange}
        />
      ) : null}
    </div>
  );
}
