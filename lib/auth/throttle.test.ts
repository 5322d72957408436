import { describe, expect, it } from "vitest";
import { useTempDatabase } from "../db/testing";
import { clearLoginFailures, clientAddress, loginRetryAfter, MAX_FAILURES, recordLoginFailure, WINDOW_MS } from "./throttle";

useTempDatabase();
const T0 = 1_700_000_000_000;

describe("login throttle", () => {
  it("blocks an email after 10 failures in 15 minutes, from any address, until the oldest ages out", () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) recordLoginFailure("a@example.com", `10.0.0.${i}`, T0 + i * 1000);
    expect(loginRetryAfter("a@example.com", "10.9.9.9", T0 + 20_000)).toBe(0);
    recordLoginFailure("A@Example.com", "10.0.0.99", T0 + 20_000);
    // The 10th most recent failure is the first one (T0): free again at T0 + 15 min.
    expect(loginRetryAfter("a@example.com", "10.9.9.9", T0 + 60_000)).toBe((WINDOW_MS - 60_000) / 1000);
    expect(loginRetryAfter("a@example.com", "10.9.9.9", T0 + WINDOW_MS + 1)).toBe(0);
    expect(loginRetryAfter("other@example.com", "10.9.9.9", T0 + 60_000)).toBe(0);
  });

  it("blocks an address after 10 failures whatever the emails", () => {
    for (let i = 0; i < MAX_FAILURES; i++) recordLoginFailure(`u${i}@example.com`, "192.0.2.7", T0 + i);
    expect(loginRetryAfter("new@example.com", "192.0.2.7", T0 + 1000)).toBeGreaterThan(0);
    expect(loginRetryAfter("new@example.com", "192.0.2.8", T0 + 1000)).toBe(0);
  });

  it("a success clears the email's count but not the address's", () => {
    for (let i = 0; i < MAX_FAILURES; i++) recordLoginFailure("b@example.com", "198.51.100.1", T0 + i);
    clearLoginFailures("b@example.com");
    expect(loginRetryAfter("b@example.com", "198.51.100.2", T0 + 1000)).toBe(0);
    expect(loginRetryAfter("b@example.com", "198.51.100.1", T0 + 1000)).toBeGreaterThan(0);
  });

  it("takes the address the nearest proxy saw", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBe("10.0.0.1");
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
