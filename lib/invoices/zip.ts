import "server-only";
import { downloadZip } from "client-zip";
import { log } from "@/lib/log";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";
import { invoiceFileName, openInvoicePdf } from "./download";

/** The zip's file name: the year when a whole year was asked for, else the span of periods. */
export function zipFileName(invoices: readonly Invoice[], year?: number): string {
  if (year) return `telnyx-invoices-${year}.zip`;
  const months = invoices.map((i) => i.period_start.slice(0, 7)).sort();
  const first = months[0]!;
  const last = months[months.length - 1]!;
  return first === last ? `telnyx-invoices-${first}.zip` : `telnyx-invoices-${first}_to_${last}.zip`;
}

/** Unique names inside the zip: a second invoice for the same month gets its id appended. */
export function zipEntryNames(invoices: readonly Invoice[]): string[] {
  const seen = new Set<string>();
  return invoices.map((i) => {
    let name = invoiceFileName(i.period_start);
    if (seen.has(name)) name = name.replace(/\.pdf$/, `-${i.invoice_id.slice(0, 8)}.pdf`);
    seen.add(name);
    return name;
  });
}

/**
 * A zip of the invoices' PDFs, streamed: each PDF is fetched (with a fresh link) only when the zip
 * reaches it, so memory stays flat. The first PDF is opened before anything is sent, so the usual
 * failures (Telnyx unreachable, a refused link) are a proper error response, not a broken download.
 * A PDF that fails later aborts the stream, and the browser sees an incomplete download, never a
 * zip silently missing an invoice.
 */
export async function openInvoiceZip(invoices: readonly Invoice[]): Promise<ReadableStream<Uint8Array>> {
  const names = zipEntryNames(invoices);
  const first = await openInvoicePdf(invoices[0]!.invoice_id);
  const entry = (index: number, body: ReadableStream<Uint8Array>) => ({
    name: names[index]!,
    input: body,
    lastModified: new Date(`${invoices[index]!.period_end}T00:00:00Z`),
  });
  async function* entries() {
    yield entry(0, first.body);
    for (let index = 1; index < invoices.length; index++) {
      const invoice = invoices[index]!;
      try {
        yield entry(index, (await openInvoicePdf(invoice.invoice_id)).body);
      } catch (error) {
        log.warn("invoice.zip_entry_failed", { invoice: invoice.invoice_id, message: (error as Error).message });
        throw error;
      }
    }
  }
  return downloadZip(entries()).body!;
}
