// The invoices page's selection in words: how many are selected and how many of them the list
// shows now, so "20 selected" never sits under 10 rows without saying where the other 10 are.

export interface SelectionWords {
  total: number;
  shown: number;
  hidden: number;
  text: string;
}

export function selectionWords(selected: ReadonlySet<string>, shownIds: readonly string[], count: (n: number) => string = String): SelectionWords {
  const total = selected.size;
  const shown = shownIds.filter((id) => selected.has(id)).length;
  const hidden = total - shown;
  if (total === 0) return { total, shown, hidden, text: "Select invoices to download them as one zip." };
  const text =
    hidden === 0
      ? `${count(total)} selected, all shown below.`
      : shown === 0
        ? `${count(total)} selected, none of them in the list below (other pages or filtered out); they stay selected.`
        : `${count(total)} selected: ${count(shown)} shown below, ${count(hidden)} on other pages or filtered out (still selected).`;
  return { total, shown, hidden, text };
}

/** How many of the newest invoices "Last 12 months" selects. */
export const LAST_MONTHS_COUNT = 12;
