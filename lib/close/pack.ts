// The month-close pack: the month's files built from the ledger (invoice PDF, charges summary and
// breakdown, usage by day, cost by tag, payments, billing audit events, FOCUS, reconciliation), a
// manifest with each file's SHA-256, size and rows, and the reconciliation's verdict. Closing a month
// stores the pack as built (lib/close/freeze.ts); a closed month's pack is served from that store.
import "server-only";
import { createHash } from "node:crypto";
import { downloadZip } from "client-zip";
import { BREAKDOWN_COLUMNS, breakdownRows, sortBreakdown } from "@/lib/charges/breakdown";
import { SUMMARY_COLUMNS, summaryRows } from "@/lib/charges/totals";
import { TOPUP_CSV_COLUMNS, topUpCsvRows } from "@/lib/billing/topups";
import { toCsv } from "@/lib/csv";
import { COST_BY_TAG_COLUMNS, costByTagCsvRows, tagTotals } from "./cost-by-tag";
import { FOCUS_COLUMNS, focusRows } from "./focus";
import type { MonthData } from "./month";
import { RECONCILIATION_COLUMNS, reconciliationCsvRows, type Reconciliation } from "./reconcile";

export interface PackFile {
  name: string;
  bytes: Uint8Array;
  /** Data rows of a CSV (the header not counted); null for the PDF. */
  rows: number | null;
}

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
  rows: number | null;
}

export interface Manifest {
  month: string;
  account: string;
  generated_at: string;
  files: ManifestFile[];
  reconciliation: { status: Reconciliation["status"]; missing: string[]; checks: Reconciliation["checks"] };
  /** When the month was closed (a frozen pack), and the changes seen since. */
  closed_at?: string;
  post_close_changes?: { item: string; closed_value: string; current_value: string; detected_at: string }[];
}

const encoder = new TextEncoder();
/** CSV files carry a byte-order mark, as every CSV download of the dashboard does. */
export const csvBytes = (csv: string) => encoder.encode(`\uFEFF${csv}`);

function csvFile<K extends string>(name: string, columns: readonly K[], rows: readonly Record<K, string>[]): PackFile {
  return { name, bytes: csvBytes(toCsv(columns, rows)), rows: rows.length };
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export const AUDIT_COLUMNS = ["at", "record_type", "change_type", "resource_id", "made_by", "changes"] as const;

function changeText(changes: MonthData["audit"][number]["changes"]): string {
  const value = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
  return changes.map((c) => `${c.field ?? "?"}: ${value(c.from)} → ${value(c.to)}`).join("; ");
}

export const USAGE_BY_DAY_COLUMNS = ["date", "record_type", "count", "cost", "currency"] as const;

/** The pack's files, in the manifest's order (the PDF first when archived). */
export function packFiles(d: MonthData, rec: Reconciliation): PackFile[] {
  const m = d.bounds.month;
  const files: PackFile[] = [];
  if (d.pdf) files.push({ name: `invoice-${m}.pdf`, bytes: d.pdf.bytes, rows: null });
  if (d.summary) files.push(csvFile(`charges-summary-${m}.csv`, SUMMARY_COLUMNS, summaryRows(d.summary.summary)));
  if (d.breakdown) files.push(csvFile(`charges-breakdown-${m}.csv`, BREAKDOWN_COLUMNS, sortBreakdown(breakdownRows(d.breakdown), "tn")));
  files.push(
    csvFile(
      `usage-by-day-${m}.csv`,
      USAGE_BY_DAY_COLUMNS,
      d.usageByDay.map((r) => ({ date: r.date, record_type: r.key ?? "", count: String(r.count), cost: r.cost, currency: r.currency })),
    ),
    csvFile(`cost-by-tag-${m}.csv`, COST_BY_TAG_COLUMNS, costByTagCsvRows(tagTotals(d.usageByTag))),
    csvFile(`payments-${m}.csv`, TOPUP_CSV_COLUMNS, topUpCsvRows(d.topUps)),
    csvFile(
      `billing-audit-${m}.csv`,
      AUDIT_COLUMNS,
      d.audit.map((e) => ({ at: e.at, record_type: e.record_type, change_type: e.change_type, resource_id: e.resource_id, made_by: e.made_by, changes: changeText(e.changes) })),
    ),
  );
  if (d.summary) files.push(csvFile(`focus-${m}.csv`, FOCUS_COLUMNS, focusRows({ bounds: d.bounds, summary: d.summary, invoiceId: d.invoice?.id ?? null, tagsByType: d.tagsByType })));
  files.push(csvFile(`reconciliation-${m}.csv`, RECONCILIATION_COLUMNS, reconciliationCsvRows(rec)));
  return files;
}

export function manifestFor(d: MonthData, rec: Reconciliation, files: readonly PackFile[], now = Date.now()): Manifest {
  return {
    month: d.bounds.month,
    account: d.summary?.user_id ?? "",
    generated_at: new Date(now).toISOString(),
    files: files.map((f) => ({ name: f.name, sha256: sha256(f.bytes), bytes: f.bytes.byteLength, rows: f.rows })),
    reconciliation: { status: rec.status, missing: rec.missing, checks: rec.checks },
  };
}

/** The zip, streamed: the files, then manifest.json. */
export function packZip(files: readonly PackFile[], manifest: Manifest): ReadableStream<Uint8Array> {
  const lastModified = new Date(manifest.generated_at);
  const entries = [
    ...files.map((f) => ({ name: f.name, input: f.bytes, lastModified })),
    { name: "manifest.json", input: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), lastModified },
  ];
  return downloadZip(entries).body!;
}

export function packResponse(month: string, files: readonly PackFile[], manifest: Manifest): Response {
  return new Response(packZip(files, manifest), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="telnyx-close-${month}.zip"`,
      "cache-control": "private, no-store",
    },
  });
}
