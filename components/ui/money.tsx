import { formatMoney } from "@/lib/format";
import { cn } from "@/lib/utils/cn";

/**
 * An amount in the account's currency; negative amounts are marked as such: credits by default
 * (green, "(credit)" for screen readers), or what `negativeLabel` says (e.g. "owed" for a balance).
 */
export function Money({
  amount,
  currency,
  className,
  testId,
  negativeLabel = "credit",
}: {
  amount: string;
  currency: string;
  className?: string;
  testId?: string;
  negativeLabel?: string;
}) {
  const negative = amount.trim().startsWith("-") && !/^-0*(\.0*)?$/.test(amount.trim());
  return (
    <span
      data-testid={testId}
      data-amount={amount}
      className={cn("tabular", negative && (negativeLabel === "credit" ? "text-success" : "text-danger"), className)}
      title={`${amount} ${currency}`}
    >
      {formatMoney(amount, currency)}
      {negative ? <span className="sr-only"> ({negativeLabel})</span> : null}
    </span>
  );
}
