"use client";

// A page of the dashboard failed to render: the navigation stays up and the page can be retried.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-danger/40 bg-surface p-6">
      <h1 className="text-xl font-semibold">This page couldn&apos;t be shown</h1>
      <p className="mt-2 text-sm text-muted">
        Something went wrong while preparing it. The rest of the dashboard still works; trying again often helps.
      </p>
      {digest ? <p className="mt-2 text-xs text-muted">Reference for the administrator: {digest}</p> : null}
      <Button className="mt-4" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
