import { describe, expect, it } from "vitest";
import { flatQuery, getPath, paramName, parseQuery } from "./query";

describe("parseQuery (deepObject)", () => {
  it("nests bracketed keys", () => {
    expect(parseQuery("page[number]=2&page[size]=50&filter[created_after]=2025-01-01T00:00:00Z")).toEqual({
      page: { number: "2", size: "50" },
      filter: { created_after: "2025-01-01T00:00:00Z" },
    });
  });

  it("handles two levels and percent-encoded brackets", () => {
    const q = parseQuery("filter%5Bstatus%5D%5Beq%5D=failed&filter%5Bevent_type%5D=call.initiated%2Ccall.hangup");
    expect(q).toEqual({ filter: { status: { eq: "failed" }, event_type: "call.initiated,call.hangup" } });
    expect(getPath(q, "filter", "status", "eq")).toBe("failed");
  });

  it("keeps repeated values as a list", () => {
    expect(parseQuery("sort=a&sort=-b")).toEqual({ sort: ["a", "-b"] });
    expect(parseQuery("sort=a&sort=b&sort=c").sort).toEqual(["a", "b", "c"]);
  });

  it("decodes values (+ and %20 are spaces) and accepts a leading ?", () => {
    expect(parseQuery("?filter[starts_with]=my+tag%20x")).toEqual({ filter: { starts_with: "my tag x" } });
  });

  it("lets an object win over a scalar at the same key, whatever the order", () => {
    expect(parseQuery("filter=x&filter[a]=b")).toEqual({ filter: { a: "b" } });
    expect(parseQuery("filter[a]=b&filter=x")).toEqual({ filter: { a: "b" } });
  });

  it("treats malformed bracket keys as plain keys", () => {
    expect(parseQuery("page[number=2&a[]=1")).toEqual({ "page[number": "2", "a[]": "1" });
  });

  it("flattens for logs and names parameters", () => {
    expect(flatQuery(new URLSearchParams("page%5Bnumber%5D=2&x=1&x=2"))).toEqual({ "page[number]": "2", x: "2" });
    expect(paramName(["filter", "status", "eq"])).toBe("filter[status][eq]");
  });
});
