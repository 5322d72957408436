"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormField, inputClassName } from "@/components/ui/form-field";
import { MAX_RANGE_DAYS } from "@/lib/telnyx/contract";
import { chargesRange, type ChargesRange } from "@/lib/telnyx/schemas/charges";

export function CustomRangeForm({ id, initial, onRange }: { id: string; initial: ChargesRange | null; onRange: (range: ChargesRange) => void }) {
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
