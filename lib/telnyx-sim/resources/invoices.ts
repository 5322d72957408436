// GET /invoices, GET /invoices/{id}, and the file route their download links point at.
import { computeSummary } from "../data/charges";
import { ERR, SimHttpError, json, notFound } from "../http";
import { enumParam, parsePage, scalar } from "../params";
import type { Store } from "../store";
import { addUtcDays, isoDate } from "../time";
import { UUID_RE, listPage, type Ctx } from "./common";

function invoiceJson(ctx: Ctx, inv: Store["invoices"][number]): Record<string, unknown> {
  return {
    invoice_id: inv.id,
    file_id: inv.fileId,
    period_start: isoDate(inv.periodStart),
    period_end: isoDate(inv.periodEnd),
    paid: inv.paid,
    url: `${ctx.url.origin}/v2/invoices/${inv.id}`,
  };
}

export function listInvoices(ctx: Ctx): Response {
  const page = parsePage(ctx.query, 422, 250);
  const sort = enumParam(scalar(ctx.query.sort, ["sort"], 422), ["period_start", "-period_start"] as const, "sort", 422) ?? "-period_start";
  const all = ctx.store.invoices; // newest first
  return json(200, listPage(all.length, page, (k) => invoiceJson(ctx, all[sort === "-period_start" ? k : all.length - 1 - k]!)));
}

const FILE_LINK_TTL_SECONDS = 600;

export function getInvoice(ctx: Ctx, id: string): Response {
  const action = enumParam(scalar(ctx.query.action, ["action"], 400), ["json", "link"] as const, "action", 400) ?? "json";
  if (!UUID_RE.test(id)) throw new SimHttpError(400, [{ code: ERR.invalidId, title: "Invalid ID", detail: "The invoice id must be a UUID.", source: { parameter: "id" } }]);
  const inv = ctx.store.invoices.find((x) => x.id === id.toLowerCase());
  if (!inv) throw notFound("Invoice not found.");
  const data = invoiceJson(ctx, inv);
  if (action === "link") {
    const expires = Math.floor(ctx.now.getTime() / 1000) + FILE_LINK_TTL_SECONDS;
    data.download_url = `${ctx.url.origin}/files/invoices/${inv.id}.pdf?expires=${expires}&token=${ctx.sign(inv.id, expires)}`;
  }
  return json(200, { data });
}

/** GET /files/invoices/{id}.pdf?expires&token: what a download_url points at. */
export async function getInvoiceFile(ctx: Ctx, id: string): Promise<Response> {
  const expires = Number(ctx.url.searchParams.get("expires"));
  const token = ctx.url.searchParams.get("token") ?? "";
  const forbidden = (msg: string) => new Response(msg, { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!Number.isInteger(expires) || token !== ctx.sign(id.toLowerCase(), expires)) return forbidden("Invalid or missing signature.");
  if (expires * 1000 < ctx.now.getTime()) return forbidden("Request has expired.");
  const inv = ctx.store.invoices.find((x) => x.id === id.toLowerCase());
  if (!inv) return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  let pdf = ctx.store.pdfCache.get(inv.id);
  if (!pdf) {
    const p = ctx.store.world.profile;
    const summary = computeSummary(ctx.store.world, ctx.store.numbers, ctx.store.adjustments, ctx.store.usage, {
      start: inv.periodStart,
      end: addUtcDays(inv.periodEnd, 1),
      now: ctx.now,
    });
    // pdf-lib loads on the first download, not at start.
    const { renderInvoicePdf } = await import("../pdf");
    pdf = await renderInvoicePdf({
      number: inv.number,
      invoiceId: inv.id,
      company: p.company,
      email: p.email,
      periodStart: isoDate(inv.periodStart),
      periodEnd: isoDate(inv.periodEnd),
      issuedAt: addUtcDays(inv.periodEnd, 1),
      paid: inv.paid,
      summary,
    });
    ctx.store.pdfCache.set(inv.id, pdf);
  }
  return new Response(pdf.slice(), {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.byteLength),
      "content-disposition": `attachment; filename="${inv.number}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
