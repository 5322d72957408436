import type { InputHTMLAttributes, Ref } from "react";
import { inputClassName } from "@/components/ui/form-field";
import { normalizeAmountInput } from "@/lib/money";
import { cn } from "@/lib/utils/cn";

/** Register options for an amount field: "200" and "200.5" reach the form's check as "200.00" and "200.50". */
export const AMOUNT_FIELD = { setValueAs: (value: unknown) => (typeof value === "string" ? normalizeAmountInput(value) : value) };

/**
 * A money amount typed as text, never a number input. People type "200" or "200.5"; on leaving
 * the field it reads "200.00" / "200.50", which is what is sent (the API keeps its strict format).
 */
export function AmountInput({
  currency,
  className,
  onBlur,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { currency: string; ref?: Ref<HTMLInputElement> }) {
  return (
    <div className="relative">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className={cn(inputClassName, "tabular pr-14", className)}
        {...props}
        onBlur={(event) => {
          const normalized = normalizeAmountInput(event.target.value);
          if (normalized !== event.target.value) event.target.value = normalized;
          onBlur?.(event);
        }}
      />
      <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted">
        {currency}
      </span>
    </div>
  );
}
