"use client";

import { QueryErrorResetBoundary, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { Suspense, useState, type ReactNode } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { LoadingBlock } from "./skeleton";
import { ErrorState } from "./states";

/**
 * Each widget sits in its own boundary: while its query loads it shows a skeleton, and when it
 * fails it shows the error with "Try again" — one failing card never blanks the page.
 *
 * `ready`: the keys of the queries the widget suspends on, when their keys never change while it is
 * mounted. If all of them hold data when the widget first renders (the page prefetched them), there
 * is nothing to wait for and no Suspense boundary is rendered, on the server and in the browser
 * alike: the content is then part of the page's first paint. (React streams a completed boundary
 * apart from the page once the page passes 12.8 kB, and shows it at least 300 ms after the first
 * paint: for the cards at the top of a page, that was the Largest Contentful Paint.)
 */
export function QueryBoundary({ children, label, fallback, ready }: { children: ReactNode; label: string; fallback?: ReactNode; ready?: readonly QueryKey[] }) {
  const client = useQueryClient();
  // Decided once: the boundary's shape must not change between the server's render and hydration.
  const [inline] = useState(() => !!ready?.length && ready.every((key) => client.getQueryData(key) !== undefined));
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          onReset={reset}
          fallbackRender={({ error, resetErrorBoundary }) => (
            <ErrorState title={`Couldn't load ${label}`} error={error} onRetry={resetErrorBoundary} />
          )}
        >
          {inline ? children : <Suspense fallback={fallback ?? <LoadingBlock label={label} />}>{children}</Suspense>}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}
