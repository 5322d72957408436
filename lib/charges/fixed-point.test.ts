import { describe, expect, it } from "vitest";
import { Big, sumDecimals } from "@/lib/money";
import { compareUnits, sumDecimalGroups, sumDecimalStrings, toFixedPoint } from "./fixed-point";
import { toDecimalString } from "./totals";

// A deterministic spread of decimals: signs, 0–6 decimals, large and tiny values.
function decimals(n: number, seed = 7): string[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: n }, () => {
    const whole = String(next() % (next() % 3 === 0 ? 1_000_000_000 : 100));
    const places = next() % 7;
    const fraction = places ? `.${String(next()).padStart(10, "0").slice(0, places)}` : "";
    return `${next() % 5 === 0 ? "-" : ""}${whole}${fraction}`;
  });
}

describe("fixed-point decimals", () => {
  it("sums exactly, written as toDecimalString(sumDecimals()) writes it", () => {
    expect(sumDecimalStrings(["1.00", "1.50", "1.00"])).toBe("3.50");
    expect(sumDecimalStrings(["0.1", "0.2"])).toBe("0.30");
    expect(sumDecimalStrings(["0.0075", "0.0025"])).toBe("0.01");
    expect(sumDecimalStrings(["0.0075", "1"])).toBe("1.0075");
    expect(sumDecimalStrings(["-1.25", "1.25"])).toBe("0.00");
    expect(sumDecimalStrings(["-1.25", "0.05"])).toBe("-1.20");
    expect(sumDecimalStrings(["-0.001"])).toBe("-0.001");
    expect(sumDecimalStrings([])).toBe("0.00");
    expect(sumDecimalStrings(["99999999999999999999.99", "0.01"])).toBe("100000000000000000000.00");
    for (let i = 0; i < 200; i++) {
      const values = decimals(1 + (i % 9), i + 1);
      expect(sumDecimalStrings(values), values.join(" + ")).toBe(toDecimalString(sumDecimals(values)));
    }
  });

  it("reads what big.js reads as the same number", () => {
    expect(sumDecimalStrings(["1e-3", "2.", ".5"])).toBe("2.501");
    expect(() => sumDecimalStrings(["abc"])).toThrow();
  });

  it("compares exactly on one scale, as Big does", () => {
    const values = decimals(300);
    const { units } = toFixedPoint(values);
    for (let i = 1; i < values.length; i++) expect(compareUnits(units[i - 1]!, units[i]!)).toBe(new Big(values[i - 1]!).cmp(values[i]!));
    // Beyond a float's precision: these are equal as numbers but not as decimals.
    const close = toFixedPoint(["0.30000000000000001", "0.3"]).units;
    expect(compareUnits(close[0]!, close[1]!)).toBe(1);
    expect(compareUnits(...(toFixedPoint(["2.5", "2.50"]).units as [bigint, bigint]))).toBe(0);
  });

  it("sums groups", () => {
    const sums = sumDecimalGroups([
      ["a", "1.005"],
      ["b", "2"],
      ["a", "-0.005"],
    ]);
    expect(Object.fromEntries(sums)).toEqual({ a: "1.00", b: "2.00" });
  });
});
