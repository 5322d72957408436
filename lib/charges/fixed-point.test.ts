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

describe("fixed-point decimals, both representations", () => {
  it("writes one amount as the sum of it alone, as Big does", () => {
    for (const v of ["0", "-0", "-0.000", "007.50", "12", "1.230", "-3.1", "0.0001", "99999999999999999999.99", "1e-3", ".5"])
      expect(sumDecimalStrings([v]), v).toBe(toDecimalString(sumDecimals([v])));
  });

  it("sums exactly past a float's safe integers (BigInt units)", () => {
    // 16 digits of units: beyond Number.MAX_SAFE_INTEGER's 15 safe ones.
    expect(sumDecimalStrings(["9007199254740.993", "0.001"])).toBe("9007199254740.994");
    expect(sumDecimalStrings(["4503599627370.4965", "4503599627370.4965"])).toBe("9007199254740.993");
    // Many amounts, each safe, whose sum is not: BigInts.
    const many = Array.from({ length: 2000 }, () => "9999999999999.99");
    expect(sumDecimalStrings(many)).toBe(toDecimalString(sumDecimals(many)));
    expect(typeof toFixedPoint(many).units[0]).toBe("bigint");
    expect(typeof toFixedPoint(["1.25", "3"]).units[0]).toBe("number");
  });

  it("compares numbers and BigInts alike", () => {
    const big = toFixedPoint(["99999999999999999.01", "99999999999999999.02"]).units;
    expect(typeof big[0]).toBe("bigint");
    expect(compareUnits(big[0]!, big[1]!)).toBe(-1);
    expect(compareUnits(...(toFixedPoint(["-0.00", "0"]).units as [number, number]))).toBe(0);
  });
});
