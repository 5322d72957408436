// The charges summary's totals, recomputed from its lines with decimal arithmetic (never floats),
// and the one row model the summary table and its CSV export both render, so they always agree.
import { Big, sumDecimals } from "@/lib/money";
import type { ChargesSummary, SummaryLine } from "@/lib/telnyx/schemas/charges";
import { familySubtotals, lineFamily, type ProductFamily } from "./families";

/** A Big as a decimal string with at least two decimals and nothing rounded away ("12.50", "0.0075"). */
export function toDecimalString(value: Big): string {
  const decimals = Math.max(0, value.c.length - value.e - 1);
  const s = value.toFixed(Math.max(2, decimals));
  return s === "-0.00" ? "0.00" : s;
}

/** What one line costs: new MRC + new OTC + existing MRC (+ existing OTC if Telnyx sends one), or a simple line's amount. */
export function lineAmount(line: SummaryLine): Big {
  if (line.type === "simple") return new Big(line.amount);
  return sumDecimals([line.new_this_month.mrc, line.new_this_month.otc, line.existing_this_month.mrc, line.existing_this_month.otc]);
}

export interface SummaryTotals {
  new_quantity: number;
  existing_quantity: number;
  new_mrc: string;
  new_otc: string;
  existing_mrc: string;
  /** Only when Telnyx sends an OTC on existing numbers (the contract allows it); usually 0. */
  existing_otc: string;
  /** Usage and other simple lines. */
  other: string;
  /** All adjustments together: credits (negative) and ledger adjustments. */
  adjustments: string;
  /** The negative adjustments alone. */
  credits: string;
  grand_total: string;
}

type SummaryParts = Pick<ChargesSummary["summary"], "lines" | "adjustments">;

export function summaryTotals(summary: SummaryParts): SummaryTotals {
  const comparative = summary.lines.filter((l) => l.type === "comparative");
  const simple = summary.lines.filter((l) => l.type === "simple");
  const newMrc = sumDecimals(comparative.map((l) => l.new_this_month.mrc));
  const newOtc = sumDecimals(comparative.map((l) => l.new_this_month.otc));
  const existingMrc = sumDecimals(comparative.map((l) => l.existing_this_month.mrc));
  const existingOtc = sumDecimals(comparative.map((l) => l.existing_this_month.otc));
  const other = sumDecimals(simple.map((l) => l.amount));
  const adjustments = sumDecimals(summary.adjustments.map((a) => a.amount));
  const credits = sumDecimals(summary.adjustments.map((a) => a.amount).filter((a) => a.startsWith("-")));
  return {
    new_quantity: comparative.reduce((n, l) => n + l.new_this_month.quantity, 0),
    existing_quantity: comparative.reduce((n, l) => n + l.existing_this_month.quantity, 0),
    new_mrc: toDecimalString(newMrc),
    new_otc: toDecimalString(newOtc),
    existing_mrc: toDecimalString(existingMrc),
    existing_otc: toDecimalString(existingOtc),
    other: toDecimalString(other),
    adjustments: toDecimalString(adjustments),
    credits: toDecimalString(credits),
    grand_total: toDecimalString(newMrc.plus(newOtc).plus(existingMrc).plus(existingOtc).plus(other).plus(adjustments)),
  };
}

/**
 * Where Telnyx's own totals disagree with the sum of its lines (field names, empty when they
 * agree). The dashboard shows the sums of the lines and says so when this is not empty.
 */
export function totalsMismatch(summary: ChargesSummary, computed: SummaryTotals = summaryTotals(summary.summary)): string[] {
  const t = summary.total;
  const checks: [string, string, string][] = [
    ["new_mrc", t.new_mrc, computed.new_mrc],
    ["new_otc", t.new_otc, computed.new_otc],
    ["existing_mrc", t.existing_mrc, new Big(computed.existing_mrc).plus(computed.existing_otc).toString()],
    ["other", t.other, computed.other],
    ["credits + ledger_adjustments", new Big(t.credits).plus(t.ledger_adjustments).toString(), computed.adjustments],
    ["grand_total", t.grand_total, computed.grand_total],
  ];
  return checks.filter(([, upstream, ours]) => !new Big(upstream).eq(ours)).map(([field]) => field);
}

/** One row of the summary table and of its CSV: a line, an adjustment or a total. */
export interface SummaryRow {
  /** "family": a product family's subtotal (lib/charges/families.ts), between the adjustments and the totals. */
  section: "line" | "adjustment" | "family" | "total";
  item: string;
  alias: string;
  date: string;
  new_quantity: string;
  new_mrc: string;
  new_otc: string;
  existing_quantity: string;
  existing_mrc: string;
  quantity: string;
  amount: string;
  /** A line's product family (and a subtotal's); empty for adjustments and totals. */
  family: ProductFamily | "";
}

export const SUMMARY_COLUMNS = [
  "section",
  "item",
  "alias",
  "date",
  "new_quantity",
  "new_mrc",
  "new_otc",
  "existing_quantity",
  "existing_mrc",
  "quantity",
  "amount",
  "family",
] as const satisfies readonly (keyof SummaryRow)[];

const blank = { alias: "", date: "", new_quantity: "", new_mrc: "", new_otc: "", existing_quantity: "", existing_mrc: "", quantity: "", family: "" as const };

export const TOTAL_LABELS = {
  new_mrc: "New numbers: monthly charges (MRC)",
  new_otc: "New numbers: one-time charges (OTC)",
  existing_mrc: "Existing numbers: monthly charges (MRC)",
  existing_otc: "Existing numbers: one-time charges (OTC)",
  other: "Usage and other charges",
  adjustments: "Credits and adjustments",
  grand_total: "Total",
} as const;

/** Lines (Telnyx's order), then adjustments (by date), then the totals computed from them. */
export function summaryRows(summary: SummaryParts): SummaryRow[] {
  const rows: SummaryRow[] = summary.lines.map((line) =>
    line.type === "comparative"
      ? {
          ...blank,
          section: "line",
          item: line.name,
          alias: line.alias,
          new_quantity: String(line.new_this_month.quantity),
          new_mrc: line.new_this_month.mrc,
          new_otc: line.new_this_month.otc ?? "",
          existing_quantity: String(line.existing_this_month.quantity),
          existing_mrc: line.existing_this_month.mrc,
          amount: toDecimalString(lineAmount(line)),
          family: lineFamily(line),
        }
      : { ...blank, section: "line", item: line.name, alias: line.alias, quantity: String(line.quantity), amount: line.amount, family: lineFamily(line) },
  );
  const adjustments = [...summary.adjustments].sort((a, b) => a.event_date.localeCompare(b.event_date));
  for (const a of adjustments) rows.push({ ...blank, section: "adjustment", item: a.description, date: a.event_date, amount: a.amount });
  const byFamily = familySubtotals(summary.lines.map((line) => ({ family: lineFamily(line), amount: lineAmount(line) })));
  for (const f of byFamily)
    rows.push({ ...blank, section: "family", item: `${f.label} subtotal`, alias: `family_${f.family}`, family: f.family, amount: toDecimalString(f.amount) });
  const totals = summaryTotals(summary);
  for (const key of Object.keys(TOTAL_LABELS) as (keyof typeof TOTAL_LABELS)[]) {
    if (key === "existing_otc" && new Big(totals.existing_otc).eq(0)) continue;
    rows.push({ ...blank, section: "total", item: TOTAL_LABELS[key], alias: key, amount: totals[key] });
  }
  return rows;
}
