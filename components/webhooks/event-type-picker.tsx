"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control-styles";
import { COMMON_EVENT_TYPES, EVENT_TYPE_PATTERN } from "@/lib/webhooks/event-types";

/** Several event types at once: common ones as checkboxes, any other typed in. */
export function EventTypePicker({ selected, seen, onChange }: { selected: string[]; seen: string[]; onChange: (types: string[]) => void }) {
  const [custom, setCustom] = useState("");
  const options = [...new Set([...COMMON_EVENT_TYPES, ...seen, ...selected])].sort();
  const toggle = (t: string) => onChange(selected.includes(t) ? selected.filter((s) => s !== t) : [...selected, t]);
  const customValid = EVENT_TYPE_PATTERN.test(custom.trim());
  return (
    <details className="relative">
      <summary className={`${controlClass} flex cursor-pointer list-none items-center gap-1`} aria-label={`Event types: ${selected.length ? selected.join(", ") : "all"}`}>
        Event types{selected.length ? ` (${selected.length})` : ": all"} <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute z-20 mt-1 max-h-80 w-72 max-w-[calc(100vw-2rem)] overflow-auto max-sm:fixed max-sm:inset-x-4 max-sm:w-auto rounded-md border border-border bg-surface p-2 shadow-lg">
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-muted">Show deliveries of these event types</legend>
          {options.map((t) => (
            <label key={t} className="flex items-center gap-2 py-0.5 text-sm">
              <input type="checkbox" checked={selected.includes(t)} onChange={() => toggle(t)} />
              <span className="font-mono text-xs">{t}</span>
            </label>
          ))}
        </fieldset>
        <form
          className="mt-2 flex items-end gap-1 border-t border-border pt-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (!customValid) return;
            const t = custom.trim();
            if (!selected.includes(t)) onChange([...selected, t]);
            setCustom("");
          }}
        >
          <label className="flex flex-1 flex-col gap-1 text-xs text-muted">
            Other event type
            <input className={controlClass} value={custom} onChange={(e) => setCustom(e.target.value)} placeholder="e.g. call.speak.ended" />
          </label>
          <Button type="submit" size="sm" variant="secondary" disabled={!customValid}>
            Add
          </Button>
        </form>
        {selected.length ? (
          <Button variant="ghost" size="sm" className="mt-1" onClick={() => onChange([])}>
            Clear event types
          </Button>
        ) : null}
      </div>
    </details>
  );
}
