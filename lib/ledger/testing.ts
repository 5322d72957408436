// Helpers for the ledger's tests: a fast configuration and direct reads of the standalone simulator.
import { TEST_API_KEY } from "@/lib/api/testing/sim-harness";
import { DEFAULT_INTERVALS_S, type LedgerConfig } from "./config";

export function testConfig(overrides: Partial<LedgerConfig> = {}): LedgerConfig {
  return {
    maxCallsPerMinute: 100_000, // tests raise the budget, except the one that proves it
    backfillDays: 4,
    backfillMonths: 13,
    retentionDays: undefined,
    intervalsS: DEFAULT_INTERVALS_S,
    trailingDays: 2,
    freezeAfterDays: 5,
    ...overrides,
  };
}

/** GET a simulator path (after /v2) with the test key, straight to the server (no dashboard code). */
export async function simGet(baseURL: string, path: string): Promise<Response> {
  return fetch(`${baseURL}${path}`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
}

/** Every detail record of one type created in [day, day+1), straight from the simulator. */
export async function simDetailRecords(baseURL: string, type: string, day: string, nextDay: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const q = new URLSearchParams({
      "filter[record_type]": type,
      "filter[created_at][gte]": `${day}T00:00:00Z`,
      "filter[created_at][lt]": `${nextDay}T00:00:00Z`,
      "page[number]": String(page),
      "page[size]": "50",
    });
    const body = (await (await simGet(baseURL, `/detail_records?${q}`)).json()) as { data: Record<string, unknown>[]; meta: { total_pages: number } };
    out.push(...body.data);
    if (page >= body.meta.total_pages || body.data.length === 0) return out;
  }
}
