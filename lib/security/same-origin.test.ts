import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { assertSameOrigin } from "./same-origin";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/payments", { method, headers: { host: "127.0.0.1:3000", ...headers } });

function refused(r: Request): boolean {
  try {
    assertSameOrigin(r);
    return false;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(403);
    return true;
  }
}

describe("assertSameOrigin", () => {
  it("lets reads through whatever their origin", () => {
    for (const m of ["GET", "HEAD", "OPTIONS"]) expect(refused(req(m, { "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("accepts writes marked same-origin by the browser", () => {
    expect(refused(req("POST", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(refused(req("PATCH", { "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:3000" }))).toBe(false);
  });

  it("accepts an Origin matching Host (or X-Forwarded-Host behind a proxy)", () => {
    expect(refused(req("POST", { origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(refused(req("DELETE", { origin: "https://dash.example.com", "x-forwarded-host": "dash.example.com" }))).toBe(false);
  });

  it("refuses cross-site, same-site and typed-in writes", () => {
    expect(refused(req("POST", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }))).toBe(true);
    expect(refused(req("POST", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(refused(req("POST", { "sec-fetch-site": "none" }))).toBe(true);
    // Sec-Fetch-Site wins over an Origin that happens to match.
    expect(refused(req("POST", { "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:3000" }))).toBe(true);
  });

  it("refuses a foreign, null or malformed Origin", () => {
    expect(refused(req("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(refused(req("POST", { origin: "http://127.0.0.1:3001" }))).toBe(true);
    expect(refused(req("POST", { origin: "null" }))).toBe(true);
    expect(refused(req("POST", { origin: "not a url" }))).toBe(true);
  });

  it("refuses a write with neither header", () => {
    expect(refused(req("POST", {}))).toBe(true);
  });
});
