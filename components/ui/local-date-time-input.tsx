"use client";

import { useState } from "react";
import { controlClass, labelClass } from "./control-styles";

/** "2025-05-01T10:02" in the browser's zone for an ISO instant (what datetime-local shows). */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO instant (UTC) for a datetime-local value read in the browser's zone. */
export function localInputToIso(local: string): string | null {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * A date-and-time field in the user's local time that reports an ISO instant, committed on blur or
 * Enter (not on every keystroke, so the URL and the query don't churn while typing).
 */
export function LocalDateTimeInput({
  label,
  value,
  onChange,
  name,
}: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  name?: string;
}) {
  const [draft, setDraft] = useState(isoToLocalInput(value));
  // A new value from outside (the URL changed) replaces the draft, during render, not in an effect.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setDraft(isoToLocalInput(value));
  }
  const commit = () => {
    if (draft === isoToLocalInput(value)) return;
    onChange(localInputToIso(draft));
  };
  return (
    <label className={labelClass}>
      {label}
      <input
        type="datetime-local"
        name={name}
        className={controlClass}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </label>
  );
}
