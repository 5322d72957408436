import { describe, expect, it } from "vitest";
import { downloadZip } from "client-zip";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";
import { filterInvoices, invoiceYears, pageOf } from "./filters";
import { invoiceZipRequest } from "./schemas";
import { ZipEntryCounter } from "./zip-progress";

const inv = (month: string, paid: boolean, n = 0): Invoice => ({
  invoice_id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  period_start: `${month}-01`,
  period_end: `${month}-28`,
  paid,
});
const all = [inv("2024-11", true, 1), inv("2025-02", true, 2), inv("2025-01", false, 3), inv("2024-12", true, 4), inv("2025-03", false, 5)];

describe("invoice filters", () => {
  it("sorts newest first and filters by year and paid state", () => {
    expect(filterInvoices(all, {}).map((i) => i.period_start.slice(0, 7))).toEqual(["2025-03", "2025-02", "2025-01", "2024-12", "2024-11"]);
    expect(filterInvoices(all, { year: 2024 }).map((i) => i.period_start.slice(0, 7))).toEqual(["2024-12", "2024-11"]);
    expect(filterInvoices(all, { year: 2025, paid: "unpaid" }).map((i) => i.period_start.slice(0, 7))).toEqual(["2025-03", "2025-01"]);
    expect(filterInvoices(all, { paid: "paid" })).toHaveLength(3);
    expect(invoiceYears(all)).toEqual([2025, 2024]);
  });

  it("pages with Telnyx-style meta", () => {
    expect(pageOf(all, 2, 2)).toMatchObject({ data: [all[2], all[3]], meta: { page_number: 2, page_size: 2, total_pages: 3, total_results: 5 } });
    expect(pageOf([], 1, 20).meta).toEqual({ page_number: 1, page_size: 20, total_pages: 1, total_results: 0 });
  });

  it("accepts up to 100 distinct UUIDs or a year for a bulk download", () => {
    expect(invoiceZipRequest.safeParse({ ids: [all[0]!.invoice_id] }).success).toBe(true);
    expect(invoiceZipRequest.safeParse({ year: 2025 }).success).toBe(true);
    expect(invoiceZipRequest.safeParse({ ids: [] }).success).toBe(false);
    expect(invoiceZipRequest.safeParse({ ids: ["not-a-uuid"] }).success).toBe(false);
    expect(invoiceZipRequest.safeParse({ ids: [all[0]!.invoice_id, all[0]!.invoice_id] }).success).toBe(false);
    const many = Array.from({ length: 101 }, (_, i) => inv("2025-01", true, i).invoice_id);
    expect(invoiceZipRequest.safeParse({ ids: many }).success).toBe(false);
    expect(invoiceZipRequest.safeParse({ ids: many.slice(0, 100) }).success).toBe(true);
    expect(invoiceZipRequest.safeParse({ year: 1999 }).success).toBe(false);
    expect(invoiceZipRequest.safeParse({ year: 2025, ids: [] }).success).toBe(false);
  });
});

describe("zip progress", () => {
  async function zipBytes(n: number): Promise<Uint8Array> {
    const files = Array.from({ length: n }, (_, i) => ({
      name: `telnyx-invoice-2025-${String(i + 1).padStart(2, "0")}.pdf`,
      // PDF-ish content that contains the signature but not our file name after it.
      input: new Response(`%PDF-1.4 PK\x03\x04 ${"x".repeat(5000 + i)}`).body!,
    }));
    return new Uint8Array(await downloadZip(files).arrayBuffer());
  }

  it("counts each entry once, whatever the chunk boundaries", async () => {
    const bytes = await zipBytes(5);
    for (const size of [1, 7, 31, 45, 46, 1000, bytes.length]) {
      const counter = new ZipEntryCounter();
      const seen: number[] = [];
      for (let i = 0; i < bytes.length; i += size) seen.push(counter.push(bytes.subarray(i, i + size)));
      expect(counter.entries, `chunk size ${size}`).toBe(5);
      expect(counter.bytes).toBe(bytes.length);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
    }
  });
});
