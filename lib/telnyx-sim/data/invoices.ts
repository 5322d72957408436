// 24 monthly invoices before the anchor month; the most recent one or two are unpaid.
import { rngFor } from "../rng";
import { addUtcDays, addUtcMonths, isoDate } from "../time";
import type { World } from "./world";

export interface SimInvoice {
  id: string;
  fileId: string;
  number: string;
  periodStart: Date;
  /** The period's last day (inclusive, as the contract's example shows). */
  periodEnd: Date;
  paid: boolean;
}

/** Newest first. */
export function buildInvoices(w: World): SimInvoice[] {
  const unpaid = w.profile.creditLine ? 2 : rngFor(w.seed, w.anchorKey, "unpaid").int(1, 2);
  const out: SimInvoice[] = [];
  for (let m = 1; m <= 24; m++) {
    const periodStart = addUtcMonths(w.anchor, -m);
    // Ids depend on the seed and the billed month, not on today's month: an invoice keeps its id.
    const rng = rngFor(w.seed, "invoice", isoDate(periodStart));
    out.push({
      id: rng.uuid(),
      fileId: rng.uuid(),
      number: `INV-${isoDate(periodStart).slice(0, 7).replace("-", "")}-${rng.digits(6)}`,
      periodStart,
      periodEnd: addUtcDays(addUtcMonths(periodStart, 1), -1),
      paid: m > unpaid,
    });
  }
  return out;
}
