import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { DetailRecord } from "@/lib/telnyx/schemas/detail-records";
import { parseCsvObjects } from "./csv";
import { DETAIL_RECORD_TYPES } from "@/lib/telnyx/contract";
import { ALL_TYPES_COLUMNS, startUsageExport, type PageReader } from "./export";

const query = { record_type: "messaging" as const, date_range: "last_30_days", sort: "-created_at" as const };

function fakeApi(total: number, options: { failOn?: (page: number, call: number) => Error | null } = {}) {
  const calls: number[] = [];
  const pages = Math.ceil(total / 50);
  const read: PageReader = async (page) => {
    calls.push(page);
    const err = options.failOn?.(page, calls.length);
    if (err) throw err;
    const from = (page - 1) * 50;
    const data: DetailRecord[] = Array.from({ length: Math.max(0, Math.min(50, total - from)) }, (_, i) => ({
      record_type: "message_detail_record",
      uuid: `r${from + i}`,
      cli: "+15551230000",
      cld: i % 7 === 0 ? "=cmd|' /C calc'!A0" : "+15559870000",
      text: i % 5 === 0 ? 'with "quotes", commas\nand a line break' : "plain",
      cost: "0.0070",
      currency: "USD",
      errors: [],
    }));
    return { data, meta: { page_number: page, page_size: 50, total_pages: pages, total_results: total } };
  };
  return { read, calls };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("usage export", () => {
  it("streams every page as CSV with a header, exact and safe", async () => {
    const api = fakeApi(123);
    const exp = await startUsageExport({ query, readPage: api.read });
    expect(exp.expectedRows).toBe(123);
    expect(exp.fileName).toBe("usage-messaging-last_30_days.csv");
    const rows = parseCsvObjects(await readAll(exp.stream));
    expect(rows).toHaveLength(123);
    expect(rows[0]!.cost).toBe("0.0070");
    expect(rows[0]!.cld).toBe("'=cmd|' /C calc'!A0");
    expect(rows[1]!.cld).toBe("+15559870000");
    expect(rows[0]!.text).toBe('with "quotes", commas\nand a line break');
    expect(rows[0]!.errors).toBe("[]");
    // Contract fields first, extra keys the records carry after them.
    expect(exp.columns.slice(0, 3)).toEqual(["uuid", "user_id", "created_at"]);
    expect(exp.columns).toContain("text");
    expect(api.calls).toEqual([1, 2, 3]);
  });

  it("reads no further than the consumer asks (pull-based backpressure)", async () => {
    const api = fakeApi(50 * 20);
    const exp = await startUsageExport({ query, readPage: api.read });
    const reader = exp.stream.getReader();
    await reader.read(); // header + page 1
    await new Promise((r) => setTimeout(r, 20));
    expect(api.calls.length).toBeLessThanOrEqual(2);
    await reader.read();
    await new Promise((r) => setTimeout(r, 20));
    expect(api.calls.length).toBeLessThanOrEqual(3);
    await reader.cancel();
  });

  it("stops reading pages when the client goes away", async () => {
    const api = fakeApi(50 * 20);
    const client = new AbortController();
    const exp = await startUsageExport({ query, readPage: api.read, signal: client.signal });
    const reader = exp.stream.getReader();
    await reader.read();
    await reader.read();
    client.abort();
    await expect(reader.read()).rejects.toThrow(/cancelled/);
    const before = api.calls.length;
    await new Promise((r) => setTimeout(r, 20));
    expect(api.calls.length).toBe(before);
    expect(before).toBeLessThan(20);
  });

  it("errors the stream when a later page fails (no silent truncation)", async () => {
    const api = fakeApi(200, { failOn: (page) => (page === 3 ? new ApiError("invalid_input", "Telnyx refused") : null) });
    const exp = await startUsageExport({ query, readPage: api.read });
    await expect(readAll(exp.stream)).rejects.toThrow("Telnyx refused");
  });

  it("fails before streaming when the first page fails", async () => {
    const api = fakeApi(200, { failOn: (page) => (page === 1 ? new ApiError("upstream_auth", "bad key") : null) });
    await expect(startUsageExport({ query, readPage: api.read })).rejects.toThrow("bad key");
  });

  it("waits out Telnyx's rate limit, then carries on", async () => {
    const waits: number[] = [];
    const api = fakeApi(120, {
      failOn: (page, call) => (page === 2 && call <= 3 ? new ApiError("rate_limited", "slow down", { headers: { "retry-after": "7" } }) : null),
    });
    const exp = await startUsageExport({ query, readPage: api.read, sleep: async (ms) => void waits.push(ms) });
    const rows = parseCsvObjects(await readAll(exp.stream));
    expect(rows).toHaveLength(120);
    expect(waits).toEqual([7000, 7000]);
  });

  it("gives up on a rate limit that never lifts", async () => {
    const api = fakeApi(120, { failOn: (page) => (page === 2 ? new ApiError("rate_limited", "slow down", { headers: { "retry-after": "90" } }) : null) });
    const waits: number[] = [];
    const exp = await startUsageExport({ query, readPage: api.read, sleep: async (ms) => void waits.push(ms) });
    await expect(readAll(exp.stream)).rejects.toThrow("slow down");
    expect(waits.every((w) => w === 30_000)).toBe(true);
    expect(waits).toHaveLength(5);
  });

  it("refuses to exceed the page cap rather than cutting the file short", async () => {
    const api = fakeApi(50 * 5);
    const exp = await startUsageExport({ query, readPage: api.read, maxPages: 3 });
    await expect(readAll(exp.stream)).rejects.toThrow(/more than 3 pages/);
  });
});

describe("usage export: header always, and all record types", () => {
  it("an empty result is a header row, not an empty file", async () => {
    const api = fakeApi(0);
    const exp = await startUsageExport({ query, readPage: api.read });
    expect(exp.expectedRows).toBe(0);
    const text = await readAll(exp.stream);
    expect(text.split("\n")[0]).toBe(exp.columns.join(","));
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(parseCsvObjects(text)).toEqual([]);
  });

  it("an empty all-types export is the all-types header", async () => {
    const api = fakeApi(0);
    const exp = await startUsageExport({ query: { ...query, record_type: "all" }, readPage: api.read });
    expect(await readAll(exp.stream)).toBe(`${ALL_TYPES_COLUMNS.join(",")}\n`);
  });

  it("walks every record type into one file with a record_type column, UTC times and exact costs", async () => {
    const calls: string[] = [];
    const read: PageReader = async (page, type) => {
      calls.push(`${type}:${page}`);
      const total = type === "messaging" ? 60 : type === "wireless" ? 2 : 0;
      const from = (page - 1) * 50;
      const n = Math.max(0, Math.min(50, total - from));
      const data: DetailRecord[] = Array.from({ length: n }, (_, i) =>
        type === "wireless"
          ? ({ record_type: "wdr", id: `w${i}`, created_at: "2025-05-03T10:00:00+02:00", data_cost: 0.1, currency: "USD", sim_card_tags: "fleet", imsi: "1" } as DetailRecord)
          : { record_type: "message_detail_record", uuid: `m${from + i}`, created_at: "2025-05-02T08:00:00Z", cost: "0.0070", currency: "USD", tags: "a,b", cld: "+15550001111" },
      );
      return { data, meta: { page_number: page, page_size: 50, total_pages: Math.ceil(total / 50), total_results: total } };
    };
    const exp = await startUsageExport({ query: { ...query, record_type: "all", month: "2025-05" }, readPage: read });
    expect(exp.expectedRows).toBe(62);
    expect(exp.fileName).toBe("usage-all-2025-05.csv");
    const rows = parseCsvObjects(await readAll(exp.stream));
    expect(rows).toHaveLength(62);
    expect(new Set(rows.map((r) => r.record_type))).toEqual(new Set(["messaging", "wireless"]));
    const wireless = rows.find((r) => r.record_type === "wireless")!;
    expect(wireless).toMatchObject({ id: "w0", time_utc: "2025-05-03T08:00:00.000Z", cost: "0.1", tags: "fleet" });
    expect(JSON.parse(wireless.details!)).toEqual({ imsi: "1" });
    const message = rows.find((r) => r.record_type === "messaging")!;
    expect(message).toMatchObject({ id: "m0", time_utc: "2025-05-02T08:00:00.000Z", cost: "0.007", tags: "a,b" });
    expect(JSON.parse(message.details!)).toEqual({ cld: "+15550001111" });
    // The first page of every type, then the rest of those that have more.
    expect(calls.filter((c) => c.endsWith(":1"))).toHaveLength(DETAIL_RECORD_TYPES.length);
    expect(calls.filter((c) => !c.endsWith(":1"))).toEqual(["messaging:2"]);
  });
});
