"use client";

import dynamic from "next/dynamic";
import { startTransition, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { whenIdle } from "@/lib/utils/when-idle";

// Recharts is loaded only when a chart is on screen, never in a page's first-load JS; the charts
// measure the browser's layout, so they aren't rendered on the server either.

/**
 * Renders `children` once its box comes near the viewport and the browser is then idle, in a
 * transition (React yields while it renders); until then a skeleton fills the box's fixed height, so
 * nothing moves when the content arrives, and content nobody scrolls to costs nothing. For charts
 * and other heavy, secondary widgets below a page's first paint.
 */
export function WhenVisible({ className, children }: { className: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (shown || !el) return;
    const show = () => startTransition(() => setShown(true));
    if (typeof IntersectionObserver !== "function") return whenIdle(show);
    let cancelIdle = () => {};
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        cancelIdle = whenIdle(show);
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelIdle();
    };
  }, [shown]);
  if (shown) return children;
  return (
    <div ref={box} className={className}>
      <Skeleton className="h-full w-full" />
    </div>
  );
}

/**
 * A chart module loaded and mounted by WhenVisible: `size` is the chart's own fixed box (e.g.
 * "h-64 w-full"), held by the skeletons while it waits and loads.
 */
export function deferredChart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, size: string): ComponentType<P> {
  const Chart = dynamic(load, { ssr: false, loading: () => <Skeleton className={size} /> });
  function DeferredChart(props: P) {
    return (
      <WhenVisible className={size}>
        <Chart {...props} />
      </WhenVisible>
    );
  }
  return DeferredChart;
}

// The overview's charts sit below its first figures (on a phone, well below): mounted when scrolled to.
export const LazyBalanceHistoryChart = deferredChart(() => import("./balance-history-chart"), "h-64 w-full");

export const LazyDailySpendChart = deferredChart(() => import("./daily-spend-chart"), "h-56 w-full");
