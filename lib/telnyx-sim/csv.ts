// RFC 4180 cells and rows, for the breakdown's CSV format.

/** A cell, quoted when it holds a comma, a quote or a line break. */
export function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(",");
}
