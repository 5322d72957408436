// The value axis of the Charges page's bar charts (components/charts): a range that includes zero,
// widened to round steps (1, 2, 2.5 or 5 × 10^n), and where a value falls on it. Geometry only:
// the amounts shown as text stay decimal strings.

export interface ValueScale {
  min: number;
  max: number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

/** About `count` intervals of a round step covering [min(0, low), max(0, high)]. */
export function valueScale(low: number, high: number, count = 4): ValueScale {
  const lo = Math.min(0, low);
  const hi = Math.max(0, high);
  if (!(hi > lo)) return { min: 0, max: 1, ticks: [0, 1] };
  const rough = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = STEPS.find((s) => s * power >= rough)! * power;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  // Integer counting, so 0.1 + 0.2 never leaves a tick at 0.30000000000000004.
  for (let i = 0; min + i * step <= max + step / 1e9; i++) ticks.push(Number((min + i * step).toPrecision(12)));
  return { min, max, ticks };
}

/** Where `value` falls on the scale, 0 (min) to 100 (max), as a percentage. */
export const percentOf = (scale: ValueScale, value: number) => ((value - scale.min) / (scale.max - scale.min)) * 100;
