import type { InputHTMLAttributes, Ref } from "react";
import { inputClassName } from "@/components/ui/form-field";
import { cn } from "@/lib/utils/cn";

/** A money amount typed as text ("250.00"), never a number input: what is typed is what is sent. */
export function AmountInput({
  currency,
  className,
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
      />
      <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-muted">
        {currency}
      </span>
    </div>
  );
}
