// How each kind of column of a usage record is shown (the columns themselves come from the record
// type's layout in lib/usage/records.ts).
import { TruncatedText } from "@/components/ui/truncated-text";
import { formatDateTime } from "@/lib/format";
import type { DetailRecord } from "@/lib/telnyx/schemas/detail-records";
import { cellText, type UsageColumn } from "@/lib/usage/records";

export const isNumericColumn = (column: UsageColumn) => column.kind === "money" || column.kind === "number";

export function Cell({ column, record }: { column: UsageColumn; record: DetailRecord }) {
  const value = (record as Record<string, unknown>)[column.key];
  if (value === undefined || value === null || value === "") return <span className="text-muted">—</span>;
  switch (column.kind) {
    case "time":
      return typeof value === "string" ? (
        <span className="tabular whitespace-nowrap" title={value}>
          {formatDateTime(value)}
        </span>
      ) : (
        <>{cellText(value)}</>
      );
    case "money":
    case "number":
      // Exact, as Telnyx sent it: per-record rates have more decimals than a currency shows.
      return <span className="tabular">{cellText(value)}</span>;
    case "bool":
      return <>{value === true ? "yes" : value === false ? "no" : cellText(value)}</>;
    case "tags":
      return (
        <span className="flex flex-wrap gap-1">
          {cellText(value)
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean)
            .map((t) => (
              <span key={t} className="rounded bg-border/60 px-1 text-xs">
                {t}
              </span>
            ))}
        </span>
      );
    default:
      return <TruncatedText text={cellText(value)} limit={60} label={column.label} />;
  }
}
