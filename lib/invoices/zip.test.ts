import { describe, expect, it } from "vitest";
import type { Invoice } from "@/lib/telnyx/schemas/invoices";
import { zipEntryNames, zipFileName } from "./zip";

const inv = (month: string, id: string): Invoice => ({ invoice_id: id, period_start: `${month}-01`, period_end: `${month}-28`, paid: true });

describe("invoice zip names", () => {
  it("names the zip after the year, the one month, or the span of months", () => {
    const a = inv("2025-03", "aaaaaaaa-0000-4000-8000-000000000001");
    const b = inv("2025-01", "bbbbbbbb-0000-4000-8000-000000000002");
    expect(zipFileName([a, b], 2025)).toBe("telnyx-invoices-2025.zip");
    expect(zipFileName([a])).toBe("telnyx-invoices-2025-03.zip");
    expect(zipFileName([a, b])).toBe("telnyx-invoices-2025-01_to_2025-03.zip");
  });

  it("keeps entry names unique when two invoices bill the same month", () => {
    const names = zipEntryNames([inv("2025-03", "aaaaaaaa-0000-4000-8000-000000000001"), inv("2025-03", "bbbbbbbb-0000-4000-8000-000000000002")]);
    expect(names).toEqual(["telnyx-invoice-2025-03.pdf", "telnyx-invoice-2025-03-bbbbbbbb.pdf"]);
  });
});
