import { afterEach, describe, expect, it } from "vitest";
import { useTempDatabase } from "../db/testing";
import { scrubSecrets } from "../security/scrub";
import { listActions, recordAction } from ".";

useTempDatabase();
const savedKey = process.env.TELNYX_API_KEY;
afterEach(() => {
  process.env.TELNYX_API_KEY = savedKey;
});

describe("action log", () => {
  it("scrubs secret-looking fields at any depth, keeping the rest", () => {
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

  it("keeps the Telnyx key and bearer tokens out of stored params and errors", () => {
    process.env.TELNYX_API_KEY = "KEY0123456789ABCDEFGHIJ_secretpart";
    recordAction({
      user: { id: "u1", email: "Owner@Example.com" },
      action: "payment.create",
      params: { amount: "10.00", note: "sent KEY0123456789ABCDEFGHIJ_secretpart" },
      outcome: "failure",
      error: "upstream said: Authorization: Bearer KEY0123456789ABCDEFGHIJ_secretpart rejected",
    });
    const [entry] = listActions({ limit: 1, offset: 0 }).items;
    expect(JSON.stringify(entry)).not.toContain("secretpart");
    expect(entry).toMatchObject({ userEmail: "owner@example.com", action: "payment.create", outcome: "failure", params: { amount: "10.00" } });
  });

  it("lists newest first with filters and a total", () => {
    recordAction({ user: { id: "u2", email: "fin@example.com" }, action: "login", params: {}, outcome: "success" });
    recordAction({ user: { id: "u2", email: "fin@example.com" }, action: "logout", params: {}, outcome: "success" });
    recordAction({ user: null, action: "user.add", params: { email: "x@example.com" }, outcome: "success" });
    expect(listActions({ limit: 10, offset: 0 }).items[0]?.action).toBe("user.add");
    const mine = listActions({ userEmail: "FIN@example.com", limit: 1, offset: 0 });
    expect(mine.total).toBe(2);
    expect(mine.items.map((e) => e.action)).toEqual(["logout"]);
    expect(listActions({ action: "login", limit: 10, offset: 0 }).total).toBe(1);
    expect(listActions({ userEmail: "fin@example.com", limit: 10, offset: 1 }).items.map((e) => e.action)).toEqual(["login"]);
  });
});
