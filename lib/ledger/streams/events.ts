// audit_events and webhook_deliveries: everything new since the cursor, kept beyond Telnyx's
// retention, deduplicated by id. Each page is committed with the cursor (bound + next page), so
// a run killed halfway resumes at its page; overlapping bounds only re-see rows, never miss them.
import { AUDIT_PAGE_SIZE_MAX, auditSearchText, deliverySearchText } from "../search-text";
import type { SyncContext } from "../context";
import type { Db } from "../../db";
import { WEBHOOK_PAGE_CAP } from "@/lib/telnyx/schemas/webhook-deliveries";

export type PagedCursor = {
  /** Lower bound of the run in progress (ISO), or of the next run when `page` is absent. */
  since?: string;
  /** Next page of the run in progress. */
  page?: number;
  /** Newest time seen in the run in progress. */
  max?: string;
};

const maxIso = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : Date.parse(a) >= Date.parse(b) ? a : b);
const minus = (iso: string, ms: number) => new Date(Date.parse(iso) - ms).toISOString().replace(".000Z", "Z");

/** Events with the same second as the bound may arrive after a run: the next run starts a second earlier. */
const AUDIT_OVERLAP_MS = 1_000;
/** A delivery's attempts keep coming for a while: the next run re-reads the last hour and updates them. */
const DELIVERY_OVERLAP_MS = 3_600_000;

/**
 * The paging both streams share: from the cursor's page, each page's rows written with the next
 * cursor; at the end the bound moves to the newest time seen.
 */
async function syncPaged<T>(
  ctx: SyncContext<PagedCursor>,
  fetchPage: (page: number, since: string | undefined) => Promise<{ data: T[]; meta: { total_pages: number } }>,
  pageSize: number,
  timeOf: (row: T) => string | undefined,
  write: (trx: Db, rows: T[]) => Promise<void>,
): Promise<void> {
  const since = ctx.cursor?.since;
  let page = ctx.cursor?.page ?? 1;
  let max = ctx.cursor?.max;
  for (;;) {
    const res = await fetchPage(page, since);
    for (const row of res.data) max = maxIso(max, timeOf(row));
    const done = res.data.length < pageSize || page >= res.meta.total_pages;
    await ctx.commit((trx) => write(trx, res.data), done ? { since: max ?? since } : { since, page: page + 1, max });
    if (done) return;
    page++;
  }
}

export function syncAuditEvents(ctx: SyncContext<PagedCursor>): Promise<void> {
  return syncPaged(
    ctx,
    (page, since) =>
      ctx.upstream.read("auditEvents", {
        page,
        size: AUDIT_PAGE_SIZE_MAX,
        sort: "asc",
        ...(since ? { created_after: minus(since, AUDIT_OVERLAP_MS) } : {}),
      }),
    AUDIT_PAGE_SIZE_MAX,
    (e) => e.created_at,
    async (trx, events) => {
      for (const e of events)
        await trx
          .insertInto("ledger_audit_event")
          .values({
            id: e.id,
            created_at: Date.parse(e.created_at),
            record_type: e.record_type ?? null,
            resource_id: e.resource_id ?? null,
            change_type: e.change_type ?? null,
            body: JSON.stringify(e),
            search_text: auditSearchText(e),
          })
          .onConflict((oc) => oc.column("id").doNothing())
          .execute();
    },
  );
}

export function syncWebhookDeliveries(ctx: SyncContext<PagedCursor>): Promise<void> {
  return syncPaged(
    ctx,
    // Newest first (Telnyx's only order): deliveries arriving meanwhile push older ones to later
    // pages, so a page may repeat rows (upserted again) but never skips one.
    (page, since) =>
      ctx.upstream.read("webhookDeliveries", {
        page,
        size: WEBHOOK_PAGE_CAP,
        ...(since ? { started_at_gte: minus(since, DELIVERY_OVERLAP_MS) } : {}),
      }),
    WEBHOOK_PAGE_CAP,
    (d) => d.started_at,
    async (trx, deliveries) => {
      for (const d of deliveries) {
        const row = {
          started_at: d.started_at ? Date.parse(d.started_at) : null,
          finished_at: d.finished_at ? Date.parse(d.finished_at) : null,
          status: d.status,
          event_type: d.webhook?.event_type ?? null,
          url: d.attempts?.find((a) => a.http?.request?.url)?.http?.request?.url ?? null,
          attempt_count: d.attempts?.length ?? 0,
          body: JSON.stringify(d),
          search_text: deliverySearchText(d),
        };
        await trx
          .insertInto("ledger_webhook_delivery")
          .values({ id: d.id, ...row })
          .onConflict((oc) => oc.column("id").doUpdateSet(row))
          .execute();
      }
    },
  );
}
