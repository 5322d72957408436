import { describe, expect, it } from "vitest";
import { safeNextPath } from "./cookie";

describe("safeNextPath", () => {
  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeNextPath("/invoices?page=2#top")).toBe("/invoices?page=2#top");
    expect(safeNextPath("/settings/billing")).toBe("/settings/billing");
  });

  it("refuses anything a browser could read as another host", () => {
    for (const next of [
      "/\t/evil.example/phish", // browsers drop tab, CR and LF: "//evil.example"
      "/\n/evil.example",
      "/\r/evil.example",
      "/\u0000/x",
      "/\\evil.example",
      "/\\\\evil.example",
      "/a\\b",
      "//evil.example",
      "https://evil.example/",
      "evil.example",
      "javascript:alert(1)",
      "/\u0085/evil.example",
    ])
      expect(safeNextPath(next), JSON.stringify(next)).toBe("/");
  });

  it("never returns to the login page or an API route, however written", () => {
    expect(safeNextPath("/login")).toBe("/");
    expect(safeNextPath("/x/../login")).toBe("/");
    expect(safeNextPath("/api/balance")).toBe("/");
    expect(safeNextPath("/./api/balance")).toBe("/");
  });

  it("returns ASCII only, so the value is always a valid Location header", () => {
    const next = safeNextPath("/usage?tags=café");
    expect(next).toBe("/usage?tags=caf%C3%A9");
    expect(() => new Headers({ location: next })).not.toThrow();
  });
});
