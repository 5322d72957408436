"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies an exact value (an id, an amount) to the clipboard and says so. */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      // A long value (a JSON payload, a curl command) would drown the name: say only what it copies.
      aria-label={value.length <= 80 ? `${label}: ${value}` : label}
      onClick={async () => {
        await navigator.clipboard.writeText(value);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </Button>
  );
}
