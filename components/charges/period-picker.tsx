"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control-styles";
import { FormField, inputClassName } from "@/components/ui/form-field";
import { addMonths, lastMonths, MONTH_KEY_PATTERN, monthOf, type MonthKey } from "@/lib/charges/months";
import type { SelectedPeriod } from "@/lib/charges/period";
import { formatMonth } from "@/lib/format";
import { chargesRange, MAX_RANGE_DAYS, type ChargesRange } from "@/lib/telnyx/schemas/charges";
import { cn } from "@/lib/utils/cn";


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

function CustomRangeForm({ id, initial, onRange }: { id: string; initial: ChargesRange | null; onRange: (range: ChargesRange) => void }) {
  // The server's own schema: a range the form accepts is one the API accepts (≤ 31 days, end after start).
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ChargesRange>({
    resolver: zodResolver(chargesRange),
    defaultValues: initial ?? { start_date: "", end_date: "" },
    reValidateMode: "onChange",
  });
  return (
    <form
      id={id}
      noValidate
      aria-label="Custom date range"
      onSubmit={handleSubmit((range) => onRange(range))}
      className="flex flex-wrap items-start gap-3 rounded-md border border-border bg-bg p-3"
    >
      <FormField label="From" error={errors.start_date?.message} className="w-44">
        {(field) => <input type="date" className={inputClassName} {...field} {...register("start_date")} />}
      </FormField>
      <FormField
        label="Until (not included)"
        hint={`At most ${MAX_RANGE_DAYS} days, in UTC. May is 1 May until 1 June.`}
        error={errors.end_date?.message}
        className="w-60"
      >
        {(field) => <input type="date" className={inputClassName} {...field} {...register("end_date")} />}
      </FormField>
      <Button type="submit" className="mt-6">
        Show range
      </Button>
    </form>
  );
}
