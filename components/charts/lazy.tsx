"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// Recharts is loaded only when a chart is on screen, never in a page's first-load JS; the charts
// measure the browser's layout, so they aren't rendered on the server either.
export const LazyBalanceHistoryChart = dynamic(() => import("./balance-history-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

export const LazyDailySpendChart = dynamic(() => import("./daily-spend-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-56 w-full" />,
});
