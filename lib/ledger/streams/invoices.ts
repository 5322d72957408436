// invoices: the list (13 months back), and each invoice's PDF archived once in the database
// (bytes, SHA-256, size, time), so any instance serves it after Telnyx's link has expired.
import { createHash } from "node:crypto";
import { INVOICE_PAGE_CAP, type Invoice } from "@/lib/telnyx/schemas/invoices";
import { addMonths, utcDay } from "../clock";
import { boolValue, type SyncContext } from "../context";
import type { Db } from "../../db";

export type InvoicesCursor = { listed_at: number; archived: number };

export async function archiveInvoicePdf(db: Db, id: string, bytes: Uint8Array, at: number): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db
    .insertInto("ledger_invoice_pdf")
    .values({ invoice_id: id, bytes: Buffer.from(bytes), sha256, size: bytes.byteLength, archived_at: at })
    .onConflict((oc) => oc.column("invoice_id").doNothing())
    .execute();
  return { sha256, size: bytes.byteLength };
}

export async function syncInvoices(ctx: SyncContext<InvoicesCursor>): Promise<void> {
  const oldest = `${addMonths(utcDay(ctx.clock.now()).slice(0, 7), -(ctx.config.backfillMonths - 1))}-01`;
  const invoices: Invoice[] = [];
  for (let page = 1; ; page++) {
    const res = await ctx.upstream.read("invoices", { page, size: INVOICE_PAGE_CAP, sort: "-period_start" });
    const kept = res.data.filter((i) => i.period_start >= oldest);
    invoices.push(...kept);
    // Newest first: once a page reaches past the oldest month kept, the rest is older still.
    if (kept.length < res.data.length || page >= res.meta.total_pages || res.data.length === 0) break;
  }
  const listedAt = ctx.clock.now();
  let archived = ctx.cursor?.archived ?? 0;
  await ctx.commit(async (trx) => {
    for (const i of invoices)
      await trx
        .insertInto("ledger_invoice")
        .values({ id: i.invoice_id, file_id: i.file_id ?? null, period_start: i.period_start, period_end: i.period_end, paid: boolValue(ctx.engine, i.paid), seen_at: listedAt })
        .onConflict((oc) => oc.column("id").doUpdateSet({ paid: boolValue(ctx.engine, i.paid), file_id: i.file_id ?? null, seen_at: listedAt }))
        .execute();
  }, { listed_at: listedAt, archived });

  const have = new Set(
    (await ctx.db.selectFrom("ledger_invoice_pdf").select("invoice_id").execute()).map((r) => r.invoice_id),
  );
  for (const i of invoices) {
    if (have.has(i.invoice_id)) continue;
    const bytes = await ctx.upstream.invoicePdf(i.invoice_id);
    archived++;
    await ctx.commit((trx) => archiveInvoicePdf(trx, i.invoice_id, bytes, ctx.clock.now()).then(() => {}), { listed_at: listedAt, archived });
  }
}
