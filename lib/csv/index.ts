// CSV exports: one header row of column names, then the rows, RFC 4180 quoting (csv-stringify), and
// cells that a spreadsheet would run as a formula defused. Amounts ("-25.50") and phone numbers
// ("+12015550100") stay as they are: they are numbers, not formulas.
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=@\t\r]|^[+-](?![\d.]+$)/;

/** A text cell a spreadsheet would treat as a formula gets a leading apostrophe (OWASP's advice). */
export function defuseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv<K extends string>(columns: readonly K[], rows: readonly Record<K, string>[]): string {
  return stringify(
    rows.map((row) => columns.map((c) => defuseCell(row[c] ?? ""))),
    // Line breaks inside a field are quoted whatever the record delimiter.
    { header: true, columns: columns as unknown as string[], record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

/** A CSV file download: UTF-8 with a byte-order mark so spreadsheet apps read names with accents right. */
export function csvResponse(csv: string, fileName: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
