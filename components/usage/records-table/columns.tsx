// How each kind of column of a usage record is shown (the columns themselves come from the record
// type's layout in lib/usage/records.ts).
import { ClippedText } from "@/components/ui/clipped-text";
import { formatDateTimeUtc } from "@/lib/format";
import type { DetailRecord } from "@/lib/telnyx/schemas/detail-records";
import { cellText, type UsageColumn } from "@/lib/usage/records";

const SHORT_TEXT = 40;

export const isNumericColumn = (column: UsageColumn) => column.kind === "money" || column.kind === "number";

export function Cell({ column, record }: { column: UsageColumn; record: DetailRecord }) {
  const value = (record as Record<string, unknown>)[column.key];
  if (value === undefined || value === null || value === "") return <span className="text-muted">—</span>;
  switch (column.kind) {
    case "time":
      return typeof value === "string" ? (
        <time className="tabular whitespace-nowrap" dateTime={value} title={value}>
          {formatDateTimeUtc(value)}
        </time>
      ) : (
        <>{cellText(value)}</>
      );
    case "money":
    case "number":
      // Exact, as Telnyx sent it: per-record rates have more decimals than a currency shows. Never wrapped.
      return <span className="tabular whitespace-nowrap">{cellText(value)}</span>;
    case "bool":
      return <>{value === true ? "yes" : value === false ? "no" : cellText(value)}</>;
    case "tags":
      return (
        <span className="flex gap-1">
          {cellText(value)
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean)
            .map((t) => (
              <span key={t} className="whitespace-nowrap rounded bg-border/60 px-1 text-xs">
                {t}
              </span>
            ))}
        </span>
      );
    default: {
      // Short values (directions, numbers, countries) on one line, never broken mid-word; long
      // ones cut with the whole value on demand.
      const text = cellText(value);
      return text.length <= SHORT_TEXT ? (
        <span className="whitespace-nowrap">{text}</span>
      ) : (
        <ClippedText text={text} label={column.label.toLowerCase()} className="max-w-[16rem]" />
      );
    }
  }
}
