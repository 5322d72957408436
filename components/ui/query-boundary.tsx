"use client";

import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { Suspense, type ReactNode } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { LoadingBlock } from "./skeleton";
import { ErrorState } from "./states";

/**
 * Each widget sits in its own boundary: while its query loads it shows a skeleton, and when it
 * fails it shows the error with "Try again" — one failing card never blanks the page.
 */
export function QueryBoundary({ children, label, fallback }: { children: ReactNode; label: string; fallback?: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallbackRender={({ error, resetErrorBoundary }) => (
            <ErrorState title={`Couldn't load ${label}`} error={error} onRetry={resetErrorBoundary} />
          )}
        >
          <Suspense fallback={fallback ?? <LoadingBlock label={label} />}>{children}</Suspense>
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
