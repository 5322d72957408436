// Figures: one `name: value unit` line each on stdout as they are measured, the same in the JSON
// file, and a budget table at the end. A missed budget is reported, never a failure: only a broken
// harness (a section that could not measure) makes the run exit non-zero.
export type BudgetOp = "<=" | ">=";

export interface Budget {
  op: BudgetOp;
  limit: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  budget?: Budget;
  met?: boolean;
  note?: string;
}

export interface Missing {
  name: string;
  reason: string;
}

export interface SectionError {
  section: string;
  message: string;
}

/** Rounds for display and JSON alike: integers stay, others keep about 4 significant digits. */
export function round(value: number, digits?: number): number {
  if (!Number.isFinite(value)) return value;
  if (Number.isInteger(value)) return value;
  const abs = Math.abs(value);
  return Number(value.toFixed(digits ?? (abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3)));
}

export class Report {
  readonly figures: Figure[] = [];
  readonly missing: Missing[] = [];
  readonly errors: SectionError[] = [];
  readonly notes: string[] = [];

  constructor(private readonly print: (line: string) => void = (l) => console.log(l)) {}

  /** `digits`: decimals to keep (default: about 4 significant digits); budgets are judged on the exact value. */
  add(name: string, value: number, unit: string, extra: { budget?: Budget; note?: string; digits?: number } = {}): Figure {
    const { digits, ...rest } = extra;
    const v = round(value, digits);
    const figure: Figure = { name, value: v, unit, ...rest };
    if (extra.budget) figure.met = extra.budget.op === "<=" ? value <= extra.budget.limit : value >= extra.budget.limit;
    this.figures.push(figure);
    this.print(`${name}: ${v} ${unit}`);
    return figure;
  }

  addMissing(name: string, reason: string): void {
    this.missing.push({ name, reason });
    this.print(`# missing ${name}: ${reason}`);
  }

  addError(section: string, error: unknown): void {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.errors.push({ section, message: message.split("\n").slice(0, 6).join("\n") });
    this.print(`# error in ${section}: ${message.split("\n")[0]}`);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  get budgeted(): Figure[] {
    return this.figures.filter((f) => f.budget);
  }

  budgetTable(): string[] {
    const rows = this.budgeted;
    const missed = rows.filter((f) => !f.met).length;
    const lines = [`Budgets: ${rows.length - missed} met, ${missed} missed`];
    for (const f of rows)
      lines.push(`  ${f.met ? "met   " : "MISSED"}  ${f.name} = ${f.value} ${f.unit} (budget ${f.budget!.op === "<=" ? "≤" : "≥"} ${f.budget!.limit} ${f.unit})`);
    for (const m of this.missing) lines.push(`  missing ${m.name}: ${m.reason}`);
    for (const e of this.errors) lines.push(`  harness error in ${e.section}: ${e.message.split("\n")[0]}`);
    return lines;
  }
}
