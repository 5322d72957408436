import { describe, expect, it } from "vitest";
import { contentKeys } from "./content-keys";

describe("contentKeys", () => {
  it("keys each row by its content, numbering repeats", () => {
    expect(contentKeys(["a", "b", "a", "a"], (s) => s)).toEqual(["a", "b", "a#2", "a#3"]);
  });

  it("keeps a row's key when a different row is added before it", () => {
    const before = contentKeys([["Host", "x"], ["Accept", "y"]], ([n, v]) => `${n}:${v}`);
    const after = contentKeys([["Date", "z"], ["Host", "x"], ["Accept", "y"]], ([n, v]) => `${n}:${v}`);
    expect(after.slice(1)).toEqual(before);
  });

  it("gives every row a distinct key", () => {
    const keys = contentKeys(["x", "x#2", "x", "x"], (s) => s);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
