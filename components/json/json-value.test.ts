import { describe, expect, it } from "vitest";
import { deepEqual, diffJson, formatPath, formatScalar, jsonType, summarize } from "./json-value";

describe("jsonType and summaries", () => {
  it("names every JSON type", () => {
    expect([null, undefined, [], {}, "a", 1, true].map(jsonType)).toEqual([
      "null", "undefined", "array", "object", "string", "number", "boolean",
    ]);
  });
  it("summarizes containers and writes scalars as JSON", () => {
    expect(summarize({ a: 1, b: 2 })).toBe("{2 keys}");
    expect(summarize([1])).toBe("[1 item]");
    expect(formatScalar("on-failure")).toBe('"on-failure"');
    expect(formatScalar(null)).toBe("null");
    expect(formatScalar(undefined)).toBe("(absent)");
    expect(formatScalar(0.25)).toBe("0.25");
  });
  it("writes paths like JavaScript", () => {
    expect(formatPath(["rtcp_settings", "port"])).toBe("rtcp_settings.port");
    expect(formatPath(["list", 2, "a-b"])).toBe('list[2]["a-b"]');
  });
});

describe("deepEqual", () => {
  it("compares structurally", () => {
    expect(deepEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});

describe("diffJson", () => {
  it("reports a scalar change of any type, including type changes", () => {
    expect(diffJson("a", "b")).toEqual([{ kind: "changed", path: [], from: "a", to: "b" }]);
    expect(diffJson(false, true)).toEqual([{ kind: "changed", path: [], from: false, to: true }]);
    expect(diffJson(null, "SRTP")).toEqual([{ kind: "changed", path: [], from: null, to: "SRTP" }]);
    expect(diffJson(0.1, 0.25)).toEqual([{ kind: "changed", path: [], from: 0.1, to: 0.25 }]);
    expect(diffJson(3, 3)).toEqual([]);
  });

  it("walks nested objects key by key", () => {
    const from = { port: "rtp+1", capture_enabled: false, report_frequency_secs: 10, old: 1 };
    const to = { port: "rtcp-mux", capture_enabled: true, report_frequency_secs: 10, extra: { x: 1 } };
    expect(diffJson(from, to)).toEqual([
      { kind: "changed", path: ["port"], from: "rtp+1", to: "rtcp-mux" },
      { kind: "changed", path: ["capture_enabled"], from: false, to: true },
      { kind: "removed", path: ["old"], from: 1 },
      { kind: "added", path: ["extra"], to: { x: 1 } },
    ]);
  });

  it("treats lists of scalars as sets of items", () => {
    expect(diffJson(["US", "CA"], ["US", "MX", "FR"])).toEqual([
      { kind: "removed", path: [1], from: "CA" },
      { kind: "added", path: [1], to: "MX" },
      { kind: "added", path: [2], to: "FR" },
    ]);
    expect(diffJson(["a", "b"], ["b", "a"])).toEqual([{ kind: "changed", path: [], from: ["a", "b"], to: ["b", "a"] }]);
  });

  it("compares lists of objects by position", () => {
    expect(diffJson([{ a: 1 }], [{ a: 2 }, { a: 3 }])).toEqual([
      { kind: "changed", path: [0, "a"], from: 1, to: 2 },
      { kind: "added", path: [1], to: { a: 3 } },
    ]);
  });

  it("reports a container replacing null as one change", () => {
    const to = { toll_free_weight: 10 };
    expect(diffJson(null, to)).toEqual([{ kind: "changed", path: [], from: null, to }]);
  });
});
