import type { WriteErrorMessage } from "@/lib/billing/write-errors";
import { cn } from "@/lib/utils/cn";

/** A failed write, said so a person knows what to do next; the server's reason quoted as text. */
export function WriteErrorAlert({ message, className }: { message: WriteErrorMessage; className?: string }) {
  const unknown = message.kind === "outcome_unknown";
  return (
    <div
      role="alert"
      data-kind={message.kind}
      className={cn(
        "rounded-md border p-3 text-sm",
        unknown ? "border-warning/50 bg-warning/10" : "border-danger/40 bg-danger/5",
        className,
      )}
    >
      <p className={cn("font-semibold", unknown ? "text-warning" : "text-danger")}>{message.title}</p>
      <p className="mt-1">{message.detail}</p>
      {message.reason && message.reason !== message.detail ? (
        <p className="mt-1 text-muted">
          <span className="font-medium text-fg">Reason: </span>
          {message.reason}
        </p>
      ) : null}
    </div>
  );
}
