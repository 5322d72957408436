"use client";

import { Check, Copy } from "lucide-react";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** Copies text to the clipboard; `copied` is true for a moment afterwards. */
export function useCopyToClipboard(resetMs = 1500) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(
    async (text: string) => {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), resetMs);
    },
    [resetMs],
  );
  return { copied, copy };
}

/**
 * A value shown as usual (formatted money, a shortened id…) with a small button that copies its
 * exact form ("-25.50", the full UUID). `label` names what is copied, for screen readers.
 */
export function CopyValue({ value, label, children, className }: { value: string; label: string; children?: ReactNode; className?: string }) {
  const { copied, copy } = useCopyToClipboard();
  return (
    <span data-slot="copy-value" className={cn("group inline-flex items-center gap-1", className)}>
      {children ?? <span className="tabular">{value}</span>}
      <button
        type="button"
        onClick={() => void copy(value)}
        aria-label={copied ? `Copied ${label}` : `Copy ${label}: ${value}`}
        title={copied ? "Copied" : `Copy ${value}`}
        className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded text-muted hover:bg-bg hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
      >
        {copied ? <Check aria-hidden className="h-3.5 w-3.5 text-success" /> : <Copy aria-hidden className="h-3.5 w-3.5" />}
      </button>
    </span>
  );
}
