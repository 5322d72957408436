import { afterEach, expect, it } from "vitest";
import { describeEachEngine } from "../db/testing";
import { scrubSecrets } from "../security/scrub";
import { listActions, recordAction } from ".";

const savedKey = process.env.TELNYX_API_KEY;
afterEach(() => {
  process.env.TELNYX_API_KEY = savedKey;
});

await describeEachEngine("action log", () => {
  it("scrubs secret-looking fields at any depth, keeping the rest", async () => {
    expect(
      scrubSecrets({
        email: "a@example.com",
        password: "hunter2hunter2",
        newPassword: "x",
        apiKey: "KEY123",
        Authorization: "Bearer abc",
        nested: [{ card_number: "4242", amount: "10.00", session_token: "t" }],
        idempotency_key: "k-1",
      }),
    ).toEqual({
      email: "a@example.com",
      password: "[redacted]",
      newPassword: "[redacted]",
      apiKey: "[redacted]",
      Authorization: "[redacted]",
      nested: [{ card_number: "[redacted]", amount: "10.00", session_token: "[redacted]" }],
      idempotency_key: "k-1",
    });
  });

  it("keeps the Telnyx key and bearer tokens out of stored params and errors", async () => {
    process.env.TELNYX_API_KEY = "KEY0123456789ABCDEFGHIJ_secretpart";
    await recordAction({
      user: { id: "u1", email: "Owner@Example.com" },
      action: "payment.create",
      params: { amount: "10.00", note: "sent KEY0123456789ABCDEFGHIJ_secretpart" },
      outcome: "failure",
      error: "upstream said: Authorization: Bearer KEY0123456789ABCDEFGHIJ_secretpart rejected",
    });
    const [entry] = (await listActions({ limit: 1, offset: 0 })).items;
    expect(JSON.stringify(entry)).not.toContain("secretpart");
    expect(entry).toMatchObject({ userEmail: "owner@example.com", action: "payment.create", outcome: "failure", params: { amount: "10.00" } });
  });

  it("lists newest first with filters and a total", async () => {
    await recordAction({ user: { id: "u2", email: "fin@example.com" }, action: "login", params: {}, outcome: "success" });
    await recordAction({ user: { id: "u2", email: "fin@example.com" }, action: "logout", params: {}, outcome: "success" });
    await recordAction({ user: null, action: "user.add", params: { email: "x@example.com" }, outcome: "success" });
    expect((await listActions({ limit: 10, offset: 0 })).items[0]?.action).toBe("user.add");
    const mine = (await listActions({ userEmail: "FIN@example.com", limit: 1, offset: 0 }));
    expect(mine.total).toBe(2);
    expect(mine.items.map((e) => e.action)).toEqual(["logout"]);
    expect((await listActions({ action: "login", limit: 10, offset: 0 })).total).toBe(1);
    expect((await listActions({ userEmail: "fin@example.com", limit: 10, offset: 1 })).items.map((e) => e.action)).toEqual(["login"]);
  });
});
