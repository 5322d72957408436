"use client";

import { useState } from "react";
import { formatCount } from "@/lib/format";
import { cn } from "@/lib/utils/cn";

/**
 * Text from anywhere (upstream bodies, headers, tags) rendered as text — never as HTML — and cut
 * at `limit` characters with a "Show all" toggle, so a 10 kB body doesn't swamp the page.
 */
export function TruncatedText({
  text,
  limit = 300,
  className,
  block = false,
  label = "text",
}: {
  text: string;
  limit?: number;
  className?: string;
  /** Preformatted block (keeps line breaks, wraps long lines) instead of inline text. */
  block?: boolean;
  /** What the text is, for the toggle's accessible name ("response body"). */
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  const long = text.length > limit;
  const shown = long && !open ? `${text.slice(0, limit)}…` : text;
  const toggle = long ? (
    <button
      type="button"
      className="ml-1 whitespace-nowrap font-sans text-xs font-medium text-accent underline-offset-2 hover:underline"
      aria-expanded={open}
      aria-label={open ? `Show less of the ${label}` : `Show all of the ${label} (${formatCount(text.length)} characters)`}
      onClick={() => setOpen((o) => !o)}
    >
      {open ? "Show less" : `Show all (${formatCount(text.length)} chars)`}
    </button>
  ) : null;
  if (block)
    return (
      <div data-slot="truncated-text" className={className}>
        <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded-md bg-bg p-2 font-mono text-xs">{shown}</pre>
        {toggle}
      </div>
    );
  return (
    <span data-slot="truncated-text" className={cn("break-all", className)}>
      {shown}
      {toggle}
    </span>
  );
}
