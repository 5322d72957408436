// The breakdown's rows as GET /api/charges/breakdown/rows sends them: six values a row in one flat
// array, the text many rows share (charge type, owner, services) once in a list and by index in the
// rows. 10,000 numbers are ~0.35 MB of JSON instead of 2 MB of objects, so the server writes and
// compresses less and the browser parses less before the table can sort them itself. Types only
// from the view: this module goes to the browser with the query options.
import type { BreakdownRow } from "./breakdown";
import type { BreakdownView } from "./breakdown-view";

export interface PackedRows {
  /** Text shared by rows, by index. */
  text: string[];
  /** For each row: tn, then indexes into `text` of charge_type, owner_email, owner_id, services, then cost. */
  cells: (string | number)[];
}

export type PackedBreakdownView = Omit<BreakdownView, "rows"> & { rows: PackedRows };

const WIDTH = 6;

export function packRows(rows: readonly BreakdownRow[]): PackedRows {
  const text: string[] = [];
  const index = new Map<string, number>();
  const at = (s: string) => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = text.push(s) - 1));
    return i;
  };
  const cells: (string | number)[] = new Array(rows.length * WIDTH);
  rows.forEach((r, n) => {
    const o = n * WIDTH;
    cells[o] = r.tn;
    cells[o + 1] = at(r.charge_type);
    cells[o + 2] = at(r.owner_email);
    cells[o + 3] = at(r.owner_id);
    cells[o + 4] = at(r.services);
    cells[o + 5] = r.cost;
  });
  return { text, cells };
}

/** The rows back; throws on anything packRows cannot have written (the query then fails, as on a bad answer). */
export function unpackRows({ text, cells }: PackedRows): BreakdownRow[] {
  const str = (v: unknown) => {
    if (typeof v !== "string") throw new Error("The breakdown's rows arrived malformed.");
    return v;
  };
  const shared = (v: unknown) => str(typeof v === "number" ? text[v] : undefined);
  if (!Array.isArray(text) || !Array.isArray(cells) || cells.length % WIDTH !== 0) str(undefined);
  const rows: BreakdownRow[] = new Array(cells.length / WIDTH);
  for (let n = 0, o = 0; o < cells.length; n++, o += WIDTH)
    rows[n] = {
      tn: str(cells[o]),
      charge_type: shared(cells[o + 1]),
      owner_email: shared(cells[o + 2]),
      owner_id: shared(cells[o + 3]),
      services: shared(cells[o + 4]),
      cost: str(cells[o + 5]),
    };
  return rows;
}

export const packView = (view: BreakdownView): PackedBreakdownView => ({ ...view, rows: packRows(view.rows) });

export const unpackView = (packed: PackedBreakdownView): BreakdownView => ({ ...packed, rows: unpackRows(packed.rows) });
