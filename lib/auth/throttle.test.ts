import { expect, it } from "vitest";
import { describeEachEngine } from "../db/testing";
import { KNOWN_ADDRESS_MS, LOGIN_LIMITS, loginRetryAfter, recordLoginFailure, recordLoginSuccess } from "./throttle";

const T0 = 1_700_000_000_000;
const { pair, address, email } = LOGIN_LIMITS;

await describeEachEngine("login throttle", () => {
  it("locks an (email, address) pair after 10 failures in 15 minutes, and only that pair", async () => {
    for (let i = 0; i < pair.max - 1; i++) await recordLoginFailure("a@example.com", "192.0.2.1", T0 + i * 1000);
    expect(await loginRetryAfter("a@example.com", "192.0.2.1", T0 + 20_000)).toBe(0);
    await recordLoginFailure("A@Example.com", "192.0.2.1", T0 + 20_000);
    // The 10th most recent failure is the first one (T0): free again at T0 + 15 min.
    expect(await loginRetryAfter("a@example.com", "192.0.2.1", T0 + 60_000)).toBe((pair.windowMs - 60_000) / 1000);
    expect(await loginRetryAfter("a@example.com", "192.0.2.1", T0 + pair.windowMs + 1)).toBe(0);
    // The account's owner, elsewhere, is not locked out by someone guessing its password.
    expect(await loginRetryAfter("a@example.com", "198.51.100.7", T0 + 60_000)).toBe(0);
    expect(await loginRetryAfter("other@example.com", "192.0.2.1", T0 + 60_000)).toBe(0);
  });

  it("slows an address spraying many emails after 50 failures in 15 minutes", async () => {
    for (let i = 0; i < address.max - 1; i++) await recordLoginFailure(`u${i}@example.com`, "192.0.2.7", T0 + i);
    expect(await loginRetryAfter("new@example.com", "192.0.2.7", T0 + 1000)).toBe(0);
    await recordLoginFailure("u99@example.com", "192.0.2.7", T0 + 100);
    expect(await loginRetryAfter("new@example.com", "192.0.2.7", T0 + 1000)).toBeGreaterThan(0);
    expect(await loginRetryAfter("new@example.com", "192.0.2.8", T0 + 1000)).toBe(0);
  });

  it("slows many addresses spraying one email after 100 failures in an hour, except from an address that signed in before", async () => {
    await recordLoginSuccess("s@example.com", "203.0.113.1", T0 - KNOWN_ADDRESS_MS + 5 * 60_000);
    for (let i = 0; i < email.max; i++) await recordLoginFailure("s@example.com", `10.9.${i >> 8}.${i & 255}`, T0 + i * 1000);
    const later = T0 + email.max * 1000;
    expect(await loginRetryAfter("s@example.com", "10.10.10.10", later)).toBe(Math.ceil((T0 + email.windowMs - later) / 1000));
    expect(await loginRetryAfter("s@example.com", "203.0.113.1", later)).toBe(0); // its owner's usual address
    expect(await loginRetryAfter("s@example.com", "10.10.10.10", T0 + email.windowMs + 1)).toBe(0);
  });

  it("a success clears that pair's failures, not the address's", async () => {
    for (let i = 0; i < pair.max; i++) await recordLoginFailure("b@example.com", "198.51.100.1", T0 + i);
    expect(await loginRetryAfter("b@example.com", "198.51.100.1", T0 + 1000)).toBeGreaterThan(0);
    await recordLoginSuccess("b@example.com", "198.51.100.1", T0 + 500);
    expect(await loginRetryAfter("b@example.com", "198.51.100.1", T0 + 1000)).toBe(0);
    for (let i = 0; i < address.max; i++) await recordLoginFailure(`c${i}@example.com`, "198.51.100.1", T0 + 600 + i);
    expect(await loginRetryAfter("b@example.com", "198.51.100.1", T0 + 1000)).toBeGreaterThan(0);
  });
});
