import { describe, expect, it } from "vitest";
import { percentOf, valueScale } from "./scale";

describe("the bar charts' value scale", () => {
  it("covers zero and the values with round steps", () => {
    expect(valueScale(0, 870)).toEqual({ min: 0, max: 1000, ticks: [0, 250, 500, 750, 1000] });
    expect(valueScale(-120, 870)).toEqual({ min: -250, max: 1000, ticks: [-250, 0, 250, 500, 750, 1000] });
    expect(valueScale(-500, 1000)).toEqual({ min: -500, max: 1000, ticks: [-500, 0, 500, 1000] });
    expect(valueScale(3, 7).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(valueScale(0, 0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(valueScale(-40, -10)).toMatchObject({ min: -40, max: 0 });
  });

  it("has a range when every value is zero", () => {
    expect(valueScale(0, 0)).toEqual({ min: 0, max: 1, ticks: [0, 1] });
  });

  it("places values as percentages of the range", () => {
    const s = valueScale(-500, 1000);
    expect(percentOf(s, -500)).toBe(0);
    expect(percentOf(s, 0)).toBeCloseTo(33.333, 3);
    expect(percentOf(s, 1000)).toBe(100);
  });
});
