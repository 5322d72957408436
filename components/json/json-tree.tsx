"use client";

import { createContext, useContext, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { TruncatedText } from "@/components/ui/truncated-text";
import { cn } from "@/lib/utils/cn";
import { formatScalar, isContainer, jsonType, summarize } from "./json-value";

// "Expand all" / "Collapse all" reach every node through a counter: each node re-reads the mode
// when the counter changes and is otherwise free to toggle on its own.
const ExpandContext = createContext<{ version: number; all: boolean | null }>({ version: 0, all: null });

const TYPE_CLASS: Record<string, string> = {
  string: "text-chart-1",
  number: "text-chart-2",
  boolean: "text-chart-3",
  null: "italic text-muted",
  undefined: "italic text-muted",
};

/** A scalar, coloured by its type, written as JSON (strings quoted), long strings cut. */
export function JsonScalar({ value, limit = 200 }: { value: unknown; limit?: number }) {
  const t = jsonType(value);
  return (
    <span className={cn("font-mono", TYPE_CLASS[t])} data-json-type={t}>
      <TruncatedText text={formatScalar(value)} limit={limit} label="value" />
    </span>
  );
}

function Node({ name, value, depth, openDepth }: { name: string | number | null; value: unknown; depth: number; openDepth: number }) {
  const expand = useContext(ExpandContext);
  const [open, setOpen] = useState(expand.all ?? depth < openDepth);
  // "Expand all" / "Collapse all" (a new version) overrides each node's own state, during render.
  const [version, setVersion] = useState(expand.version);
  if (expand.version !== version) {
    setVersion(expand.version);
    if (expand.all !== null) setOpen(expand.all);
  }

  const key =
    name === null ? null : (
      <span className="font-mono text-fg">
        {typeof name === "number" ? name : JSON.stringify(name)}
        <span className="text-muted">: </span>
      </span>
    );
  if (!isContainer(value))
    return (
      <li className="py-0.5 pl-5">
        {key}
        <JsonScalar value={value} />
      </li>
    );
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return (
    <li className="py-0.5">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-baseline gap-1 rounded text-left hover:bg-bg focus-visible:outline-2 focus-visible:outline-accent"
      >
        <span aria-hidden="true" className="inline-block w-4 text-center text-muted">
          {open ? "▾" : "▸"}
        </span>
        {key}
        <span className="font-mono text-muted">{summarize(value)}</span>
      </button>
      {open ? (
        entries.length ? (
          <ul className="ml-2 border-l border-border pl-2">
            {entries.map(([k, v]) => (
              <Node key={k} name={k} value={v} depth={depth + 1} openDepth={openDepth} />
            ))}
          </ul>
        ) : null
      ) : null}
    </li>
  );
}

/**
 * Any JSON value as a collapsible tree; every string is rendered as text. Containers deeper than
 * `openDepth` start collapsed. Optional toolbar: expand/collapse all and copy as JSON.
 */
export function JsonTree({
  value,
  label,
  openDepth = 2,
  toolbar = true,
  className,
}: {
  value: unknown;
  label: string;
  openDepth?: number;
  toolbar?: boolean;
  className?: string;
}) {
  const [expand, setExpand] = useState<{ version: number; all: boolean | null }>({ version: 0, all: null });
  const container = isContainer(value);
  return (
    <div data-slot="json-tree" className={cn("text-xs", className)}>
      {toolbar ? (
        <div className="mb-1 flex flex-wrap items-center gap-1">
          {container ? (
            <>
              <Button variant="ghost" size="sm" onClick={() => setExpand((e) => ({ version: e.version + 1, all: true }))}>
                Expand all
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setExpand((e) => ({ version: e.version + 1, all: false }))}>
                Collapse all
              </Button>
            </>
          ) : null}
          <CopyButton value={JSON.stringify(value, null, 2) ?? "undefined"} label={`Copy ${label} as JSON`} />
        </div>
      ) : null}
      <ExpandContext.Provider value={expand}>
        <ul aria-label={label} className="overflow-x-auto rounded-md bg-bg p-2">
          <Node name={null} value={value} depth={0} openDepth={openDepth} />
        </ul>
      </ExpandContext.Provider>
    </div>
  );
}
