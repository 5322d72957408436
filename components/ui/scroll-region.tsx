import { forwardRef, type HTMLAttributes } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * A wide table's own scroll area: keyboard-focusable and named (so it can be scrolled without a
 * mouse), and `relative` so absolutely placed descendants (screen-reader-only text) scroll with it
 * instead of widening the page.
 */
export const ScrollRegion = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement> & { label: string }>(function ScrollRegion(
  { label, className, ...props },
  ref,
) {
  return (
    <div
      ref={ref}
      data-slot="scroll-region"
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn("relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-accent", className)}
      {...props}
    />
  );
});
