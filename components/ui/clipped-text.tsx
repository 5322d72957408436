"use client";

import { useState } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * A long single value (a URL, an id) on one line, cut with an ellipsis so it never widens its
 * table or breaks one character per line; the full value is in its tooltip and one click (or
 * Enter) away, shown wrapped in place.
 */
export function ClippedText({ text, className, label = "value" }: { text: string; className?: string; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <button
      type="button"
      data-slot="clipped-text"
      title={text}
      aria-expanded={open}
      aria-label={open ? `${text} (shown in full; activate to shorten)` : `${text} (activate to show the whole ${label})`}
      onClick={() => setOpen((o) => !o)}
      className={cn(
        "block max-w-full cursor-pointer rounded-sm text-left focus-visible:outline-2 focus-visible:outline-accent",
        open ? "whitespace-normal break-all" : "truncate",
        className,
      )}
    >
      {text}
    </button>
  );
}
