// Months as the tests see them, computed from today (UTC) like the simulator's data.
const now = new Date();

/** "YYYY-MM" of the month `offset` months from this one (0 = this month, -1 = the last closed one). */
export const monthKey = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);

/**
 * The month Charges opens on without ?month: the last closed month on days 1–7 of a UTC month
 * (finance is closing it), else the current month (the rule the page states next to its buttons).
 */
export const opensOn = now.getUTCDate() <= 7 ? monthKey(-1) : monthKey(0);
