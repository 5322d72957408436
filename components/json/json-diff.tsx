"use client";

import { JsonScalar, JsonTree } from "./json-tree";
import { diffJson, formatPath, isContainer, jsonType, summarize, type DiffEntry } from "./json-value";

const Brief = ({ value }: { value: unknown }) =>
  isContainer(value) ? <span className="text-muted">{summarize(value)}</span> : <JsonScalar value={value} />;

function TypeTag({ value }: { value: unknown }) {
  return <span className="rounded bg-border/60 px-1 font-sans text-[10px] uppercase tracking-wide text-muted">{jsonType(value)}</span>;
}

/** One value on the "from" or "to" side: a scalar inline, a container as a collapsible tree. */
function Side({ value, side, field }: { value: unknown; side: "from" | "to"; field: string }) {
  const Tag = side === "from" ? "del" : "ins";
  const tone = side === "from" ? "border-danger/40 bg-danger/5" : "border-success/40 bg-success/5";
  return (
    <div className={`min-w-0 flex-1 rounded-md border p-2 ${tone}`} data-diff-side={side}>
      <div className="mb-1 flex items-center gap-2 text-xs text-muted">
        <span className="font-medium">{side === "from" ? "From" : "To"}</span>
        <TypeTag value={value} />
      </div>
      <Tag className="no-underline">
        <span className="sr-only">{side === "from" ? "Previous value: " : "New value: "}</span>
        {isContainer(value) ? (
          <JsonTree value={value} label={`${field} ${side === "from" ? "before" : "after"}`} openDepth={1} toolbar={false} />
        ) : (
          <JsonScalar value={value} limit={300} />
        )}
      </Tag>
    </div>
  );
}

function DiffLine({ entry }: { entry: DiffEntry }) {
  const where = formatPath(entry.path) || "(whole value)";
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 py-0.5 font-mono text-xs">
      <span className="text-fg">{where}</span>
      {entry.kind === "changed" ? (
        <>
          <del className="text-danger">
            <Brief value={entry.from} />
          </del>
          <span aria-hidden="true" className="text-muted">→</span>
          <span className="sr-only">changed to</span>
          <ins className="text-success no-underline">
            <Brief value={entry.to} />
          </ins>
        </>
      ) : entry.kind === "added" ? (
        <ins className="text-success no-underline">
          <span className="font-sans">added </span>
          {isContainer(entry.to) ? <span className="text-muted">(see “To”)</span> : <JsonScalar value={entry.to} />}
        </ins>
      ) : (
        <del className="text-danger">
          <span className="font-sans">removed </span>
          {isContainer(entry.from) ? <span className="text-muted">(see “From”)</span> : <JsonScalar value={entry.from} />}
        </del>
      )}
    </li>
  );
}

/**
 * One changed field of an audit event: `from` → `to` for any JSON type. Scalars sit side by side;
 * objects and lists also list what changed inside them, above both values as collapsible JSON.
 */
export function FieldDiff({ field, from, to }: { field: string; from: unknown; to: unknown }) {
  const nested = isContainer(from) || isContainer(to);
  const entries = nested ? diffJson(from, to) : [];
  const same = !nested && jsonType(from) === jsonType(to) && JSON.stringify(from) === JSON.stringify(to);
  return (
    <div className="rounded-md border border-border p-2" data-testid="field-diff" data-field={field}>
      <h4 className="mb-2 font-mono text-sm font-medium">{field}</h4>
      {same ? <p className="mb-2 text-xs text-muted">Recorded as a change, but the value is the same.</p> : null}
      {nested && entries.length > 0 && !(entries.length === 1 && entries[0]!.path.length === 0) ? (
        <div className="mb-2">
          <p className="text-xs font-medium text-muted">Changed inside</p>
          <ul>
            {entries.map((e) => (
              <DiffLine key={`${e.kind}:${formatPath(e.path)}`} entry={e} />
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Side value={from} side="from" field={field} />
        <span aria-hidden="true" className="self-center text-muted">
          →
        </span>
        <Side value={to} side="to" field={field} />
      </div>
    </div>
  );
}
