// UTC calendar helpers. All simulator dates are UTC; charges ranges are [start, end).

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export function startOfUtcDay(d: Date | number): Date {
  const x = new Date(d);
  return new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate()));
}

export function startOfUtcMonth(d: Date | number): Date {
  const x = new Date(d);
  return new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), 1));
}

/** Same day-of-month n months later, clamped to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addUtcMonths(d: Date, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()),
  );
}

export function addUtcDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY);
}

/** YYYY-MM-DD of a UTC date. */
export function isoDate(d: Date | number): string {
  return new Date(d).toISOString().slice(0, 10);
}

/** YYYY-MM-DDTHH:mm:ss.sssZ */
export function isoDateTime(d: Date | number): string {
  return new Date(d).toISOString();
}

/** A calendar date written YYYY-MM-DD that exists (2025-02-30 does not). */
export function parseIsoDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return isoDate(d) === s ? d : null;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 timestamp (a zone is optional and means UTC), or a bare date (midnight UTC). */
export function parseIsoDateTime(s: string): Date | null {
  const dateOnly = parseIsoDate(s);
  if (dateOnly) return dateOnly;
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  if (!parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
  const zone = m[8] ?? "Z";
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}${(m[7] ?? "").slice(0, 4)}${zone.toUpperCase() === "Z" ? "Z" : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  return Number.isNaN(t) ? null : new Date(t);
}

/** Whole UTC days between two UTC midnights. */
export function daysBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / DAY);
}

export function monthKey(d: Date): string {
  return isoDate(d).slice(0, 7);
}
