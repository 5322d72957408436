/** "toll_free" → "Toll free". */
export const chargeTypeLabel = (t: string) => t.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());
