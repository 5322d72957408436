// Alerts are evaluated after each successful ledger sync (the runner's afterSuccess hook, which
// the in-process worker and `npm run sync` set), on what that sync just kept.
import { expect, it, vi } from "vitest";
import { useSimUpstream } from "@/lib/api/testing/sim-harness";
import { db, engine } from "@/lib/db";
import { useTempDatabase } from "@/lib/db/testing";
import { runStream } from "@/lib/ledger/runner";
import { testConfig } from "@/lib/ledger/testing";
import { evaluateRules } from "./evaluate";
import { insertRule } from "./store";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));
useTempDatabase();
useSimUpstream();

it("a balance sync is followed by an evaluation that sees the new snapshot", async () => {
  const d = await db();
  const { id } = await insertRule(d, { name: "Low", kind: "balance_below", params: { amount: "100000000.00" }, channels: [{ type: "log" }] });
  const evaluations: string[][] = [];
  const afterSuccess = async () => evaluations.push((await evaluateRules(d)).fired);
  expect(await runStream({ db: d, engine: engine(), config: testConfig(), afterSuccess }, "balance")).toBe("ok");
  expect(evaluations).toEqual([[id]]);
});
