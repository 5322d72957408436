import { describe, expect, it } from "vitest";
import { useTempDatabase } from "../db/testing";
import { listActions } from "../action-log";
import { ApiError } from "../api/errors";
import { login } from "./login";
import { CLIENT_ADDRESS_HEADER } from "../security/client-headers.mjs";
import { LOGIN_LIMITS, recordLoginFailure } from "./throttle";
import { addUser } from "./users";

useTempDatabase();
const PASSWORD = "right password 123";
const from = (ip: string) => new Headers({ [CLIENT_ADDRESS_HEADER]: ip });
const attempt = (email: string, password: string, ip: string) => login(email, password, from(ip)).catch((e: unknown) => e as ApiError);

describe("login", () => {
  it("with no users at all, says how to create the first owner", async () => {
    const err = (await attempt("who@example.com", PASSWORD, "10.1.0.1")) as ApiError;
    expect(err.status).toBe(401);
    expect(err.message).toContain("npm run users -- add");
  });

  it("locks an (email, address) pair after 10 failures with 429 + Retry-After, even for the right password", async () => {
    await addUser({ email: "t@example.com", role: "owner", password: PASSWORD });
    for (let i = 0; i < LOGIN_LIMITS.pair.max; i++) {
      const err = (await attempt("t@example.com", "wrong password!!", "10.2.0.1")) as ApiError;
      expect(err.status).toBe(401);
      expect(err.message).toBe("Email or password is incorrect.");
    }
    const blocked = (await attempt("t@example.com", PASSWORD, "10.2.0.1")) as ApiError;
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(800);
    expect(blocked.message).toMatch(/Try again in 15 minutes/);
    // The guesser did not lock the account's owner out: another address still signs in.
    expect(await attempt("t@example.com", PASSWORD, "10.2.9.9")).toMatchObject({ user: { email: "t@example.com" } });
  });

  it("a client-chosen X-Forwarded-For does not move a client out of its lock (TRUST_PROXY unset)", async () => {
    for (let i = 0; i < LOGIN_LIMITS.pair.max; i++) await attempt("t@example.com", "wrong password!!", "10.4.0.1");
    const spoofed = new Headers({ [CLIENT_ADDRESS_HEADER]: "10.4.0.1", "x-forwarded-for": "203.0.113.77" });
    expect(await login("t@example.com", PASSWORD, spoofed).catch((e: ApiError) => e.status)).toBe(429);
  });

  it("throttles an address after 50 failures across emails", async () => {
    await addUser({ email: "u@example.com", role: "finance", password: PASSWORD });
    // (49 recorded directly: hashing 50 passwords would make the test slow, not stronger)
    for (let i = 0; i < LOGIN_LIMITS.address.max - 1; i++) recordLoginFailure(`guess${i}@example.com`, "10.3.0.1");
    await attempt("guess-last@example.com", "wrong password!!", "10.3.0.1");
    expect(((await attempt("u@example.com", PASSWORD, "10.3.0.1")) as ApiError).status).toBe(429);
    expect(await attempt("u@example.com", PASSWORD, "10.3.0.2")).toMatchObject({ user: { email: "u@example.com", role: "finance" } });
  });

  it("records logins and failed logins in the action log, without the password", async () => {
    const { items } = await listActions({ action: "login", limit: 100, offset: 0 });
    expect(items.some((e) => e.outcome === "success" && e.userEmail === "u@example.com" && e.userId)).toBe(true);
    expect(items.some((e) => e.outcome === "failure" && e.userEmail === "t@example.com" && e.error === "throttled")).toBe(true);
    expect(JSON.stringify(items)).not.toContain("wrong password");
    expect(JSON.stringify(items)).not.toContain(PASSWORD);
  });
});
