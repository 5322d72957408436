// A tiny inline trend line (plain SVG: no chart library on the overview's first load). Values are
// only used for drawing; the exact amounts are shown as text next to it.
export function Sparkline({
  values,
  label,
  width = 240,
  height = 48,
  className,
}: {
  values: number[];
  /** What the line shows, for screen readers (the chart itself is decorative). */
  label: string;
  width?: number;
  height?: number;
  className?: string;
}) {
  const pad = 3;
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const x = (i: number) => pad + (values.length <= 1 ? 0 : (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => pad + ((max - v) * (height - 2 * pad)) / span;
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values.length - 1;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} className={className} preserveAspectRatio="none" width="100%" height={height}>
      <line x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} stroke="var(--border)" strokeWidth={1} />
      {values.length > 1 ? <polyline points={points} fill="none" stroke="var(--chart-1)" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" /> : null}
      {last >= 0 ? <circle cx={x(last)} cy={y(values[last]!)} r={3} fill="var(--chart-1)" /> : null}
    </svg>
  );
}
