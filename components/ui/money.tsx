import { formatMoney } from "@/lib/format";
import { cn } from "@/lib/utils/cn";

/** An amount in the account's currency; negative amounts (credits) are marked as such. */
export function Money({ amount, currency, className, testId }: { amount: string; currency: string; className?: string; testId?: string }) {
  const negative = amount.trim().startsWith("-");
  return (
    <span data-testid={testId} className={cn("tabular", negative && "text-success", className)} title={`${amount} ${currency}`}>
      {formatMoney(amount, currency)}
      {negative ? <span className="sr-only"> (credit)</span> : null}
    </span>
  );
}
