// CSV helpers shared by the export (server) and its progress display (browser).

// A cell starting with = + - @ (or a tab/CR) can run as a formula in a spreadsheet. Phone numbers
// ("+15551234567") and signed amounts ("-0.50") must stay intact, so only cells that are not plain
// numbers get a leading quote.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s().]*\d[\d\s().]*$/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/**
 * Counts CSV records as text streams in (chunk by chunk), ignoring line breaks inside quoted
 * fields. `rows` counts complete records, the header included.
 */
export function createCsvRowCounter() {
  let inQuotes = false;
  let rows = 0;
  return {
    push(text: string): number {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 34 /* " */) inQuotes = !inQuotes; // an escaped "" toggles twice
        else if (ch === 10 /* \n */ && !inQuotes) rows++;
      }
      return rows;
    },
    get rows() {
      return rows;
    },
  };
}

export function exportFileName(q: { record_type: string; date_range: string; tags?: string }): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return `usage-${slug(q.record_type)}-${slug(q.date_range)}${q.tags ? `-${slug(q.tags)}` : ""}.csv`;
}

/** The response header carrying how many rows the export expects (Telnyx's total_results). */
export const EXPECTED_ROWS_HEADER = "x-expected-rows";

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV text as objects keyed by the header row. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
}
