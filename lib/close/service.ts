// What the month-close routes do: reconcile a month, build (or serve the frozen) close pack, close a
// month, and list the closed months with their post-close changes.
//
// Freeze: closing stores the pack's files, manifest and key figures (month_close*). From then on the
// month's pack is served as closed; each build and each listing re-derives the files and figures
// from the ledger and records any difference once as a post-close change (shown, never applied).
import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import type { StreamName } from "@/lib/ledger/config";
import { Big } from "@/lib/money";
import { loadMonth, monthEnded, type MonthData } from "./month";
import { manifestFor, packFiles, sha256, type Manifest, type PackFile } from "./pack";
import { reconcile, type Reconciliation } from "./reconcile";

/** 422 for a month that has not ended yet (only ended months are reconciled and closed). */
export function assertEnded(month: string, now = Date.now()): void {
  if (!monthEnded(month, now))
    throw new ApiError("invalid_input", `${month} has not ended yet: only ended months can be reconciled and closed.`, {
      items: [{ code: "invalid_input", title: "Invalid input", detail: `${month} has not ended yet`, source: { parameter: "month" } }],
    });
}

/** 409 naming the ledger streams that do not cover the month (`meta.missing`, also on the error item). */
export function incompleteResponse(month: string, missing: readonly string[]): Response {
  const detail = `The ledger does not cover ${month} completely yet (missing: ${missing.join(", ")}). Sync these streams, or ask for the pack anyway with ?partial=1.`;
  return Response.json(
    { errors: [{ code: "conflict", title: "Month incomplete in the ledger", detail, meta: { missing } }], meta: { missing } },
    { status: 409, headers: { "cache-control": "no-store" } },
  );
}

export async function reconciliationFor(db: Db, month: string): Promise<{ data: MonthData; rec: Reconciliation }> {
  const data = await loadMonth(db, month);
  return { data, rec: reconcile(data) };
}

/** Key figures of a month, compared after close. */
function figures(d: MonthData, rec: Reconciliation): Record<string, string> {
  const out: Record<string, string> = {
    grand_total: d.summary?.total.grand_total ?? "",
    top_ups: d.topUps.reduce((s, t) => s.plus(t.amount), new Big(0)).toFixed(2),
    reconciliation: rec.status,
  };
  for (const c of rec.checks) if (c.id.startsWith("usage.") && c.b) out[`ledger_${c.id}`] = c.b;
  return out;
}

export interface ClosedMonth {
  month: string;
  closed_at: string;
  closed_by: string;
  status: string;
  changes: { item: string; closed_value: string; current_value: string; detected_at: string }[];
}

async function closedRow(db: Db, month: string) {
  return db.selectFrom("month_close").selectAll().where("month", "=", month).executeTakeFirst();
}

async function changesOf(db: Db, month: string): Promise<ClosedMonth["changes"]> {
  const rows = await db.selectFrom("month_close_change").selectAll().where("month", "=", month).orderBy("id").execute();
  return rows.map((r) => ({ item: r.item, closed_value: r.closed_value, current_value: r.current_value, detected_at: new Date(Number(r.detected_at)).toISOString() }));
}

/**
 * Re-derives a closed month from the ledger and records what differs from what was closed (each
 * difference once). Returns every post-close change recorded so far.
 */
export async function detectPostCloseChanges(db: Db, month: string, now = Date.now()): Promise<ClosedMonth["changes"]> {
  const closed = await closedRow(db, month);
  if (!closed) return [];
  const { data, rec } = await reconciliationFor(db, month);
  const current = new Map(packFiles(data, rec).map((f) => [f.name, sha256(f.bytes)]));
  const frozen = await db.selectFrom("month_close_file").select(["name", "sha256"]).where("month", "=", month).execute();
  const diffs: { item: string; closed_value: string; current_value: string }[] = [];
  for (const f of frozen) {
    const currentSha = current.get(f.name) ?? "(no longer built)";
    if (currentSha !== f.sha256) diffs.push({ item: f.name, closed_value: f.sha256, current_value: currentSha });
  }
  const was = JSON.parse(closed.figures) as Record<string, string>;
  const is = figures(data, rec);
  for (const key of new Set([...Object.keys(was), ...Object.keys(is)]))
    if ((was[key] ?? "") !== (is[key] ?? "")) diffs.push({ item: key, closed_value: was[key] ?? "", current_value: is[key] ?? "" });
  for (const d of diffs)
    await db
      .insertInto("month_close_change")
      .values({ month, detected_at: now, ...d })
      .onConflict((oc) => oc.columns(["month", "item", "current_value"]).doNothing())
      .execute();
  return changesOf(db, month);
}

export interface BuiltPack {
  files: PackFile[];
  manifest: Manifest;
}

/** The pack: a closed month's as frozen (with its post-close changes), else built now. Null when incomplete and not `partial`. */
export async function monthPack(db: Db, month: string, partial: boolean, now = Date.now()): Promise<BuiltPack | { missing: string[] }> {
  const closed = await closedRow(db, month);
  if (closed) {
    const changes = await detectPostCloseChanges(db, month, now);
    const rows = await db.selectFrom("month_close_file").selectAll().where("month", "=", month).execute();
    const manifest = JSON.parse(closed.manifest) as Manifest;
    const order = new Map(manifest.files.map((f, i) => [f.name, i]));
    const files = rows
      .map((r) => ({ name: r.name, bytes: new Uint8Array(r.bytes), rows: r.rows === null ? null : Number(r.rows) }))
      .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    return { files, manifest: { ...manifest, closed_at: new Date(Number(closed.closed_at)).toISOString(), post_close_changes: changes } };
  }
  const { data, rec } = await reconciliationFor(db, month);
  if (rec.missing.length && !partial) return { missing: rec.missing };
  const files = packFiles(data, rec);
  return { files, manifest: manifestFor(data, rec, files, now) };
}

/** Closes a month: stores its pack (files, manifest) and figures. 409 when incomplete or already closed. */
export async function closeMonth(db: Db, month: string, user: SessionUser, now = Date.now()): Promise<ClosedMonth | Response> {
  if (await closedRow(db, month))
    throw new ApiError("conflict", `${month} is already closed. Its pack is served as closed; later changes are listed as post-close changes.`);
  const { data, rec } = await reconciliationFor(db, month);
  if (rec.missing.length) return incompleteResponse(month, rec.missing);
  const files = packFiles(data, rec);
  const manifest = manifestFor(data, rec, files, now);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("month_close")
      .values({ month, closed_at: now, closed_by: user.email, status: rec.status, manifest: JSON.stringify(manifest), figures: JSON.stringify(figures(data, rec)) })
      .execute();
    for (const [i, f] of files.entries())
      await trx
        .insertInto("month_close_file")
        .values({ month, name: f.name, bytes: Buffer.from(f.bytes), sha256: manifest.files[i]!.sha256, size: f.bytes.byteLength, rows: f.rows })
        .execute();
  });
  return { month, closed_at: new Date(now).toISOString(), closed_by: user.email, status: rec.status, changes: [] };
}

/** Closed months, newest first, each with its post-close changes (re-checked now). */
export async function listClosedMonths(db: Db, now = Date.now()): Promise<ClosedMonth[]> {
  const rows = await db.selectFrom("month_close").select(["month", "closed_at", "closed_by", "status"]).orderBy("month", "desc").execute();
  const out: ClosedMonth[] = [];
  for (const r of rows)
    out.push({
      month: r.month,
      closed_at: new Date(Number(r.closed_at)).toISOString(),
      closed_by: r.closed_by,
      status: r.status,
      changes: await detectPostCloseChanges(db, r.month, now),
    });
  return out;
}


/** Streams whose data a closed month's pack is built from. */
const CLOSE_STREAMS: readonly StreamName[] = ["charges", "invoices", "audit_events", "usage"];

/** After a successful sync (the ledger's afterSuccess hook): record what it changed in closed months. */
export async function checkClosedMonthsAfterSync(db: Db, stream: StreamName, now = Date.now()): Promise<void> {
  if (!CLOSE_STREAMS.includes(stream)) return;
  for (const r of await db.selectFrom("month_close").select("month").execute()) await detectPostCloseChanges(db, r.month, now);
}
