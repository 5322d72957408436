// Reconciliation of a closed month: each check with its two figures, the difference and a verdict,
// as decimals to the cent, and the lines that make up (or break) it. Pure: it reads a MonthData.
//   - the summary's lines and adjustments add up to its totals, and the totals to the grand total;
//   - the per-number breakdown's recurring charges equal the summary's recurring lines (MRC, OTC);
//   - the summary's usage lines equal the ledger's usage rollups, per record type, within 0.5 % or
//     $1.00, whichever is larger (Telnyx rates some records late); everything else exact to the cent;
//   - an invoice exists for the month and its period is the month;
//   - top-ups: the balance's step-ups (Telnyx's audit log, balance snapshots) match the top-ups seen.
import { sumDecimals, Big } from "@/lib/money";
import { summaryTotals } from "@/lib/charges/totals";
import { recordTypeLabel } from "@/lib/usage/records";
import { lineRecordType } from "./lines";
import type { MonthData } from "./month";

export type Verdict = "ok" | "difference" | "missing";

export interface CheckLine {
  item: string;
  a: string;
  b: string;
  difference: string;
  verdict: Verdict;
}

export interface Check {
  id: string;
  name: string;
  a_label: string;
  a: string;
  b_label: string;
  b: string;
  difference: string;
  /** The largest difference that still passes ("0.00": exact). */
  tolerance: string;
  verdict: Verdict;
  note: string | null;
  lines: CheckLine[];
}

export type ReconciliationStatus = "ok" | "differences" | "incomplete";

export interface Reconciliation {
  month: string;
  currency: string;
  status: ReconciliationStatus;
  missing: string[];
  checks: Check[];
}

export const USAGE_TOLERANCE = { percent: "0.5", floor: "1.00" } as const;

const cents = (v: Big) => {
  const s = v.toFixed(2);
  return s === "-0.00" ? "0.00" : s;
};

/** |a − b| within `tolerance` passes. */
function compare(a: Big, b: Big, tolerance = new Big(0)) {
  const diff = a.minus(b);
  return { difference: cents(diff), verdict: (diff.abs().lte(tolerance) ? "ok" : "difference") as Verdict };
}

function moneyCheck(
  base: Omit<Check, "a" | "b" | "difference" | "verdict" | "tolerance" | "lines" | "note"> & { note?: string | null },
  a: Big,
  b: Big,
  lines: CheckLine[] = [],
  tolerance = new Big(0),
): Check {
  const result = compare(a, b, tolerance);
  // Sums that agree while a line does not (two differences cancelling out) are still a difference.
  if (lines.some((l) => l.verdict === "difference")) result.verdict = "difference";
  return { ...base, note: base.note ?? null, a: cents(a), b: cents(b), tolerance: cents(tolerance), ...result, lines };
}

/** A line of a check: compared when it has both figures, else listed as what makes up one side. */
const line = (item: string, a: Big | null, b: Big | null, tolerance = new Big(0)): CheckLine => ({
  item,
  a: a === null ? "" : cents(a),
  b: b === null ? "" : cents(b),
  ...(a !== null && b !== null ? compare(a, b, tolerance) : { difference: "", verdict: "ok" as Verdict }),
});

/** The usage tolerance for a line total: 0.5 % of it or $1.00, whichever is larger. */
export function usageTolerance(amount: Big): Big {
  const pct = amount.abs().times(USAGE_TOLERANCE.percent).div(100);
  return pct.gt(USAGE_TOLERANCE.floor) ? pct : new Big(USAGE_TOLERANCE.floor);
}

function summaryChecks(d: MonthData): Check[] {
  const s = d.summary!;
  const t = s.total;
  const ours = summaryTotals(s.summary);
  const comparative = s.summary.lines.filter((l) => l.type === "comparative");
  const simple = s.summary.lines.filter((l) => l.type === "simple");
  const lineOf = (name: string, v: string | null | undefined) => line(name, new Big(v ?? "0"), null);
  const totals: [string, string, string, Big, CheckLine[]][] = [
    ["new_mrc", "New numbers: monthly charges", t.new_mrc, new Big(ours.new_mrc), comparative.map((l) => lineOf(l.name, l.new_this_month.mrc))],
    ["new_otc", "New numbers: one-time charges", t.new_otc, new Big(ours.new_otc), comparative.map((l) => lineOf(l.name, l.new_this_month.otc))],
    [
      "existing_mrc",
      "Existing numbers: monthly charges",
      t.existing_mrc,
      new Big(ours.existing_mrc).plus(ours.existing_otc),
      comparative.map((l) => lineOf(l.name, new Big(l.existing_this_month.mrc).plus(l.existing_this_month.otc ?? "0").toFixed(2))),
    ],
    ["other", "Usage and other charges", t.other, new Big(ours.other), simple.map((l) => lineOf(l.name, l.amount))],
    [
      "adjustments",
      "Credits and adjustments",
      new Big(t.credits).plus(t.ledger_adjustments).toFixed(2),
      new Big(ours.adjustments),
      s.summary.adjustments.map((a) => lineOf(`${a.event_date} ${a.description}`, a.amount)),
    ],
  ];
  const checks = totals.map(([id, name, theirs, sum, lines]) =>
    moneyCheck({ id: `summary.${id}`, name: `Summary lines add up: ${name}`, a_label: "Telnyx's total", b_label: "Sum of the lines" }, new Big(theirs), sum, lines.filter((l) => l.a !== "0.00")),
  );
  const parts = sumDecimals([t.new_mrc, t.new_otc, t.existing_mrc, t.other, t.credits, t.ledger_adjustments]);
  checks.push(
    moneyCheck(
      { id: "summary.grand_total", name: "Totals add up to the grand total", a_label: "Telnyx's grand total", b_label: "Sum of Telnyx's totals" },
      new Big(t.grand_total),
      parts,
      (
        [
          ["New MRC", t.new_mrc],
          ["New OTC", t.new_otc],
          ["Existing MRC", t.existing_mrc],
          ["Usage and other", t.other],
          ["Credits", t.credits],
          ["Ledger adjustments", t.ledger_adjustments],
        ] as const
      ).map(([item, v]) => line(item, null, new Big(v))),
    ),
  );
  return checks;
}

function breakdownChecks(d: MonthData): Check[] {
  const s = d.summary!;
  const comparative = s.summary.lines.filter((l) => l.type === "comparative");
  const out: Check[] = [];
  for (const kind of ["MRC", "OTC"] as const) {
    const byName = new Map<string, { summary: Big; breakdown: Big }>();
    const at = (name: string) => byName.get(name) ?? (byName.set(name, { summary: new Big(0), breakdown: new Big(0) }), byName.get(name)!);
    for (const l of comparative) {
      const v =
        kind === "MRC"
          ? sumDecimals([l.new_this_month.mrc, l.existing_this_month.mrc])
          : sumDecimals([l.new_this_month.otc, l.existing_this_month.otc]);
      at(l.name).summary = at(l.name).summary.plus(v);
    }
    for (const n of d.breakdown?.results ?? [])
      for (const svc of n.services) if (svc.cost_type.toUpperCase() === kind) at(svc.name).breakdown = at(svc.name).breakdown.plus(svc.cost);
    const lines = [...byName].sort(([a], [b]) => a.localeCompare(b)).map(([name, v]) => line(name, v.breakdown, v.summary));
    const a = lines.reduce((sum, l) => sum.plus(l.a || "0"), new Big(0));
    const b = lines.reduce((sum, l) => sum.plus(l.b || "0"), new Big(0));
    out.push(
      moneyCheck(
        {
          id: `breakdown.${kind.toLowerCase()}`,
          name: `Per-number breakdown equals the summary's recurring lines (${kind})`,
          a_label: "Breakdown",
          b_label: "Summary",
          note: d.breakdown ? null : "No breakdown in the ledger for this month.",
        },
        a,
        b,
        lines.filter((l) => l.verdict !== "ok" || l.a !== "0.00"),
      ),
    );
    if (!d.breakdown) out[out.length - 1]!.verdict = "missing";
  }
  return out;
}

/** Usage lines with no detail records (10DLC campaign fees): listed, not compared. */
function feesCheck(fees: { name: string; amount: string }[]): Check {
  return {
    id: "usage.fees",
    name: "Usage lines without detail records (fees)",
    a_label: "Summary lines",
    a: cents(sumDecimals(fees.map((f) => f.amount))),
    b_label: "Detail records",
    b: "",
    difference: "",
    tolerance: "",
    verdict: "ok",
    note: "Not compared: these fees have no detail records (e.g. 10DLC campaign fees).",
    lines: fees.map((f) => line(f.name, new Big(f.amount), null)),
  };
}

function usageChecks(d: MonthData): Check[] {
  const s = d.summary!;
  const byType = new Map<string, { lines: { name: string; amount: Big }[]; summary: Big; ledger: Big }>();
  const at = (t: string) => byType.get(t) ?? (byType.set(t, { lines: [], summary: new Big(0), ledger: new Big(0) }), byType.get(t)!);
  const unrated: { name: string; amount: string }[] = [];
  for (const l of s.summary.lines) {
    if (l.type !== "simple") continue;
    const type = lineRecordType(l);
    if (!type) {
      unrated.push({ name: l.name, amount: l.amount });
      continue;
    }
    const e = at(type);
    e.lines.push({ name: l.name, amount: new Big(l.amount) });
    e.summary = e.summary.plus(l.amount);
  }
  const days = new Map<string, Map<string, Big>>();
  for (const r of d.usageByDay) {
    if (r.currency !== d.currency) continue;
    const key = r.key ?? "";
    at(key).ledger = at(key).ledger.plus(r.cost);
    const perDay = days.get(key) ?? new Map<string, Big>();
    perDay.set(r.date, (perDay.get(r.date) ?? new Big(0)).plus(r.cost));
    days.set(key, perDay);
  }
  return [...byType]
    .filter(([, v]) => !v.summary.eq(0) || !v.ledger.eq(0))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, v]) => {
      const tolerance = usageTolerance(v.summary);
      const lines: CheckLine[] = v.lines.map((l) => line(`Summary line: ${l.name}`, l.amount, null));
      lines.push(line(`Ledger rollups (${days.get(type)?.size ?? 0} days)`, null, v.ledger));
      return moneyCheck(
        {
          id: `usage.${type}`,
          name: `Usage lines equal the ledger's rollups: ${recordTypeLabel(type)}`,
          a_label: "Summary usage lines",
          b_label: "Ledger usage rollups",
          note: `Tolerance: ${USAGE_TOLERANCE.percent} % or $${USAGE_TOLERANCE.floor}, whichever is larger (records Telnyx rates late).`,
        },
        v.summary,
        v.ledger,
        lines,
        tolerance,
      );
    })
    .concat(unrated.length ? [feesCheck(unrated)] : []);
}

function invoiceCheck(d: MonthData): Check {
  const expected = `${d.bounds.start} to ${d.bounds.lastDay}`;
  const base = { id: "invoice", name: "An invoice exists for the month, and its period is the month", a_label: "Expected period", b_label: "Invoice period", tolerance: "" };
  if (!d.invoice)
    return { ...base, a: expected, b: "", difference: "no invoice", verdict: "difference", note: "No invoice for this month in the ledger.", lines: [] };
  const got = `${d.invoice.period_start} to ${d.invoice.period_end}`;
  // Telnyx gives the period's last day (inclusive); some invoices give the next month's first day.
  const ok = d.invoice.period_start === d.bounds.start && (d.invoice.period_end === d.bounds.lastDay || d.invoice.period_end === d.bounds.end);
  return {
    ...base,
    a: expected,
    b: got,
    difference: ok ? "" : "period differs",
    verdict: ok ? "ok" : "difference",
    note: d.pdf ? `Invoice ${d.invoice.id}, PDF archived (SHA-256 ${d.pdf.sha256.slice(0, 12)}…).` : `Invoice ${d.invoice.id}; its PDF is not archived yet.`,
    lines: [],
  };
}

/**
 * Top-ups: each payment in Telnyx's audit log moves the balance by its amount (balance from → to),
 * every dashboard payment appears there, and every rise between two balance snapshots is covered
 * by top-ups between them.
 */
function topUpCheck(d: MonthData): Check {
  const lines: CheckLine[] = [];
  let steps = new Big(0);
  let seen = new Big(0);
  for (const t of d.topUps) {
    seen = seen.plus(t.amount);
    const who = `${t.at.slice(0, 16).replace("T", " ")} ${t.who}`;
    if (t.balance_before !== null && t.balance_after !== null) {
      const step = new Big(t.balance_after).minus(t.balance_before);
      steps = steps.plus(step);
      lines.push(line(`${who}: balance step-up`, step, new Big(t.amount)));
    } else if (t.seen_in === "action_log") lines.push(line(`${who}: not in Telnyx's audit log`, new Big(0), new Big(t.amount)));
    else {
      steps = steps.plus(t.amount);
      lines.push({ ...line(`${who}: the audit log gives no balance change`, new Big(t.amount), new Big(t.amount)) });
    }
  }
  for (let i = 1; i < d.balances.length; i++) {
    const prev = d.balances[i - 1]!;
    const cur = d.balances[i]!;
    const rise = new Big(cur.balance).minus(prev.balance);
    if (rise.lte(0)) continue;
    const covered = d.topUps.filter((t) => Date.parse(t.at) > prev.at && Date.parse(t.at) <= cur.at).reduce((s, t) => s.plus(t.amount), new Big(0));
    if (covered.lt(rise)) {
      steps = steps.plus(rise.minus(covered));
      lines.push(line(`Balance snapshots ${new Date(prev.at).toISOString()} → ${new Date(cur.at).toISOString()}: rise without a top-up`, rise.minus(covered), new Big(0)));
    }
  }
  return moneyCheck(
    {
      id: "topups",
      name: "Top-ups: the balance's step-ups match the payments and auto-recharges seen",
      a_label: "Balance step-ups",
      b_label: "Top-ups seen",
      note: d.topUps.length === 0 ? "No top-ups in this month." : `${d.balances.length} balance snapshots kept in the month.`,
    },
    steps,
    seen,
    lines.filter((l) => l.verdict !== "ok").concat(lines.filter((l) => l.verdict === "ok")),
  );
}

export function reconcile(d: MonthData): Reconciliation {
  const checks: Check[] = [];
  if (d.summary) checks.push(...summaryChecks(d), ...breakdownChecks(d), ...usageChecks(d));
  else
    checks.push({
      id: "summary",
      name: "Charges summary",
      a_label: "Summary",
      a: "",
      b_label: "",
      b: "",
      difference: "",
      tolerance: "",
      verdict: "missing",
      note: "The ledger has no charges summary for this month.",
      lines: [],
    });
  checks.push(invoiceCheck(d), topUpCheck(d));
  const status: ReconciliationStatus = d.missing.length ? "incomplete" : checks.some((c) => c.verdict !== "ok") ? "differences" : "ok";
  return { month: d.bounds.month, currency: d.currency, status, missing: d.missing, checks };
}

export const RECONCILIATION_COLUMNS = ["check", "item", "a_label", "a", "b_label", "b", "difference", "tolerance", "verdict", "note"] as const;

/** One row per check, then one per line of it (item filled). */
export function reconciliationCsvRows(r: Reconciliation): Record<(typeof RECONCILIATION_COLUMNS)[number], string>[] {
  return r.checks.flatMap((c) => [
    { check: c.name, item: "", a_label: c.a_label, a: c.a, b_label: c.b_label, b: c.b, difference: c.difference, tolerance: c.tolerance, verdict: c.verdict, note: c.note ?? "" },
    ...c.lines.map((l) => ({ check: c.name, item: l.item, a_label: c.a_label, a: l.a, b_label: c.b_label, b: l.b, difference: l.difference, tolerance: "", verdict: l.verdict, note: "" })),
  ]);
}
