import type { ReactNode } from "react";
import { ApiClientError } from "@/lib/api/fetcher";
import { Button } from "./button";

/** What went wrong, in words a person can act on, with a way to try again. */
export function ErrorState({ error, onRetry, title = "Couldn't load this" }: { error: unknown; onRetry?: () => void; title?: string }) {
  const message = error instanceof Error ? error.message : "Something went wrong.";
  const retryAfter = error instanceof ApiClientError ? error.retryAfterSeconds : undefined;
  return (
    <div role="alert" className="rounded-md border border-danger/40 bg-danger/5 p-3 text-sm">
      <p className="font-medium text-danger">{title}</p>
      <p className="mt-1 text-fg">{message}</p>
      {retryAfter ? <p className="mt-1 text-muted">You can try again in {retryAfter} s.</p> : null}
      {onRetry ? (
        <Button variant="secondary" size="sm" className="mt-2" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-border p-6 text-center text-sm">
      <p className="font-medium">{title}</p>
      {children ? <div className="mt-1 text-muted">{children}</div> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
